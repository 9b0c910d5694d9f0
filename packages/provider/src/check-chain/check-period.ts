import { type ApiType, checkDatePeriod, checkMonthPeriod, type DateRule } from '@hannun/spec';
import { Temporal } from 'temporal-polyfill';
import type { Row } from '../ledger/ledger.ts';
import { type CheckFailure, fail } from './check-failure.ts';

/**
 * Step 14, 40004 / 40304: the query period follows the transmission rules of the API's date rule and the
 * x-api-type (31 days or 3 months for scheduled calls, 12 months for user-consent/refresh, 5 years for
 * user-search; older than 5 years is 40304), on the provider clock's Korean date.
 */
export function checkPeriod(
  rule: DateRule,
  apiType: ApiType,
  request: Row,
  today: Temporal.PlainDate,
): CheckFailure | undefined {
  if (rule === 'none') return undefined;
  const key = memoKey(rule, apiType, request, today);
  let verdict = key === undefined ? undefined : verdicts.get(key);
  if (verdict === undefined) {
    const violation =
      rule === 'months' ? monthViolation(apiType, request, today) : dateViolation(rule, apiType, request, today);
    verdict = violation ? fail(violation.rspCode, `${violation.field}: ${violation.ko}`, violation.en) : PASSED;
    if (key !== undefined) {
      if (verdicts.size >= MEMO_SIZE) verdicts.clear();
      verdicts.set(key, verdict);
    }
  }
  return verdict === PASSED ? undefined : verdict;
}

/**
 * The rules are a pure function of (rule, x-api-type, from, to, today), Temporal's month arithmetic is
 * slow in the polyfill (several µs a call), and most calls of a day ask for the same few periods: the
 * verdicts are remembered, a few thousand at most.
 */
const PASSED = 'passed' as const;
const MEMO_SIZE = 4096;
const verdicts = new Map<string, CheckFailure | typeof PASSED>();

function stamp(v: unknown): number | undefined {
  if (v instanceof Temporal.PlainDate) return v.year * 10_000 + v.month * 100 + v.day;
  if (v instanceof Temporal.PlainYearMonth) return v.year * 100 + v.month;
  return undefined;
}

function memoKey(rule: DateRule, apiType: ApiType, request: Row, today: Temporal.PlainDate): string | undefined {
  const from = stamp(request[rule === 'months' ? 'from_month' : 'from_date']);
  const to = stamp(request[rule === 'months' ? 'to_month' : 'to_date']);
  if (from === undefined || to === undefined) return undefined;
  return `${rule}|${apiType}|${from}|${to}|${stamp(today)}`;
}

function dateViolation(rule: 'days31' | 'days3m', apiType: ApiType, request: Row, today: Temporal.PlainDate) {
  const from = request['from_date'];
  const to = request['to_date'];
  if (!(from instanceof Temporal.PlainDate) || !(to instanceof Temporal.PlainDate)) return null;
  return checkDatePeriod({ rule, apiType, from, to, today });
}

function monthViolation(apiType: ApiType, request: Row, today: Temporal.PlainDate) {
  const from = request['from_month'];
  const to = request['to_month'];
  if (!(from instanceof Temporal.PlainYearMonth) || !(to instanceof Temporal.PlainYearMonth)) return null;
  return checkMonthPeriod({ apiType, from, to, today });
}
