import { describe, expect, it } from 'vitest';
import { Categoriser } from '../categorise/categoriser.ts';
import type { Tx } from '../categorise/transaction.ts';
import { rollUp } from '../rollup/rollups.ts';
import { budgetStatus, checkBudget } from './budgets.ts';
import { billOutlook } from './card-bills.ts';
import { cashFlow } from './cash-flow.ts';
import { categoryTrends, unusualSpending } from './category-trends.ts';
import { forecastMonth } from './forecast.ts';
import { detectIncome } from './income.ts';
import { detectRecurring, fixedCosts } from './recurring.ts';
import { spendingByCategory } from './spending-by-category.ts';

const MONTHS = ['202605', '202606', '202607', '202608', '202609', '202610'];
let n = 0;
const t = (date: string, amount: number, merchant: string, o: Partial<Tx> = {}): Tx => ({
  id: `t${n++}`,
  source: 'card',
  orgCode: 'CDNURI0001',
  date,
  amount,
  merchant,
  ...o,
});

/** Six months of a life: salary on the 25th, Netflix on the 3rd, rent on the 1st, cafés, one odd month of travel. */
function life(): Tx[] {
  const out: Tx[] = [];
  for (const m of MONTHS) {
    out.push(t(`${m}25`, 3_200_000, '누리전자 급여', { source: 'bank', transClass: '급여' }));
    out.push(t(`${m}03`, -13_500, '넷플릭스'));
    out.push(t(`${m}01`, -650_000, '김집주 월세', { source: 'bank', transClass: '타행이체' }));
    for (const d of ['05', '12', '19', '26']) out.push(t(`${m}${d}`, -6_000, '스타벅스 강남역점'));
    out.push(t(`${m}15`, -80_000, '이마트 성수점'));
  }
  out.push(t('20261103', -13_500, '넷플릭스'));
  out.push(t('20261101', -650_000, '김집주 월세', { source: 'bank', transClass: '타행이체' }));
  out.push(t('20261105', -6_000, '스타벅스 강남역점'));
  out.push(t('20261107', -900_000, '하나투어'));
  return out;
}

function rollups() {
  const p = new Categoriser().forPerson();
  return rollUp(life().map((tx) => ({ tx, cat: p.categorise(tx) })));
}

describe('spending analysis on a hand-built life', () => {
  const r = rollups();

  it('a salary is detected: 3,200,000 won around the 25th, regular, next expected on the 25th', () => {
    const income = detectIncome(r.merchants, '202611');
    const salary = income.sources.find((s) => s.kind === 'salary');
    expect(salary).toMatchObject({
      monthly: 3_200_000,
      payDay: 25,
      regular: true,
      monthsSeen: 6,
      nextExpected: '20261125',
    });
    expect(income.monthly).toEqual({ known: true, value: 3_200_000 });
  });

  it('no income in the accounts is unknown with a reason, not zero', () => {
    const income = detectIncome([], '202611');
    expect(income.monthly.known).toBe(false);
    expect(income.annual.known).toBe(false);
  });

  it('a subscription is detected (Netflix, monthly on the 3rd), rent is a fixed cost, cafés weekly', () => {
    const rec = detectRecurring(r.merchants, '202611');
    const netflix = rec.find((x) => x.name === '넷플릭스');
    expect(netflix).toMatchObject({
      cadence: 'monthly',
      amount: 13_500,
      day: 3,
      subscription: true,
      paidThisMonth: true,
      nextExpected: '20261203',
    });
    const rent = rec.find((x) => x.category === 'housing');
    expect(rent).toMatchObject({ amount: 650_000, fixedCost: true, day: 1 });
    const cafe = rec.find((x) => x.category === 'cafe');
    expect(cafe).toMatchObject({ cadence: 'weekly', amount: 6_000 });
    expect(fixedCosts(rec).monthly).toBe(650_000 + 13_500);
  });

  it('monthly cash flow: income minus spending, transfers apart', () => {
    const flows = cashFlow(r.months, '202610', '202611');
    expect(flows[0]).toEqual({
      month: '202610',
      income: 3_200_000,
      spending: 13_500 + 650_000 + 24_000 + 80_000,
      net: 3_200_000 - 767_500,
      transfers: 0,
    });
    expect(flows[1]!.income).toBe(0);
  });

  it('spending by category adds up and names the travel month unusual', () => {
    const nov = spendingByCategory(r.months, '202611');
    expect(nov.total).toBe(13_500 + 650_000 + 6_000 + 900_000);
    expect(nov.categories[0]).toMatchObject({ category: 'travel', amount: 900_000 });
    const odd = unusualSpending(r.months, '202611');
    expect(odd.map((o) => o.category)).toEqual(['travel']);
    expect(categoryTrends(r.months, '202610').find((c) => c.category === 'cafe')?.change).toBe(0);
  });

  it('budgets alert over, near and at-pace', () => {
    const nov = spendingByCategory(r.months, '202611');
    const s = budgetStatus(
      [
        checkBudget({ category: 'travel', monthly: 500_000 }),
        checkBudget({ category: 'housing', monthly: 700_000 }),
        checkBudget({ category: 'cafe', monthly: 20_000 }),
      ],
      nov,
      '20261110',
    );
    expect(s.map((x) => x.alert)).toEqual(['over', 'near', 'ok']);
    expect(() => checkBudget({ category: 'salary', monthly: 1 })).toThrow(/spending category/);
  });

  it('forecast: fixed costs still due plus the same days of earlier months, with a band', () => {
    const rec = detectRecurring(r.merchants, '202611');
    const f = forecastMonth(r.days, rec, '20261110');
    expect(f.spentSoFar).toBe(13_500 + 650_000 + 6_000 + 900_000);
    // Netflix (3rd) and rent (1st) are paid; the monthly mart run of the 15th is still due.
    expect(f.fixedDue).toEqual({ total: 80_000, items: [{ name: '이마트 성수점', day: 15, amount: 80_000 }] });
    // Each earlier month spent 18,000 on cafés after the 10th besides the recurring mart run.
    expect(f.variableRest).toEqual({ known: true, value: { expected: 18_000, low: 18_000, high: 18_000 } });
    expect(f.monthTotal).toEqual({
      known: true,
      value: { expected: 1_569_500 + 98_000, low: 1_569_500 + 98_000, high: 1_569_500 + 98_000 },
    });
    expect(f.basisMonths).toBe(6);
  });

  it('card bills still due and instalment schedules', () => {
    const o = billOutlook(
      [
        { orgCode: 'CDNURI0001', institution: '누리카드', chargeMonth: '202611', amount: 420_000, chargeDay: 14 },
        {
          orgCode: 'CDNURI0001',
          institution: '누리카드',
          chargeMonth: '202610',
          amount: 380_000,
          chargeDay: 14,
          paidOutDate: '20261014',
        },
      ],
      [
        {
          orgCode: 'CDNURI0001',
          institution: '누리카드',
          merchant: '롯데하이마트',
          chargeMonth: '202611',
          paid: 100_000,
          total: 6,
          current: 2,
        },
      ],
      '20261110',
    );
    expect(o.upcoming).toEqual([
      { orgCode: 'CDNURI0001', institution: '누리카드', dueDate: '20261114', amount: 420_000 },
    ]);
    expect(o.installments[0]).toMatchObject({ remaining: 400_000, endsIn: '202703', paidParts: 2 });
    expect(o.schedule).toHaveLength(4);
  });
});
