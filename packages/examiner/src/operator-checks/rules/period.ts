import { type ApiType, checkDatePeriod, checkMonthPeriod, isApiType } from '@hannun/spec';
import { type CallRecord, firstPage, isInfoCall } from '../call-record.ts';
import { dateWire, kstToday, monthWire, parseDate, parseMonth } from '../../conformance/generate/kst-dates.ts';
import type { Offence, OperatorRule } from './rule.ts';

/** The provider's reading of a call without x-api-type: irregular, for the person (user-refresh). */
const typeOf = (r: CallRecord): ApiType =>
  r.apiType !== undefined && isApiType(r.apiType) ? r.apiType : 'user-refresh';

function violation(r: CallRecord): string | undefined {
  const { period } = r;
  if (!period || r.dateRule === undefined || r.dateRule === 'none') return undefined;
  const apiType = typeOf(r);
  const today = kstToday(r.atMs);
  try {
    if (period.unit === 'month') {
      const from = parseMonth(period.from);
      const to = parseMonth(period.to);
      const now = monthWire(today.toPlainYearMonth());
      if (period.from > now || period.to > now) return `asks for months after this one (${now})`;
      return checkMonthPeriod({ apiType, from, to, today })?.en;
    }
    if (r.dateRule === 'months') return 'a month API asked with dates';
    const from = parseDate(period.from);
    const to = parseDate(period.to);
    const now = dateWire(today);
    if (period.from > now || period.to > now) return `asks for dates after today (${now})`;
    return checkDatePeriod({ rule: r.dateRule, apiType, from, to, today })?.en;
  } catch {
    return `from/to are not dates: ${period.from}~${period.to}`;
  }
}

/**
 * Periods by x-api-type, from the spec's period rules: scheduled in steps of at most 31 days (3 months for the
 * listed APIs and month APIs), user-consent and user-refresh up to 12 months back, user-search back to 5 years;
 * from ≤ to; nothing after today. First pages only (later pages repeat the period).
 */
export const periodRule: OperatorRule = {
  id: 'period',
  title: 'query periods within the limits of their x-api-type; from ≤ to; no future dates',
  reference:
    '규격 §3.3 조회기준: 정보주체 개입(비정기적 전송) — 전송요구 직후 최대 12개월, 로그인·새로고침 시 최대 12개월, ' +
    '특정 자산 조회 시 최대 5년; 정보주체 미개입(정기적 전송) — 일자 기준 최대 31일(은행-010 등 3개월), 월 기준 최대 3개월; notes §7',
  judge({ records }) {
    const calls = records.filter((r) => isInfoCall(r) && r.period && r.dateRule !== 'none' && firstPage(r));
    const offences: Offence[] = [];
    for (const r of calls) {
      const why = violation(r);
      if (why) offences.push({ call: r, reason: `${typeOf(r)} ${r.period!.from}~${r.period!.to}: ${why}` });
    }
    return { considered: calls.length, offences };
  },
};
