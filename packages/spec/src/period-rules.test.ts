import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { checkDatePeriod, checkMonthPeriod, latestEnd } from './period-rules.ts';

const d = (s: string) => Temporal.PlainDate.from(s);
const m = (s: string) => Temporal.PlainYearMonth.from(s);
const today = d('2026-11-24');

describe('transmission period rules (§3.3)', () => {
  it('scheduled date APIs: 31 days inclusive, one more day answers 40004', () => {
    expect(
      checkDatePeriod({ rule: 'days31', apiType: 'scheduled', from: d('2026-10-01'), to: d('2026-10-31'), today }),
    ).toBeNull();
    expect(
      checkDatePeriod({ rule: 'days31', apiType: 'scheduled', from: d('2026-10-01'), to: d('2026-11-01'), today }),
    ).toMatchObject({ rspCode: '40004', field: 'to_date' });
  });

  it('the listed date APIs (은행-010 …) may span 3 months when scheduled', () => {
    expect(
      checkDatePeriod({ rule: 'days3m', apiType: 'scheduled', from: d('2026-08-01'), to: d('2026-10-31'), today }),
    ).toBeNull();
    expect(
      checkDatePeriod({ rule: 'days3m', apiType: 'scheduled', from: d('2026-08-01'), to: d('2026-11-01'), today })
        ?.rspCode,
    ).toBe('40004');
  });

  it('user-consent reaches 12 months back in one call, not further', () => {
    expect(
      checkDatePeriod({ rule: 'days31', apiType: 'user-consent', from: d('2025-11-24'), to: today, today }),
    ).toBeNull();
    expect(
      checkDatePeriod({ rule: 'days31', apiType: 'user-consent', from: d('2025-11-23'), to: today, today }),
    ).toMatchObject({ rspCode: '40004', field: 'from_date' });
  });

  it('user-search reaches 5 years back; older than 5 years is 40304 whatever the type', () => {
    expect(
      checkDatePeriod({ rule: 'days31', apiType: 'user-search', from: d('2021-11-24'), to: d('2021-12-24'), today }),
    ).toBeNull();
    expect(
      checkDatePeriod({ rule: 'days31', apiType: 'user-search', from: d('2021-11-23'), to: d('2021-12-01'), today })
        ?.rspCode,
    ).toBe('40304');
    expect(
      checkDatePeriod({ rule: 'days31', apiType: 'scheduled', from: d('2020-01-01'), to: d('2020-01-02'), today })
        ?.rspCode,
    ).toBe('40304');
  });

  it('from after to is a bad parameter (40001)', () => {
    expect(
      checkDatePeriod({ rule: 'days31', apiType: 'user-refresh', from: d('2026-11-02'), to: d('2026-11-01'), today })
        ?.rspCode,
    ).toBe('40001');
  });

  it('month APIs: 3 months when scheduled, 12 for user-consent', () => {
    expect(checkMonthPeriod({ apiType: 'scheduled', from: m('2026-08'), to: m('2026-10'), today })).toBeNull();
    expect(checkMonthPeriod({ apiType: 'scheduled', from: m('2026-08'), to: m('2026-11'), today })?.rspCode).toBe(
      '40004',
    );
    expect(checkMonthPeriod({ apiType: 'user-consent', from: m('2025-12'), to: m('2026-11'), today })).toBeNull();
    expect(checkMonthPeriod({ apiType: 'user-consent', from: m('2025-10'), to: m('2026-11'), today })?.rspCode).toBe(
      '40004',
    );
    expect(checkMonthPeriod({ apiType: 'user-search', from: m('2021-10'), to: m('2021-12'), today })?.rspCode).toBe(
      '40304',
    );
  });

  it('property: every scheduled period ending on latestEnd passes and one day more fails', () => {
    const day = fc.integer({ min: 0, max: 1500 }).map((n) => today.subtract({ days: n + 100 }));
    fc.assert(
      fc.property(day, fc.constantFrom('days31', 'days3m') as fc.Arbitrary<'days31'>, (from, rule) => {
        const end = latestEnd(rule, 'scheduled', from);
        expect(checkDatePeriod({ rule, apiType: 'scheduled', from, to: end, today })).toBeNull();
        expect(checkDatePeriod({ rule, apiType: 'scheduled', from, to: end.add({ days: 1 }), today })?.rspCode).toBe(
          '40004',
        );
      }),
    );
  });
});
