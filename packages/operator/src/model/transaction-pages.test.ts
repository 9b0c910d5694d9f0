import { describeEachDialect } from '@hannun/store/testing';
import { describe, expect, it } from 'vitest';
import { BANK, CARD, movementWorld as world } from '../testing/movement-world.ts';
import { openTestDomain, signUpInput, type TestDomain } from '../testing/operator-test-kit.ts';
import { directionOf, directionRule, MOVEMENT_TABLE_DEFS } from './movement-tables.ts';
import { type Movement, TransactionPages } from './transaction-pages.ts';

/** The truth, read another way: every row of every movement table, sorted by (padded time, id) descending. */
async function everything(
  d: TestDomain,
  personId: string,
): Promise<{ id: string; time: string; table: string; assetId: string | null; values: Record<string, unknown> }[]> {
  const out = [];
  for (const t of MOVEMENT_TABLE_DEFS) {
    for (const r of await d.data.rows(personId, t.name, { limit: 100_000 })) {
      out.push({
        id: r.id,
        time: String(r.values[t.time!]).padEnd(14, '0'),
        table: t.name,
        assetId: r.assetId,
        values: r.values,
      });
    }
  }
  return out.sort((a, b) => (a.time === b.time ? (a.id < b.id ? 1 : -1) : a.time < b.time ? 1 : -1));
}

async function all(
  pages: TransactionPages,
  personId: string,
  req: Parameters<TransactionPages['page']>[1],
): Promise<{ items: Movement[]; calls: number }> {
  const items: Movement[] = [];
  let cursor: string | undefined;
  let calls = 0;
  do {
    const p = await pages.page(personId, { ...req, ...(cursor ? { cursor } : {}) });
    calls += 1;
    items.push(...p.items);
    cursor = p.nextCursor ?? undefined;
    if (calls > 1_000) throw new Error('paging does not end');
  } while (cursor);
  return { items, calls };
}

describe('movement tables', () => {
  it('every direction rule names an amount column of its table, and every movement table has a time', () => {
    for (const t of MOVEMENT_TABLE_DEFS) {
      expect(t.time, t.name).toBeDefined();
      const rule = directionRule(t.name);
      if (rule) expect(t.columns[rule.amount]?.kind, t.name).toBe('amount');
    }
    expect(directionOf('op_m_deposit_tx', { trans_amt: -5 })).toBe('out');
    expect(directionOf('op_m_deposit_tx', { trans_amt: '12.5' })).toBe('in');
    expect(directionOf('op_m_approval', { approved_amt: 4500 })).toBe('out');
    expect(directionOf('op_m_approval', { approved_amt: '-4500.5' })).toBe('in');
    expect(directionOf('op_m_invest_tx', { trans_amt: 1 })).toBeNull();
  });
});

