import { type Generated, sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrate } from '../migrate/migrate.ts';
import type { Store } from '../open-store.ts';
import { describeEachDialect } from '../testing/each-dialect.ts';
import { isConflict, StoreConflict } from './store-conflict.ts';

interface Tables {
  person: { id: Generated<number>; user_ci: string; org_code: string; phone: string };
  device: { org_code: string; serial: string };
}

const CI = 'Q2lDb25mbGljdFRlc3RDaVZhbHVlMTIzNDU2Nzg5MEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFla';

async function peopleStore(open: () => Promise<Store<Tables>>): Promise<Store<Tables>> {
  const store = await open();
  await migrate(store, {
    namespace: 'test',
    migrations: {
      '0001': {
        async up(db, ddl) {
          await db.schema
            .createTable('person')
            .$call(ddl.autoId())
            .addColumn('user_ci', ddl.text, (c) => c.notNull())
            .addColumn('org_code', ddl.text, (c) => c.notNull())
            .addColumn('phone', ddl.text, (c) => c.notNull())
            .addUniqueConstraint('person_ci_org_unique', ['user_ci', 'org_code'])
            .execute();
          await db.schema
            .createTable('device')
            .addColumn('org_code', ddl.text, (c) => c.notNull())
            .addColumn('serial', ddl.text, (c) => c.notNull())
            .addPrimaryKeyConstraint('device_pkey', ['org_code', 'serial'])
            .execute();
          await db.schema.createIndex('person_phone_unique').on('person').column('phone').unique().execute();
        },
      },
    },
  });
  return store;
}

describeEachDialect('StoreConflict', (open, { dialect }) => {
  it('a duplicate unique key is a StoreConflict naming table and columns, never the values', async () => {
    const store = await peopleStore(open);
    const row = { user_ci: CI, org_code: 'BKNURI0001', phone: '01012345678' };
    await store.db.insertInto('person').values(row).execute();
    const e = await store.db
      .insertInto('person')
      .values({ ...row, phone: '01099998888' })
      .execute()
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(StoreConflict);
    const conflict = e as StoreConflict;
    expect(conflict.dialect).toBe(dialect);
    expect(conflict.table).toBe('person');
    expect(conflict.columns).toEqual(['user_ci', 'org_code']);
    if (dialect === 'postgres') expect(conflict.constraint).toBe('person_ci_org_unique');
    expect(isConflict(e)).toBe(true);
    expect(isConflict(e, { table: 'person' })).toBe(true);
    expect(isConflict(e, { table: 'device' })).toBe(false);
    const shown = `${conflict.message} ${JSON.stringify(conflict)} ${String(conflict.cause)}`;
    expect(shown).not.toContain(CI);
    expect(shown).not.toContain('01012345678');
  });

  it('a duplicate primary key and a unique index are conflicts too', async () => {
    const store = await peopleStore(open);
    await store.db.insertInto('device').values({ org_code: 'A', serial: '1' }).execute();
    const pk = await store.db
      .insertInto('device')
      .values({ org_code: 'A', serial: '1' })
      .execute()
      .catch((x: unknown) => x);
    expect(isConflict(pk, { table: 'device' })).toBe(true);
    expect((pk as StoreConflict).columns).toEqual(['org_code', 'serial']);
    await store.db.insertInto('person').values({ user_ci: 'a', org_code: 'A', phone: '010' }).execute();
    const ix = await store.db
      .insertInto('person')
      .values({ user_ci: 'b', org_code: 'A', phone: '010' })
      .execute()
      .catch((x: unknown) => x);
    expect(isConflict(ix, { table: 'person' })).toBe(true);
    expect((ix as StoreConflict).columns).toEqual(['phone']);
  });

  it('a conflict inside a transaction rolls the whole transaction back and is still a StoreConflict', async () => {
    const store = await peopleStore(open);
    await store.db.insertInto('device').values({ org_code: 'A', serial: '1' }).execute();
    const e = await store
      .transaction(async (trx) => {
        await trx.insertInto('device').values({ org_code: 'B', serial: '1' }).execute();
        await trx.insertInto('device').values({ org_code: 'A', serial: '1' }).execute();
      })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(StoreConflict);
    const rows = await store.db.selectFrom('device').select('org_code').execute();
    expect(rows).toEqual([{ org_code: 'A' }]);
  });

  it('other errors pass through unchanged (not a conflict)', async () => {
    const store = await peopleStore(open);
    const e = await sql`select * from no_such_table`.execute(store.db).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Error);
    expect(isConflict(e)).toBe(false);
  });
});
