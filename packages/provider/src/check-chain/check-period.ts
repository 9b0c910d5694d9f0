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
  const violation =
    rule === 'months' ? monthViolation(apiType, request, today) : dateViolation(rule, apiType, request, today);
  if (!violation) return undefined;
  return fail(violation.rspCode, `${violation.field}: ${violation.ko}`, violation.en);
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
