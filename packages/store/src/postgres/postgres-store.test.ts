import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../open-store.ts';
import { testPgUrl } from '../testing/pg-test-url.ts';

const url = testPgUrl();
const schema = `test_pgonly_${process.pid}`;
const stores: Store<unknown>[] = [];
afterAll(async () => {
  await Promise.allSettled(stores.map((s) => s.close()));
  const admin = await openStore({ url });
  await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
  await admin.close();
});

describe('PostgreSQL store', () => {
  it('creates the schema and puts every pooled connection on it (search_path)', async () => {
    const store = await openStore({ url, schema, poolMax: 3 });
    stores.push(store);
    await sql`create table here (v int)`.execute(store.db);
    // Several connections at once: each must see the same schema.
    const seen = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const { rows } = await sql<{ s: string }>`select current_schema() as s, pg_sleep(0.02)`.execute(store.db);
        return rows[0]?.s;
      }),
    );
    expect(new Set(seen)).toEqual(new Set([schema]));
    const { rows } = await sql<{ table_schema: string }>`
      select table_schema from information_schema.tables where table_name = 'here'`.execute(store.db);
    expect(rows.map((r) => r.table_schema)).toContain(schema);
  });

  it('numeric columns and avg() read as numbers; int8 beyond 2^53 is refused', async () => {
    const store = await openStore({ url, schema });
    stores.push(store);
    const { rows } = await sql<{
      a: number;
      n: number;
    }>`select avg(x) as a, 12.50::numeric as n from (values (1), (2)) v(x)`.execute(store.db);
    expect(rows).toEqual([{ a: 1.5, n: 12.5 }]);
    await expect(sql`select (2^53)::int8 + 1 as big`.execute(store.db)).rejects.toThrow(/MAX_SAFE_INTEGER/);
  });
});
