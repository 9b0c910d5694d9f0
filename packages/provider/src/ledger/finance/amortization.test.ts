import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromCivil } from '../time/day-number.ts';
import {
  annuityPayment,
  balanceAfterDay,
  dailyInterest,
  instalmentsBetween,
  type LoanTerms,
  lastInstalmentDay,
  type RepayMethod,
  walkSchedule,
} from './amortization.ts';

const terms = fc.record({
  principal: fc.integer({ min: 100_000, max: 800_000_000 }),
  rateMilli: fc.integer({ min: 0, max: 19_900 }),
  months: fc.integer({ min: 1, max: 360 }),
  method: fc.constantFrom<RepayMethod>('annuity', 'equalPrincipal', 'bullet'),
  startDay: fc.integer({ min: dayFromCivil(2015, 1, 1), max: dayFromCivil(2027, 1, 1) }),
  repayDom: fc.integer({ min: 1, max: 28 }),
});

function schedule(t: LoanTerms) {
  const out: Parameters<Parameters<typeof walkSchedule>[1]>[0][] = [];
  walkSchedule(t, (i) => {
    out.push(i);
    return true;
  });
  return out;
}

describe('amortization: repayment schedules', () => {
  it('principal repaid sums to the principal, and the balance ends at zero on the last instalment', () => {
    fc.assert(
      fc.property(terms, (t) => {
        const s = schedule(t);
        expect(s.reduce((sum, i) => sum + i.principal, 0)).toBe(t.principal);
        expect(s.at(-1)?.balanceAfter).toBe(0);
        expect(s.at(-1)?.day).toBe(lastInstalmentDay(t));
        expect(balanceAfterDay(t, lastInstalmentDay(t))).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('interest is the balance before the payment × rate × days / 365, rounded down', () => {
    fc.assert(
      fc.property(terms, (t) => {
        let balance = t.principal;
        for (const i of schedule(t)) {
          expect(i.interest).toBe(dailyInterest(balance, t.rateMilli, i.toDay - i.fromDay + 1));
          expect(i.principal).toBeGreaterThanOrEqual(0);
          balance = i.balanceAfter;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('원리금균등: payments are level, apart from the first period and the tail', () => {
    fc.assert(
      fc.property(terms, (t0) => {
        // Realistic instalment loans: a few percent over up to 30 years, or dearer over shorter terms.
        const rateMilli = 1000 + (t0.rateMilli % (t0.months > 60 ? 6000 : 19_000));
        const t = {
          ...t0,
          method: 'annuity' as const,
          principal: Math.max(5_000_000, t0.principal),
          rateMilli,
          months: Math.max(3, t0.months),
        };
        const level = annuityPayment(t.principal, t.rateMilli, t.months);
        // The first period runs from the loan day to the first payment day, so its interest differs; with a
        // tiny principal over a long term, daily interest can finish the loan a little early (smaller tail).
        const s = schedule(t);
        expect(s.slice(1, -1).filter((i) => i.principal + i.interest === level).length).toBeGreaterThanOrEqual(
          Math.max(0, s.length - 3) * 0.9,
        );
      }),
      { numRuns: 100 },
    );
  });

  it('원금균등 repays equal principal; 만기일시 repays it all at the end', () => {
    fc.assert(
      fc.property(terms, (t0) => {
        const eq = schedule({ ...t0, method: 'equalPrincipal' });
        for (const i of eq.slice(0, -1)) expect(i.principal).toBe(Math.floor(t0.principal / t0.months));
        const bullet = schedule({ ...t0, method: 'bullet' });
        for (const i of bullet.slice(0, -1)) expect(i.principal).toBe(0);
        expect(bullet.at(-1)?.principal).toBe(t0.principal);
      }),
      { numRuns: 100 },
    );
  });

  it('instalments fall on weekdays, one per month, inside the range asked for', () => {
    const t: LoanTerms = {
      principal: 30_000_000,
      rateMilli: 5_900,
      months: 36,
      method: 'annuity',
      startDay: dayFromCivil(2025, 3, 17),
      repayDom: 25,
    };
    const from = dayFromCivil(2025, 6, 1);
    const to = dayFromCivil(2025, 12, 31);
    const inst = instalmentsBetween(t, from, to);
    expect(inst).toHaveLength(7);
    for (const i of inst) {
      expect(i.day).toBeGreaterThanOrEqual(from);
      expect(i.day).toBeLessThanOrEqual(to);
      expect([0, 6]).not.toContain((((i.day + 4) % 7) + 7) % 7);
    }
  });

  it('the annuity formula gives the textbook payment', () => {
    // 1억 at 4.5 % over 30 years: about 506,685 won a month.
    expect(annuityPayment(100_000_000, 4_500, 360)).toBe(506_685);
  });
});
