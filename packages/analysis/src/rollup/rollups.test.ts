import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MERCHANT_CATEGORIES } from '../categorise/categories.ts';
import type { Categorised, Tx } from '../categorise/transaction.ts';
import { spendingByCategory } from '../spending/spending-by-category.ts';
import { type CategorisedTx, rollUp } from './rollups.ts';

const row = fc.record({
  day: fc.integer({ min: 1, max: 28 }),
  month: fc.constantFrom('202609', '202610', '202611'),
  amount: fc.integer({ min: -500_000, max: 50_000 }).filter((a) => a !== 0),
  category: fc.constantFrom(...MERCHANT_CATEGORIES.slice(0, 8), 'salary', 'card-payment', 'uncategorised'),
  merchant: fc.constantFrom('스타벅스', '쿠팡', '이마트', '김밥천국'),
});

type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;

function build(rows: Row[]): CategorisedTx[] {
  return rows.map((r, i) => {
    const tx: Tx = {
      id: `t${i}`,
      source: 'card',
      orgCode: 'CDNURI0001',
      date: `${r.month}${String(r.day).padStart(2, '0')}`,
      amount: r.amount,
      merchant: r.merchant,
    };
    const cat: Categorised = { category: r.category, source: 'dictionary', confidence: 1, merchantKey: r.merchant };
    return { tx, cat };
  });
}

const totalsOf = (rows: CategorisedTx[], month: string) =>
  new Map(spendingByCategory(rollUp(rows).months, month).categories.map((c) => [c.category, c.amount]));

describe('rollups (properties)', () => {
  it('totals equal the sum of their parts: months, merchants and days each add up to every row', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 200 }), (rows) => {
        const txs = build(rows);
        const r = rollUp(txs);
        const sum = txs.reduce((s, t) => s + t.tx.amount, 0);
        expect(r.months.reduce((s, m) => s + m.total, 0)).toBe(sum);
        expect(r.merchants.reduce((s, m) => s + m.total, 0)).toBe(sum);
        expect(r.days.reduce((s, m) => s + m.total, 0)).toBe(sum);
        expect(r.months.reduce((s, m) => s + m.count, 0)).toBe(txs.length);
        for (const month of ['202609', '202610', '202611']) {
          const s = spendingByCategory(r.months, month);
          expect(s.total).toBe(s.categories.reduce((a, c) => a + c.amount, 0));
        }
      }),
    );
  });

  it('re-categorising one row moves exactly its amount from its old category to the new; every other total stays', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 100 }),
        fc.nat(),
        fc.constantFrom(...MERCHANT_CATEGORIES.slice(8, 14)),
        (rows, pick, to) => {
          const txs = build(rows);
          const i = pick % txs.length;
          const target = txs[i]!;
          fc.pre(target.cat.category !== to && MERCHANT_CATEGORIES.includes(target.cat.category));
          const month = target.tx.date.slice(0, 6);
          const before = totalsOf(txs, month);
          const after = totalsOf(
            txs.map((t, k) => (k === i ? { ...t, cat: { ...t.cat, category: to, source: 'person' as const } } : t)),
            month,
          );
          const keys = new Set([...before.keys(), ...after.keys()]);
          for (const k of keys) {
            const d = (after.get(k) ?? 0) - (before.get(k) ?? 0);
            if (k === target.cat.category) expect(d).toBe(target.tx.amount);
            else if (k === to) expect(d).toBe(-target.tx.amount);
            else expect(d).toBe(0);
          }
        },
      ),
    );
  });
});
