import { describe, expect, it } from 'vitest';
import { known } from '../shared/known.ts';
import { carInsuranceRenewals } from './car-insurance.ts';
import { cardHabits } from './card-habits.ts';
import { investmentPatterns, TAX_LIMITS } from './investment.ts';
import { retirementProjection } from './retirement.ts';
import { savingsPlan } from './savings-plan.ts';

describe('sector services', () => {
  it('자산형성: surplus, emergency fund first, a goal with its monthly saving', () => {
    const flows = ['202608', '202609', '202610'].map((month) => ({
      month,
      income: 3_000_000,
      spending: 2_000_000,
      net: 1_000_000,
      transfers: 0,
    }));
    const p = savingsPlan(flows, 2_000_000, { amount: 6_000_000, months: 12 });
    expect(p.monthlySurplus).toEqual(known(1_000_000));
    expect(p.emergencyFund).toEqual({ target: 6_000_000, have: 2_000_000, monthsToGo: 4 });
    expect(p.goal).toEqual({ amount: 6_000_000, months: 12, monthlyNeeded: 500_000, reachable: true });
  });

  it('노후설계: pots grown at 3 % to 65 and paid over 20 years; no birth date → unknown', () => {
    const pots = [{ institution: '가람증권', kind: 'irp' as const, name: 'IRP', balance: 10_000_000, monthly: 0 }];
    const r = retirementProjection(pots, '19910101', '20261110', 2_000_000);
    expect(r.years).toEqual(known(30));
    // 10,000,000 × 1.03^30 = 24,272,625.
    expect(r.atRetirement).toEqual(known(24_272_625));
    expect(r.monthlyIncome.known && r.monthlyIncome.value).toBeGreaterThan(130_000);
    expect(retirementProjection(pots, null, '20261110', 1).atRetirement.known).toBe(false);
  });

  it('투자: concentration, unknown fees, room left in the pension tax credit', () => {
    const r = investmentPatterns(
      [
        { institution: '가람증권', name: 'A전자', value: 8_000_000, kind: 'stock' },
        { institution: '가람증권', name: 'B펀드', value: 2_000_000, kind: 'fund' },
      ],
      [{ kind: 'irp', institution: '가람증권', paidThisYear: 3_000_000 }],
    );
    expect(r.concentration.largest).toEqual({ name: 'A전자', share: 0.8 });
    expect(r.concentration.concentrated).toBe(true);
    expect(r.fees.known).toBe(false);
    expect(r.roomLeft.find((x) => x.kind === 'pension-credit')?.room).toEqual(
      known(TAX_LIMITS.pensionCredit.yearly - 3_000_000),
    );
  });

  it('소비습관 and car-insurance renewal', () => {
    const h = cardHabits(
      [{ month: '202610', category: 'cafe', kind: 'spend', total: -90_000, count: 15 }],
      [
        { date: '20261010', kind: 'spend', total: -30_000, count: 1 },
        { date: '20261012', kind: 'spend', total: -60_000, count: 1 },
      ],
      '202611',
    );
    expect(h.smallLeaks.monthly).toBe(30_000);
    expect(h.weekendShare).toBeCloseTo(30_000 / 90_000);
    expect(
      carInsuranceRenewals([{ institution: '푸른손해보험', carName: null, endDate: '20261201' }], '20261110')[0]
        ?.daysLeft,
    ).toBe(21);
  });
});
