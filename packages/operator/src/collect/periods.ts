import {
  type ApiType,
  checkDatePeriod,
  checkMonthPeriod,
  type DateRule,
  latestEnd,
  PERIOD_LIMITS,
  type PeriodViolation,
} from '@hannun/spec';
import { Temporal } from 'temporal-polyfill';

/** A query period, both ends inclusive (for month APIs: the months of `from` to `to`). */
export interface Period {
  readonly from: Temporal.PlainDate;
  readonly to: Temporal.PlainDate;
}

export type PeriodRule = Exclude<DateRule, 'none'>;

const { compare } = Temporal.PlainDate;
const maxDate = (a: Temporal.PlainDate, b: Temporal.PlainDate) => (compare(a, b) >= 0 ? a : b);
const minDate = (a: Temporal.PlainDate, b: Temporal.PlainDate) => (compare(a, b) <= 0 ? a : b);
const firstOfMonth = (d: Temporal.PlainDate) => d.with({ day: 1 });
const lastOfMonth = (d: Temporal.PlainDate) => d.with({ day: d.daysInMonth });

/** The spec's own verdict on a period of this rule and x-api-type (null: allowed). */
export function periodViolation(
  rule: PeriodRule,
  apiType: ApiType,
  p: Period,
  today: Temporal.PlainDate,
): PeriodViolation | null {
  if (rule === 'months') {
    return checkMonthPeriod({ apiType, from: p.from.toPlainYearMonth(), to: p.to.toPlainYearMonth(), today });
  }
  return checkDatePeriod({ rule, apiType, from: p.from, to: p.to, today });
}

/**
 * The earliest start an irregular call ending today may have (12 months back for user-consent and
 * user-refresh, 5 years for user-search), as the spec's period rules read it: the start moves forward a day
 * at a time until the spec allows the period (month ends: 29 February).
 */
function earliestStart(rule: PeriodRule, apiType: ApiType, today: Temporal.PlainDate): Temporal.PlainDate {
  const months = PERIOD_LIMITS[apiType].lookbackMonths;
  if (rule === 'months')
    return firstOfMonth(
      today
        .toPlainYearMonth()
        .subtract({ months: months - 1 })
        .toPlainDate({ day: 1 }),
    );
  let from = today.subtract({ months });
  for (let i = 0; i < 5 && periodViolation(rule, apiType, { from, to: today }, today); i++)
    from = from.add({ days: 1 });
  return from;
}

/** One scheduled step from `from`: 31 days, or 3 months for the days3m and months rules, never past today. */
function scheduledStep(rule: PeriodRule, from: Temporal.PlainDate, today: Temporal.PlainDate): Period {
  if (rule === 'months') {
    const start = firstOfMonth(from);
    return { from: start, to: minDate(lastOfMonth(start.add({ months: 2 })), today) };
  }
  return { from, to: minDate(latestEnd(rule, 'scheduled', from), today) };
}

/** The start of the one step that ends today (a scheduled call for an API never collected before). */
function oneStepBack(rule: PeriodRule, today: Temporal.PlainDate): Temporal.PlainDate {
  if (rule === 'months') return firstOfMonth(today.subtract({ months: 2 }));
  if (rule === 'days31') return today.subtract({ days: 30 });
  return today.subtract({ months: 3 }).add({ days: 1 });
}

/** Dates collected without a gap for one API and asset. */
export interface Coverage {
  readonly from: Temporal.PlainDate;
  readonly to: Temporal.PlainDate;
}

export interface PeriodRequest {
  readonly rule: PeriodRule;
  readonly apiType: ApiType;
  /** Korean date of the call. */
  readonly today: Temporal.PlainDate;
  /** What was collected so far for this API and asset. */
  readonly coverage?: Coverage | undefined;
  /** user-search: the dates the person asked for (default: as far back as allowed, to today). */
  readonly search?: { readonly from?: Temporal.PlainDate; readonly to?: Temporal.PlainDate } | undefined;
}

/**
 * The periods to ask for, in the order to ask (one after another, never at once: the standard forbids
 * splitting a period into concurrent calls):
 * - user-consent: 12 months in one call;
 * - user-refresh: since the last collection (the day it ended, again, for what came later that day), at
 *   most 12 months, in one call;
 * - scheduled: from the last collection to today in steps of 31 days (3 months for the days3m and months
 *   rules); with no collection yet, the one step that ends today;
 * - user-search: the asked dates back to 5 years, less what is already collected (at most two calls).
 * Every period satisfies the spec's period rules for its x-api-type on `today`.
 */
export function periodsFor(r: PeriodRequest): Period[] {
  const { rule, apiType, today } = r;
  switch (apiType) {
    case 'user-consent':
      return [{ from: earliestStart(rule, apiType, today), to: today }];
    case 'user-refresh': {
      const earliest = earliestStart(rule, apiType, today);
      if (!r.coverage) return [{ from: earliest, to: today }];
      const since = minDate(r.coverage.to, today);
      return [{ from: maxDate(rule === 'months' ? firstOfMonth(since) : since, earliest), to: today }];
    }
    case 'scheduled': {
      const lookback = earliestStart(rule, 'user-search', today);
      let from = maxDate(r.coverage ? minDate(r.coverage.to, today) : oneStepBack(rule, today), lookback);
      const out: Period[] = [];
      for (;;) {
        const step = scheduledStep(rule, from, today);
        out.push(step);
        if (compare(step.to, today) >= 0) return out;
        from = step.to.add({ days: 1 });
      }
    }
    case 'user-search': {
      const earliest = earliestStart(rule, apiType, today);
      const from = maxDate(r.search?.from ?? earliest, earliest);
      const to = minDate(r.search?.to ?? today, today);
      if (compare(from, to) > 0) return [];
      const wanted: Period = rule === 'months' ? { from: firstOfMonth(from), to } : { from, to };
      return subtract(wanted, r.coverage, rule);
    }
  }
}

/** `p` less the covered dates (for month APIs, whole months): zero, one or two periods. */
function subtract(p: Period, c: Coverage | undefined, rule: PeriodRule): Period[] {
  if (!c) return [p];
  const cFrom = rule === 'months' ? firstOfMonth(c.from) : c.from;
  // A month is covered only when collected to its end.
  const cTo =
    rule === 'months' && compare(c.to, lastOfMonth(c.to)) < 0 ? firstOfMonth(c.to).subtract({ days: 1 }) : c.to;
  if (compare(cTo, cFrom) < 0 || compare(cTo, p.from) < 0 || compare(cFrom, p.to) > 0) return [p];
  const out: Period[] = [];
  if (compare(p.from, cFrom) < 0) out.push({ from: p.from, to: cFrom.subtract({ days: 1 }) });
  if (compare(cTo, p.to) < 0) out.push({ from: cTo.add({ days: 1 }), to: p.to });
  return out;
}

/**
 * The coverage after a period was collected: joined when they touch or overlap; otherwise the later of the
 * two (the gap stays uncovered, so a user-search asks for it).
 */
export function mergeCoverage(c: Coverage | undefined, p: Period): Coverage {
  if (!c) return { from: p.from, to: p.to };
  const touches = compare(p.from, c.to.add({ days: 1 })) <= 0 && compare(p.to.add({ days: 1 }), c.from) >= 0;
  if (touches) return { from: minDate(c.from, p.from), to: maxDate(c.to, p.to) };
  return compare(p.to, c.to) > 0 ? { from: p.from, to: p.to } : c;
}
