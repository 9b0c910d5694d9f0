import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { addMonths, businessDay, dayFromCivil, daysInMonth, dueDay, monthOfDay, weekday, ymdOf } from './day-number.ts';
import { plainDateOf, plainDateTimeOf, tsOfPlainDateTime } from './temporal-values.ts';

const EPOCH = Temporal.PlainDate.from('1970-01-01');
const dates = fc.integer({ min: dayFromCivil(1930, 1, 1), max: dayFromCivil(2100, 12, 31) });

describe('integer calendar: agrees with Temporal', () => {
  it('property: day ↔ civil date, weekday and days in month', () => {
    fc.assert(
      fc.property(dates, (day) => {
        const d = EPOCH.add({ days: day });
        expect(ymdOf(day)).toBe(d.year * 10_000 + d.month * 100 + d.day);
        expect(dayFromCivil(d.year, d.month, d.day)).toBe(day);
        expect(weekday(day)).toBe(d.dayOfWeek % 7);
        expect(daysInMonth(monthOfDay(day))).toBe(d.daysInMonth);
        expect(plainDateOf(day).equals(d)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('property: ts ↔ PlainDateTime', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 86_399 }), (day, s) => {
        const ts = day * 86_400 + s;
        expect(tsOfPlainDateTime(plainDateTimeOf(ts))).toBe(ts);
      }),
    );
  });

  it('property: business days are weekdays inside the same month; addMonths clamps like Temporal', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -30, max: 30 }), (day, n) => {
        const b = businessDay(day);
        expect([0, 6]).not.toContain(weekday(b));
        expect(monthOfDay(b)).toBe(monthOfDay(day));
        expect(plainDateOf(addMonths(day, n)).equals(EPOCH.add({ days: day }).add({ months: n }))).toBe(true);
        expect(monthOfDay(dueDay(monthOfDay(day), 31))).toBe(monthOfDay(day));
      }),
      { numRuns: 300 },
    );
  });
});
