import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PaymentRow, UNUSUAL_PAYMENT, unusualPayments } from './unusual-payments.ts';

const pay = (id: string, date: string, won: number, merchantKey: string | null, category: string): PaymentRow => ({
  id,
  date,
  amount: -won,
  merchantKey,
  category,
});

/** Lunch at 김밥천국 around 12,000원, twice a month for 6 months (12 payments): the person's usual. */
const lunches = Array.from({ length: 12 }, (_, i) =>
  pay(
    `l${i}`,
    `2026${String(5 + Math.floor(i / 2)).padStart(2, '0')}${i % 2 ? '20' : '05'}`,
    [11_000, 12_000, 13_000][i % 3]!,
    'kimbap',
    'restaurant',
  ),
);

describe('unusual payments: one payment far above the person’s usual at that merchant or in that category', () => {
  it('96,000원 at the merchant whose median is 12,000원 is flagged: 8×, with the reason in the person’s numbers', () => {
    const big = pay('x', '20261110', 96_000, 'kimbap', 'restaurant');
    const flags = unusualPayments([big], [...lunches, big], new Map([['kimbap', '김밥천국']]));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      id: 'x',
      basis: 'merchant',
      usual: 12_000,
      history: 12,
      ratio: 8,
      amount: 96_000,
    });
    expect(flags[0]!.reason.ko).toBe('김밥천국 96,000원: 평소 이 가맹점 결제 중간값 12,000원의 8배 (지난 12개월 12건)');
  });

  it('a usual payment, a 3× payment under 30,000원 over, and one within a merchant’s usual large payments are not flagged', () => {
    const usual = pay('u', '20261110', 13_000, 'kimbap', 'restaurant');
    const small = pay('s', '20261111', 40_000, 'kimbap', 'restaurant'); // 3.3×, but 28,000원 over
    expect(unusualPayments([usual, small], lunches)).toEqual([]);
    // A merchant of small and large payments (3 of 7 are 150,000 or more): 90,000 is not unusual there.
    const wide = [10_000, 200_000, 15_000, 180_000, 20_000, 150_000, 12_000].map((w, i) =>
      pay(`w${i}`, `202606${String(i + 1).padStart(2, '0')}`, w, 'mart', 'mart'),
    );
    expect(unusualPayments([pay('m', '20261110', 90_000, 'mart', 'mart')], wide)).toEqual([]);
  });

  it('a merchant seen fewer than 5 times is judged against its category; too little of that too, no flag', () => {
    // A first visit to a new restaurant: 150,000원 against the restaurant category's 12 lunches (median 12,000).
    const fancy = pay('f', '20261112', 150_000, 'fancy', 'restaurant');
    const flags = unusualPayments([fancy], lunches);
    expect(flags[0]).toMatchObject({ basis: 'category', usual: 12_000, history: 12, ratio: 12.5 });
    expect(flags[0]!.reason.ko).toContain('평소 음식점 분류 결제 중간값 12,000원의 13배');
    // The same payment with only 9 earlier restaurant payments: not enough history to call it unusual.
    expect(unusualPayments([fancy], lunches.slice(0, UNUSUAL_PAYMENT.minCategoryHistory - 1))).toEqual([]);
  });

  it('only earlier payments of the last 12 months count (a later or older big payment is not the usual)', () => {
    const old = Array.from({ length: 12 }, (_, i) =>
      pay(`o${i}`, `2024${String(i + 1).padStart(2, '0')}10`, 12_000, 'kimbap', 'restaurant'),
    );
    expect(unusualPayments([pay('x', '20261110', 96_000, 'kimbap', 'restaurant')], old)).toEqual([]);
  });

  it('property: no flag without enough history (fewer than 5 at the merchant and fewer than 10 in the category)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 100, max: 2_000_000 }), { maxLength: UNUSUAL_PAYMENT.minCategoryHistory - 1 }),
        fc.integer({ min: 1, max: 5_000_000 }),
        (amounts, x) => {
          const history = amounts.map((a, i) =>
            pay(`h${i}`, `202606${String(1 + (i % 28)).padStart(2, '0')}`, a, i % 2 ? 'a' : 'b', 'shopping'),
          );
          const p = pay('p', '20261110', x, 'a', 'shopping');
          expect(unusualPayments([p], history)).toEqual([]);
        },
      ),
    );
  });

  it('property: every flag is at least 3× and 30,000원 above the median it names', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1_000, max: 100_000 }), { minLength: 5, maxLength: 40 }),
        fc.integer({ min: 1_000, max: 2_000_000 }),
        (amounts, x) => {
          const history = amounts.map((a, i) =>
            pay(`h${i}`, `202606${String(1 + (i % 28)).padStart(2, '0')}`, a, 'a', 'shopping'),
          );
          for (const f of unusualPayments([pay('p', '20261110', x, 'a', 'shopping')], history)) {
            expect(f.amount).toBeGreaterThanOrEqual(3 * f.usual);
            expect(f.amount - f.usual).toBeGreaterThanOrEqual(30_000);
          }
        },
      ),
    );
  });
});
