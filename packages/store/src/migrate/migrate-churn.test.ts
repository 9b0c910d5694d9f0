import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../open-store.ts';
import { testPgUrl } from '../testing/pg-test-url.ts';
import { type Migration, migrate } from './migrate.ts';

/**
 * Migrating while other services (or test files) create and drop their own schemas in the same PostgreSQL
 * database must not fail: the history-table check looks at the store's own schema only. Kysely's default
 * introspection lists every table and column of every schema (with pg_get_serial_sequence per column), which
 * fails with "schema … does not exist" or "column … does not exist" when another schema changes meanwhile.
 */
const withSerial: Migration = {
  async up(db, ddl) {
    await db.schema.createTable('churn_party').$call(ddl.autoId()).addColumn('name', ddl.text).execute();
  },
};

const opened: Store<unknown>[] = [];
afterAll(async () => {
  for (const s of opened) await s.close();
});

describe('migrate on PostgreSQL beside schemas that come and go', () => {
  it('30 migrations in fresh schemas while another connection creates and drops schemas with serial columns', async () => {
    const url = testPgUrl();
    const churner = await openStore({ url });
    opened.push(churner);
    let stop = false;
    const churn = (async () => {
      let n = 0;
      while (!stop) {
        const schema = `churn_${randomBytes(4).toString('hex')}_${n++}`;
        await sql`create schema ${sql.id(schema)}`.execute(churner.db);
        await sql`create table ${sql.id(schema, 't')} (id bigserial primary key, a text, b text, c text)`.execute(
          churner.db,
        );
        await sql`alter table ${sql.id(schema, 't')} drop column b`.execute(churner.db);
        await sql`drop schema ${sql.id(schema)} cascade`.execute(churner.db);
      }
    })();
    const failures: string[] = [];
    try {
      for (let i = 0; i < 30; i++) {
        const schema = `mchurn_${randomBytes(4).toString('hex')}`;
        await sql`create schema ${sql.id(schema)}`.execute(churner.db);
        const store = await openStore({ url, schema });
        try {
          expect(await migrate(store, { namespace: 'churn', migrations: { '0001_party': withSerial } })).toEqual([
            '0001_party',
          ]);
        } catch (e) {
          failures.push(e instanceof Error ? e.message : String(e));
        } finally {
          await store.close();
          await sql`drop schema ${sql.id(schema)} cascade`.execute(churner.db);
        }
      }
    } finally {
      stop = true;
      await churn;
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
