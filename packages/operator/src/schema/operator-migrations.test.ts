import { sql } from '@hannun/store';
import { describeEachDialect } from '@hannun/store/testing';
import { expect, it } from 'vitest';
import { migrateOperatorStore } from './open-operator-store.ts';
import type { OperatorDatabase } from './operator-database.ts';
import { OPERATOR_MIGRATIONS } from './operator-migrations.ts';

describeEachDialect('operator migrations (namespace operator)', (open, { dialect }) => {
  it('apply once as one set; a second run applies nothing; every table is prefixed op_', async () => {
    const store = await open<OperatorDatabase>();
    expect(await migrateOperatorStore(store)).toEqual(Object.keys(OPERATOR_MIGRATIONS));
    expect(await migrateOperatorStore(store)).toEqual([]);
    const tables =
      dialect === 'sqlite'
        ? (
            await sql<{
              name: string;
            }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(store.db)
          ).rows
        : (
            await sql<{
              name: string;
            }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
              store.db,
            )
          ).rows;
    const names = tables.map((t) => t.name).filter((n) => !n.startsWith('operator_migration'));
    expect(names.length).toBeGreaterThan(40);
    for (const n of names) expect(n).toMatch(/^op_/);
  });
});
