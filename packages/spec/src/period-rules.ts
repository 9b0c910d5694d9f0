import { Temporal } from 'temporal-polyfill';
import type { ApiType } from './api-type.ts';
import type { DateRule } from './catalogue/api-spec.ts';
import type { RspCode } from './rsp-codes.ts';

/**
 * The transmission rules on query periods (규격 §3.3, 시행령 28조의3④), as data:
 * - scheduled: at most 31 days per call for date APIs, 3 months for the listed date APIs and month APIs;
 * - user-consent / user-refresh: up to 12 months back, and one call may span 12 months;
 * - user-search: up to 5 years back;
 * - older than 5 years: 40304.
 * Provisional boundary reading: spans are inclusive of both ends ("31 days" = from..from+30),
 * a scheduled "N months" ends the day before the same day N months later, while an irregular call reaching
 * "N months back" may run from that day to today; a to-date in the future is allowed.
 */
export const PERIOD_LIMITS = {
  scheduled: { days31: { days: 31 }, days3m: { months: 3 }, months: { months: 3 }, lookbackMonths: 60 },
  'user-consent': { days31: { months: 12 }, days3m: { months: 12 }, months: { months: 12 }, lookbackMonths: 12 },
  'user-refresh': { days31: { months: 12 }, days3m: { months: 12 }, months: { months: 12 }, lookbackMonths: 12 },
  'user-search': { days31: { months: 60 }, days3m: { months: 60 }, months: { months: 60 }, lookbackMonths: 60 },
} as const satisfies Record<
  ApiType,
  Record<Exclude<DateRule, 'none'>, { days: number } | { months: number }> & { lookbackMonths: number }
>;

export const MAX_LOOKBACK_YEARS = 5;

export interface PeriodViolation {
  readonly rspCode: RspCode;
  readonly field: 'from_date' | 'to_date' | 'from_month' | 'to_month';
  readonly en: string;
  readonly ko: string;
}

/** The last day a period starting on `from` may end on under this rule and x-api-type. */
export function latestEnd(
  rule: Exclude<DateRule, 'none'>,
  apiType: ApiType,
  from: Temporal.PlainDate,
): Temporal.PlainDate {
  const limit = PERIOD_LIMITS[apiType][rule];
  if ('days' in limit) return from.add({ days: limit.days - 1 });
  // A scheduled chunk of N months ends the day before; an irregular call "N months back" may end on today.
  const end = from.add({ months: limit.months });
  return apiType === 'scheduled' ? end.subtract({ days: 1 }) : end;
}

/**
 * Check a date period (from_date/to_date) for an API with this date rule, called with this x-api-type,
 * on `today` (Korean time). Returns null when it is allowed, or the violation with its rsp_code.
 */
export function checkDatePeriod(args: {
  rule: Exclude<DateRule, 'none' | 'months'>;
  apiType: ApiType;
  from: Temporal.PlainDate;
  to: Temporal.PlainDate;
  today: Temporal.PlainDate;
}): PeriodViolation | null {
  const { rule, apiType, from, to, today } = args;
  if (Temporal.PlainDate.compare(from, to) > 0) {
    return {
      rspCode: '40001',
      field: 'from_date',
      en: 'from_date is after to_date',
      ko: '시작일자가 종료일자보다 늦습니다',
    };
  }
  if (Temporal.PlainDate.compare(from, today.subtract({ years: MAX_LOOKBACK_YEARS })) < 0) {
    return {
      rspCode: '40304',
      field: 'from_date',
      en: 'data older than 5 years cannot be requested',
      ko: '5년 이전 데이터는 조회할 수 없습니다',
    };
  }
  const lookback = PERIOD_LIMITS[apiType].lookbackMonths;
  if (Temporal.PlainDate.compare(from, today.subtract({ months: lookback })) < 0) {
    return {
      rspCode: '40004',
      field: 'from_date',
      en: `${apiType} may reach back at most ${lookback} months`,
      ko: `${apiType} 요청은 최대 ${lookback}개월 전까지만 조회할 수 있습니다`,
    };
  }
  const end = latestEnd(rule, apiType, from);
  if (Temporal.PlainDate.compare(to, end) > 0) {
    const limit = PERIOD_LIMITS[apiType][rule];
    const span = 'days' in limit ? `${limit.days} days` : `${limit.months} months`;
    return {
      rspCode: '40004',
      field: 'to_date',
      en: `a ${apiType} call may span at most ${span} (latest to_date ${end.toString()})`,
      ko: `${apiType} 요청의 조회 기간은 최대 ${'days' in limit ? `${limit.days}일` : `${limit.months}개월`}입니다`,
    };
  }
  return null;
}

/** Check a month period (from_month/to_month). */
export function checkMonthPeriod(args: {
  apiType: ApiType;
  from: Temporal.PlainYearMonth;
  to: Temporal.PlainYearMonth;
  today: Temporal.PlainDate;
}): PeriodViolation | null {
  const { apiType, from, to, today } = args;
  if (Temporal.PlainYearMonth.compare(from, to) > 0) {
    return {
      rspCode: '40001',
      field: 'from_month',
      en: 'from_month is after to_month',
      ko: '시작년월이 종료년월보다 늦습니다',
    };
  }
  const thisMonth = today.toPlainYearMonth();
  if (Temporal.PlainYearMonth.compare(from, thisMonth.subtract({ years: MAX_LOOKBACK_YEARS })) < 0) {
    return {
      rspCode: '40304',
      field: 'from_month',
      en: 'data older than 5 years cannot be requested',
      ko: '5년 이전 데이터는 조회할 수 없습니다',
    };
  }
  const lookback = PERIOD_LIMITS[apiType].lookbackMonths;
  if (Temporal.PlainYearMonth.compare(from, thisMonth.subtract({ months: lookback })) < 0) {
    return {
      rspCode: '40004',
      field: 'from_month',
      en: `${apiType} may reach back at most ${lookback} months`,
      ko: `최대 ${lookback}개월 전까지만 조회할 수 있습니다`,
    };
  }
  const { months } = PERIOD_LIMITS[apiType].months;
  const span = (to.year - from.year) * 12 + (to.month - from.month) + 1;
  if (span > months) {
    return {
      rspCode: '40004',
      field: 'to_month',
      en: `a ${apiType} call may span at most ${months} months`,
      ko: `조회 기간은 최대 ${months}개월입니다`,
    };
  }
  return null;
}