describeEachDialect('model: a person’s transactions by keyset (issue #8’s scrolling)', (open) => {
  it('every movement of the person, newest first across tables and time widths, each exactly once, ties by id', async () => {
    const d = await openTestDomain(open);
    const { personId } = await world(d);
    const truth = await everything(d, personId);
    expect(truth).toHaveLength(240 + 30 + 3 + 4);
    const pages = new TransactionPages({ store: d.store, crypto: d.crypto });
    const { items, calls } = await all(pages, personId, { limit: 7 });
    expect(items.map((m) => m.id)).toEqual(truth.map((r) => r.id));
    expect(calls).toBe(Math.ceil(truth.length / 7));
    expect(new Set(items.map((m) => m.table))).toEqual(
      new Set(['op_m_deposit_tx', 'op_m_approval', 'op_m_telecom_tx', 'op_m_telecom_paid_tx']),
    );
    const memo = items.find((m) => m.values.trans_memo === '월세 Rent');
    expect(memo).toMatchObject({ table: 'op_m_deposit_tx', orgCode: BANK, apiId: '은행-004', direction: 'out' });
    // Another person sees none of it.
    const other = await d.people.signUp(signUpInput());
    expect((await pages.page(other.personId, { limit: 50 })).items).toEqual([]);
  });

  it('one asset: only its movements, in order; another person’s asset is not found', async () => {
    const d = await openTestDomain(open);
    const { personId, acct, phone } = await world(d);
    const truth = await everything(d, personId);
    const pages = new TransactionPages({ store: d.store, crypto: d.crypto });
    const bank = await all(pages, personId, { assetId: acct.id, limit: 50 });
    expect(bank.items.map((m) => m.id)).toEqual(truth.filter((r) => r.assetId === acct.id).map((r) => r.id));
    const tel = await all(pages, personId, { assetId: phone.id, limit: 2 });
    expect(tel.items.map((m) => m.time)).toEqual([
      '20261015000000',
      '20261003000000',
      '20261003000000',
      '20261001000000',
      '20261000000000',
      '20260900000000',
      '20260800000000',
    ]);
    const other = await d.people.signUp(signUpInput());
    await expect(pages.page(other.personId, { assetId: acct.id, limit: 5 })).rejects.toMatchObject({
      code: 'OP_NOT_FOUND',
      field: 'assetId',
    });
  });

  it('filters: dates (inclusive, month rows by their month), provider, direction', async () => {
    const d = await openTestDomain(open);
    const { personId } = await world(d);
    const truth = await everything(d, personId);
    const pages = new TransactionPages({ store: d.store, crypto: d.crypto });
    const window = await all(pages, personId, { from: '20261003', to: '20261004', limit: 9 });
    expect(window.items.map((m) => m.id)).toEqual(
      truth
        .filter(
          (r) =>
            (r.time >= '20261003' && r.time <= '20261004235959') ||
            (r.table === 'op_m_telecom_tx' && r.time.startsWith('202610')),
        )
        .map((r) => r.id),
    );
    expect(window.items.length).toBeGreaterThan(10);
    const card = await all(pages, personId, { orgCode: CARD, limit: 8 });
    expect(card.items.map((m) => m.id)).toEqual(truth.filter((r) => r.table === 'op_m_approval').map((r) => r.id));
    const incoming = await all(pages, personId, { direction: 'in', limit: 11 });
    expect(incoming.items.map((m) => m.id)).toEqual(
      truth.filter((r) => directionOf(r.table, r.values) === 'in').map((r) => r.id),
    );
    // Salaries (80), and a refunded small payment.
    expect(incoming.items).toHaveLength(81);
    const outgoing = await all(pages, personId, { direction: 'out', limit: 50 });
    expect(outgoing.items.every((m) => m.direction === 'out')).toBe(true);
    expect(outgoing.items.length + incoming.items.length).toBe(truth.length);
  });

  it('text search: in sealed memos and clear merchant names, case-insensitive, server-side per batch with a scan limit', async () => {
    const d = await openTestDomain(open);
    const { personId } = await world(d);
    const truth = await everything(d, personId);
    const pages = new TransactionPages({ store: d.store, crypto: d.crypto });
    const rent = await all(pages, personId, { text: 'rent', limit: 2 });
    expect(rent.items.map((m) => m.id)).toEqual(
      truth.filter((r) => r.values.trans_memo === '월세 Rent').map((r) => r.id),
    );
    expect(rent.items).toHaveLength(6);
    const cafe = await all(pages, personId, { text: '한눈카페', limit: 50 });
    expect(cafe.items.map((m) => m.table).sort()).toEqual([
      ...Array<string>(6).fill('op_m_approval'),
      'op_m_telecom_paid_tx',
    ]);
    // A small scan budget: pages come short (even empty) with scanLimited, and the cursor goes on to the same result.
    const small = new TransactionPages({ store: d.store, crypto: d.crypto, maxScan: 40 });
    const first = await small.page(personId, { text: 'rent', limit: 50 });
    expect(first.scanLimited).toBe(true);
    expect(first.scanned).toBe(40);
    expect(first.nextCursor).toEqual(expect.any(String));
    const slow = await all(small, personId, { text: 'rent', limit: 50 });
    expect(slow.items.map((m) => m.id)).toEqual(rent.items.map((m) => m.id));
    expect(slow.calls).toBeGreaterThan(5);
  });

  it('AC bad input: a forged, altered, borrowed or other-filter cursor and bad filters are clear 400s', async () => {
    const d = await openTestDomain(open);
    const { personId, acct } = await world(d);
    const pages = new TransactionPages({ store: d.store, crypto: d.crypto });
    const p1 = await pages.page(personId, { limit: 5 });
    const cursor = p1.nextCursor!;
    const refused = { code: 'OP_INVALID_INPUT', field: 'cursor' };
    await expect(pages.page(personId, { limit: 5, cursor: 'forged' })).rejects.toMatchObject(refused);
    const [time, id, mac] = cursor.split('.');
    await expect(
      pages.page(personId, { limit: 5, cursor: `${time!.replace(/.$/, '9')}.${id!}.${mac!}` }),
    ).rejects.toMatchObject(refused);
    await expect(pages.page(personId, { limit: 5, assetId: acct.id, cursor })).rejects.toMatchObject(refused);
    const other = await d.people.signUp(signUpInput());
    await expect(pages.page(other.personId, { limit: 5, cursor })).rejects.toMatchObject(refused);
    await expect(pages.page(personId, { limit: 5, cursor: 'x'.repeat(500) })).rejects.toMatchObject(refused);
    await expect(pages.page(personId, { limit: 0 })).rejects.toMatchObject({ field: 'limit' });
    await expect(pages.page(personId, { limit: 5, from: '20261332' })).rejects.toMatchObject({ field: 'from' });
    await expect(pages.page(personId, { limit: 5, from: '20261010', to: '20261001' })).rejects.toMatchObject({
      field: 'to',
    });
    await expect(pages.page(personId, { limit: 5, direction: 'up' as 'in' })).rejects.toMatchObject({
      field: 'direction',
    });
    await expect(pages.page(personId, { limit: 5, orgCode: 'x' })).rejects.toMatchObject({ field: 'orgCode' });
    // The real cursor still works, and its page follows the first.
    const p2 = await pages.page(personId, { limit: 5, cursor });
    expect(p2.items[0]!.time <= p1.items[4]!.time).toBe(true);
  });
});
