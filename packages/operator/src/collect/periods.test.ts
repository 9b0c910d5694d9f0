import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { mergeCoverage, type PeriodRule, periodsFor, periodViolation } from './periods.ts';

const d = (s: string) => Temporal.PlainDate.from(s);
const text = (ps: { from: Temporal.PlainDate; to: Temporal.PlainDate }[]) =>
  ps.map((p) => `${p.from.toString()}..${p.to.toString()}`);
const TODAY = d('2026-03-10');

describe('periods per x-api-type (규격 §3.3)', () => {
  it('user-consent: 12 months in one call; months APIs: the last 12 months', () => {
    expect(text(periodsFor({ rule: 'days31', apiType: 'user-consent', today: TODAY }))).toEqual([
      '2025-03-10..2026-03-10',
    ]);
    expect(text(periodsFor({ rule: 'months', apiType: 'user-consent', today: TODAY }))).toEqual([
      '2025-04-01..2026-03-10',
    ]);
    // 29 February: the spec's rule decides (12 months back from 2028-02-29 is 2027-02-28, too long by a day).
    const leap = periodsFor({ rule: 'days31', apiType: 'user-consent', today: d('2028-02-29') });
    expect(text(leap)).toEqual(['2027-03-01..2028-02-29']);
  });

  it('user-refresh: from the last collection’s last day, at most 12 months back, in one call', () => {
    const coverage = { from: d('2025-03-10'), to: d('2026-02-20') };
    expect(text(periodsFor({ rule: 'days31', apiType: 'user-refresh', today: TODAY, coverage }))).toEqual([
      '2026-02-20..2026-03-10',
    ]);
    const old = { from: d('2023-01-01'), to: d('2024-06-30') };
    expect(text(periodsFor({ rule: 'days31', apiType: 'user-refresh', today: TODAY, coverage: old }))).toEqual([
      '2025-03-10..2026-03-10',
    ]);
  });

  it('scheduled: 31-day steps (3 months for days3m and months APIs) from the last collection to today', () => {
    const coverage = { from: d('2025-03-10'), to: d('2026-01-01') };
    expect(text(periodsFor({ rule: 'days31', apiType: 'scheduled', today: TODAY, coverage }))).toEqual([
      '2026-01-01..2026-01-31',
      '2026-02-01..2026-03-03',
      '2026-03-04..2026-03-10',
    ]);
    expect(text(periodsFor({ rule: 'days3m', apiType: 'scheduled', today: TODAY, coverage }))).toEqual([
      '2026-01-01..2026-03-10',
    ]);
    expect(
      text(
        periodsFor({
          rule: 'months',
          apiType: 'scheduled',
          today: TODAY,
          coverage: { ...coverage, to: d('2025-10-15') },
        }),
      ),
    ).toEqual(['2025-10-01..2025-12-31', '2026-01-01..2026-03-10']);
    // Never collected: the one step that ends today.
    expect(text(periodsFor({ rule: 'days31', apiType: 'scheduled', today: TODAY }))).toEqual([
      '2026-02-08..2026-03-10',
    ]);
  });

  it('user-search: back to 5 years, less what is held', () => {
    const coverage = { from: d('2025-03-10'), to: d('2026-03-10') };
    expect(text(periodsFor({ rule: 'days31', apiType: 'user-search', today: TODAY, coverage }))).toEqual([
      '2021-03-10..2025-03-09',
    ]);
    expect(
      text(
        periodsFor({
          rule: 'days31',
          apiType: 'user-search',
          today: TODAY,
          coverage: { from: d('2025-03-10'), to: d('2026-01-31') },
          search: { from: d('2025-01-01') },
        }),
      ),
    ).toEqual(['2025-01-01..2025-03-09', '2026-02-01..2026-03-10']);
    expect(
      periodsFor({ rule: 'days31', apiType: 'user-search', today: TODAY, coverage, search: { from: d('2025-06-01') } }),
    ).toEqual([]);
  });

  it('property: every period is allowed by the spec for its x-api-type; scheduled steps are contiguous to today', () => {
    const rules: PeriodRule[] = ['days31', 'days3m', 'months'];
    const types = ['user-consent', 'user-refresh', 'scheduled', 'user-search'] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3_000 }),
        fc.integer({ min: 0, max: 2_000 }),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom(...rules),
        fc.constantFrom(...types),
        (todayOffset, back, length, rule, apiType) => {
          const today = d('2022-01-01').add({ days: todayOffset });
          const to = today.subtract({ days: back % 400 });
          const coverage = { from: to.subtract({ days: length }), to };
          const periods = periodsFor({ rule, apiType, today, coverage });
          for (const p of periods) {
            expect(periodViolation(rule, apiType, p, today), `${rule} ${apiType} ${p.from}..${p.to}`).toBeNull();
          }
          if (apiType === 'scheduled') {
            expect(periods.at(-1)!.to.equals(today)).toBe(true);
            for (let i = 1; i < periods.length; i++) {
              expect(periods[i]!.from.equals(periods[i - 1]!.to.add({ days: 1 }))).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('coverage grows when a period touches it; a detached later period replaces it', () => {
    const c = { from: d('2025-03-10'), to: d('2026-03-10') };
    expect(mergeCoverage(c, { from: d('2021-03-10'), to: d('2025-03-09') })).toEqual({
      from: d('2021-03-10'),
      to: d('2026-03-10'),
    });
    expect(mergeCoverage(c, { from: d('2026-03-10'), to: d('2026-04-01') })).toEqual({
      from: d('2025-03-10'),
      to: d('2026-04-01'),
    });
    expect(mergeCoverage(c, { from: d('2026-05-01'), to: d('2026-05-31') })).toEqual({
      from: d('2026-05-01'),
      to: d('2026-05-31'),
    });
    expect(mergeCoverage(undefined, c)).toEqual(c);
  });
});
