import { type Kysely, sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Store } from '../open-store.ts';
import { describeEachDialect } from '../testing/each-dialect.ts';
import { type Migration, MigrationError, migrate } from './migrate.ts';

const createParty: Migration = {
  async up(db, ddl) {
    await db.schema
      .createTable('party')
      .$call(ddl.autoId())
      .addColumn('name', ddl.text, (c) => c.notNull())
      .execute();
  },
};
const addPartyIndex: Migration = {
  async up(db) {
    await db.schema.createIndex('party_name').on('party').column('name').execute();
  },
};
/** Creates a table, then fails: on both dialects the table must not survive. */
const failsHalfway: Migration = {
  async up(db, ddl) {
    await db.schema.createTable('half_done').addColumn('x', ddl.int64).execute();
    await sql`insert into no_such_table values (1)`.execute(db);
  },
};

async function tableNames(db: Kysely<unknown>): Promise<string[]> {
  return (await db.introspection.getTables({ withInternalKyselyTables: true })).map((t) => t.name).sort();
}

async function history(store: Store<unknown>, namespace: string): Promise<string[]> {
  const { rows } = await sql<{
    name: string;
  }>`select name from ${sql.table(`${namespace}_migration`)} order by name`.execute(store.db);
  return rows.map((r) => r.name);
}

describeEachDialect('migrate', (open, { openAgain }) => {
  it('applies pending migrations in name order; migrating twice is a no-op', async () => {
    const store = await open();
    const migrations = { '0002_party_index': addPartyIndex, '0001_party': createParty };
    expect(await migrate(store, { namespace: 'ca', migrations })).toEqual(['0001_party', '0002_party_index']);
    const before = await tableNames(store.db);
    expect(await migrate(store, { namespace: 'ca', migrations })).toEqual([]);
    expect(await tableNames(store.db)).toEqual(before);
    expect(await history(store, 'ca')).toEqual(['0001_party', '0002_party_index']);
  });

  it('two stores (service instances) migrating the same database at once: exactly one applies each migration', async () => {
    const a = await open();
    const b = await openAgain(a);
    const migrations = { '0001_party': createParty, '0002_party_index': addPartyIndex };
    const applied = await Promise.all([
      migrate(a, { namespace: 'ca', migrations }),
      migrate(b, { namespace: 'ca', migrations }),
    ]);
    expect(applied.flat().sort()).toEqual(['0001_party', '0002_party_index']);
    expect(await history(b, 'ca')).toEqual(['0001_party', '0002_party_index']);
  });

  it('keeps each namespace history apart in one database', async () => {
    const store = await open();
    await migrate(store, { namespace: 'provider', migrations: { '0001_party': createParty } });
    const applied = await migrate(store, {
      namespace: 'portal',
      migrations: {
        '0001_org': {
          async up(db, ddl) {
            await db.schema
              .createTable('org')
              .addColumn('code', ddl.text, (c) => c.primaryKey())
              .execute();
          },
        },
      },
    });
    expect(applied).toEqual(['0001_org']);
    expect(await history(store, 'provider')).toEqual(['0001_party']);
    expect(await history(store, 'portal')).toEqual(['0001_org']);
    expect(await tableNames(store.db)).toEqual(
      expect.arrayContaining([
        'portal_migration',
        'portal_migration_lock',
        'provider_migration',
        'provider_migration_lock',
      ]),
    );
  });

  it('a failing migration leaves the schema and history as before, and names the migration', async () => {
    const store = await open();
    await migrate(store, { namespace: 'ca', migrations: { '0001_party': createParty } });
    const before = await tableNames(store.db);
    const failure = await migrate(store, {
      namespace: 'ca',
      migrations: { '0001_party': createParty, '0002_party_index': addPartyIndex, '0003_half': failsHalfway },
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as MigrationError).migration).toBe('0003_half');
    expect((failure as MigrationError).message).toMatch(/ca\/0003_half failed/);
    // Neither 0003's table nor 0002's index (same run) survived; the history still ends at 0001.
    expect(await tableNames(store.db)).toEqual(before);
    expect(await history(store, 'ca')).toEqual(['0001_party']);
    // 0002 runs again cleanly: its index was rolled back too (create index would fail on an existing one).
    await expect(
      migrate(store, { namespace: 'ca', migrations: { '0001_party': createParty, '0002_party_index': addPartyIndex } }),
    ).resolves.toEqual(['0002_party_index']);
  });

  it('rejects a namespace that is not a plain lower-case name', async () => {
    const store = await open();
    await expect(migrate(store, { namespace: 'CA; drop', migrations: {} })).rejects.toThrow(/namespace must be/);
  });

  it('rejects a history that lost a migration it applied', async () => {
    const store = await open();
    await migrate(store, { namespace: 'ca', migrations: { '0001_party': createParty } });
    await expect(
      migrate(store, { namespace: 'ca', migrations: { '0002_party_index': addPartyIndex } }),
    ).rejects.toThrow(/previously executed migration 0001_party is missing/);
  });
});
