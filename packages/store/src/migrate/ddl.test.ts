import { type Generated, sql } from 'kysely';
import { expect, it } from 'vitest';
import { StoreRangeError } from '../errors/store-range-error.ts';
import type { Store } from '../open-store.ts';
import { describeEachDialect } from '../testing/each-dialect.ts';
import { migrate } from './migrate.ts';

interface Tables {
  ledger_row: {
    id: Generated<number>;
    amount: number;
    balance: number | null;
    at_ms: number;
    memo: string;
    meta: string;
    active: Generated<boolean>;
    closed: boolean | null;
  };
}

async function ledgerStore(open: () => Promise<Store<Tables>>): Promise<Store<Tables>> {
  const store = await open();
  await migrate(store, {
    namespace: 'test',
    migrations: {
      '0001_ledger_row': {
        async up(db, ddl) {
          await db.schema
            .createTable('ledger_row')
            .$call(ddl.autoId())
            .addColumn('amount', ddl.int64, (c) => c.notNull())
            .addColumn('balance', ddl.int64)
            .addColumn('at_ms', ddl.epochMs, (c) => c.notNull())
            .addColumn('memo', ddl.text, (c) => c.notNull())
            .addColumn('meta', ddl.jsonText, (c) => c.notNull())
            .addColumn('active', ddl.boolean, (c) => c.notNull().defaultTo(true))
            .addColumn('closed', ddl.boolean)
            .execute();
        },
      },
    },
  });
  return store;
}

const ROWS = [
  {
    amount: 9_007_199_254_740_000,
    balance: -9_007_199_254_740_991,
    at_ms: Date.UTC(2026, 10, 24, 15, 0, 0, 123),
    memo: '한눈 급여 입금 (주)누리은행 ₩',
    meta: JSON.stringify({ 가맹점: '스타벅스 강남', tags: ['커피', 'café'], n: 1.5 }),
    active: true,
    closed: false,
  },
  { amount: 0, balance: null, at_ms: 0, memo: '', meta: '{}', active: false, closed: null },
] as const;

describeEachDialect('ddl helpers round-trip', (open) => {
  it('autoId, int64, epochMs, text, jsonText and boolean columns give back exactly what was written', async () => {
    const store = await ledgerStore(open);
    const ids = await store.db
      .insertInto('ledger_row')
      .values([...ROWS])
      .returning('id')
      .execute();
    expect(ids.map((r) => r.id)).toEqual([1, 2]);
    const rows = await store.db.selectFrom('ledger_row').selectAll().orderBy('id').execute();
    expect(rows).toEqual(ROWS.map((r, i) => ({ id: i + 1, ...r })));
    expect(typeof rows[0]?.amount).toBe('number');
    expect(JSON.parse(rows[0]?.meta ?? '')).toEqual({ 가맹점: '스타벅스 강남', tags: ['커피', 'café'], n: 1.5 });
  });

  it('booleans filter and default the same way on both dialects', async () => {
    const store = await ledgerStore(open);
    await store.db.insertInto('ledger_row').values({ amount: 1, at_ms: 1, memo: 'a', meta: '{}' }).execute();
    await store.db
      .insertInto('ledger_row')
      .values({ amount: 2, at_ms: 2, memo: 'b', meta: '{}', active: false })
      .execute();
    const active = await store.db
      .selectFrom('ledger_row')
      .select(['memo', 'active'])
      .where('active', '=', true)
      .execute();
    expect(active).toEqual([{ memo: 'a', active: true }]);
  });

  it('count(*) and sum() of int64 are numbers on both dialects', async () => {
    const store = await ledgerStore(open);
    await store.db
      .insertInto('ledger_row')
      .values([
        { amount: 4_000_000_000_000_000, at_ms: 1, memo: 'a', meta: '{}' },
        { amount: 5_000_000_000_000_000, at_ms: 2, memo: 'b', meta: '{}' },
      ])
      .execute();
    const totals = await store.db
      .selectFrom('ledger_row')
      .select((s) => [s.fn.countAll<number>().as('n'), s.fn.sum<number>('amount').as('total')])
      .executeTakeFirstOrThrow();
    expect(totals).toEqual({ n: 2, total: 9_000_000_000_000_000 });
  });

  it('a 64-bit value beyond Number.MAX_SAFE_INTEGER throws StoreRangeError instead of losing precision', async () => {
    const store = await ledgerStore(open);
    await store.db
      .insertInto('ledger_row')
      .values([
        { amount: 9_000_000_000_000_000, at_ms: 1, memo: 'a', meta: '{}' },
        { amount: 9_000_000_000_000_000, at_ms: 2, memo: 'b', meta: '{}' },
      ])
      .execute();
    await expect(
      store.db
        .selectFrom('ledger_row')
        .select((s) => s.fn.sum<number>('amount').as('total'))
        .execute(),
    ).rejects.toBeInstanceOf(StoreRangeError);
    await expect(sql`select ${sql.lit(9007199254740993n)} as big`.execute(store.db)).rejects.toBeInstanceOf(
      StoreRangeError,
    );
    // Written as bigint, kept exactly; only reading it as a number is refused.
    await store.db
      .updateTable('ledger_row')
      .set({ amount: sql<number>`${9007199254740993n}` })
      .where('memo', '=', 'a')
      .execute();
    const exact = await sql<{ s: string }>`select cast(amount as text) as s from ledger_row where memo = 'a'`.execute(
      store.db,
    );
    expect(exact.rows[0]?.s).toBe('9007199254740993');
  });
});
