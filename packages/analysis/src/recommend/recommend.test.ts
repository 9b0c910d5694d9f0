import { describe, expect, it } from 'vitest';
import { dsr } from '../credit/debt-service.ts';
import type { MonthCategoryTotal } from '../rollup/rollups.ts';
import { known } from '../shared/known.ts';
import { CATALOGUE, type CardProduct } from './data/catalogue.ts';
import { cardBenefit, recommend } from './recommend.ts';

const spend = (month: string, category: string, amount: number): MonthCategoryTotal => ({
  month,
  category,
  kind: 'spend',
  total: -amount,
  count: 1,
});
const income = (month: string, amount: number): MonthCategoryTotal => ({
  month,
  category: 'salary',
  kind: 'income',
  total: amount,
  count: 1,
});

describe('recommendations', () => {
  it('a card’s benefit on a month: rate × spending up to each cap, only when last month’s minimum is met', () => {
    const card = CATALOGUE.find((p) => p.id === 'card-nuri-daily') as CardProduct;
    // cafés 120,000 × 10 % = 12,000 → cap 10,000; convenience 50,000 × 7 % = 3,500; transport 0.
    expect(
      cardBenefit(
        card,
        new Map([
          ['cafe', 120_000],
          ['convenience', 50_000],
          ['mart', 200_000],
        ]),
      ),
    ).toBe(13_500);
    expect(cardBenefit(card, new Map([['cafe', 120_000]]))).toBe(0);
  });

  it('every recommendation has a reason with the person’s numbers and a comparison; none without benefit', () => {
    const months: MonthCategoryTotal[] = [];
    for (const m of ['202608', '202609', '202610']) {
      months.push(
        spend(m, 'cafe', 120_000),
        spend(m, 'convenience', 50_000),
        spend(m, 'mart', 300_000),
        income(m, 3_000_000),
      );
    }
    const recs = recommend({
      today: '20261110',
      months,
      deposits: [{ institution: '누리은행', name: '입출금', kind: 'demand', balance: 8_000_000, rate: 0.1 }],
      loans: [
        {
          id: 'l',
          orgCode: 'CDNURI0001',
          institution: '누리카드',
          name: '카드론',
          kind: 'card-loan',
          balance: known(5_000_000),
          rate: known(16.9),
          repayMethod: '01',
          expDate: '20281110',
        },
      ],
      dsr: dsr([], known(36_000_000), '20261110'),
      carPolicies: [{ institution: '푸른손해보험', carName: '아반떼', endDate: '20261201', premium: 800_000 }],
    });
    expect(new Set(recs.map((r) => r.kind))).toEqual(new Set(['card', 'savings', 'deposit', 'loan', 'insurance']));
    for (const r of recs) {
      expect(r.reason.ko.length).toBeGreaterThan(10);
      expect(r.comparison.rows.length).toBeGreaterThan(0);
    }
    const loan = recs.find((r) => r.kind === 'loan')!;
    // 누리 직장인 신용대출 expects (4.9 + 8.9) / 2 = 6.9 %: 5,000,000 × (16.9 − 6.9) % = 500,000 a year.
    expect(loan.numbers.yearlySaving).toBe(500_000);
    const ins = recs.find((r) => r.kind === 'insurance')!;
    expect(ins.numbers.yearlySaving).toBe(120_000);
  });

  it('nothing to recommend for a person with no data', () => {
    expect(
      recommend({
        today: '20261110',
        months: [],
        deposits: [],
        loans: [],
        dsr: dsr([], known(1), '20261110'),
        carPolicies: [],
      }),
    ).toEqual([]);
  });
});
