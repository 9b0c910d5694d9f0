import type { Generated } from 'kysely';
import { expect, it } from 'vitest';
import { migrate } from './migrate/migrate.ts';
import type { Store } from './open-store.ts';
import { describeEachDialect } from './testing/each-dialect.ts';

interface Tables {
  transfer: { id: Generated<number>; amount: number; memo: string };
}

async function transferStore(open: () => Promise<Store<Tables>>): Promise<Store<Tables>> {
  const store = await open();
  await migrate(store, {
    namespace: 'test',
    migrations: {
      '0001': {
        async up(db, ddl) {
          await db.schema
            .createTable('transfer')
            .$call(ddl.autoId())
            .addColumn('amount', ddl.int64, (c) => c.notNull())
            .addColumn('memo', ddl.text, (c) => c.notNull())
            .execute();
        },
      },
    },
  });
  return store;
}

const count = async (store: Store<Tables>) =>
  Number(
    (
      await store.db
        .selectFrom('transfer')
        .select((s) => s.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describeEachDialect('store.transaction', (open) => {
  it('commits everything when the function resolves, and returns its value', async () => {
    const store = await transferStore(open);
    const ids = await store.transaction(async (trx) => {
      const a = await trx
        .insertInto('transfer')
        .values({ amount: 1000, memo: '출금' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const b = await trx
        .insertInto('transfer')
        .values({ amount: -1000, memo: '입금' })
        .returning('id')
        .executeTakeFirstOrThrow();
      return [a.id, b.id];
    });
    expect(ids).toEqual([1, 2]);
    expect(await count(store)).toBe(2);
  });

  it('rollback leaves nothing when the function throws after writing', async () => {
    const store = await transferStore(open);
    const boom = new Error('transfer refused halfway');
    await expect(
      store.transaction(async (trx) => {
        await trx.insertInto('transfer').values({ amount: 1000, memo: '출금' }).execute();
        await trx.updateTable('transfer').set({ memo: '변경' }).execute();
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await count(store)).toBe(0);
    // The store (and on SQLite its write lock) is free again.
    await store.db.insertInto('transfer').values({ amount: 1, memo: 'after' }).execute();
    expect(await count(store)).toBe(1);
  });

  it('concurrent transactions of one store each commit whole', async () => {
    const store = await transferStore(open);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.transaction(async (trx) => {
          await trx.insertInto('transfer').values({ amount: i, memo: 'a' }).execute();
          await new Promise((r) => setTimeout(r, 1));
          await trx.insertInto('transfer').values({ amount: -i, memo: 'b' }).execute();
        }),
      ),
    );
    const sum = await store.db
      .selectFrom('transfer')
      .select((s) => s.fn.sum<number>('amount').as('s'))
      .executeTakeFirstOrThrow();
    expect(await count(store)).toBe(40);
    expect(sum.s).toBe(0);
  });
});
