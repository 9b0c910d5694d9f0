import type { ApiSpec } from '@hannun/spec';
import { Temporal } from 'temporal-polyfill';
import { modelRoute } from '../model/model-routes.ts';
import { kstDateTime } from '../time/kst.ts';
import type { Reason } from './job-store.ts';
import type { Period } from './periods.ts';

/**
 * Checks of an answer the spec's codec cannot make, because they need the request: a provider that lies
 * about time. A lying answer is refused whole (nothing of it stored), like a malformed one: a search_timestamp
 * from the future would be sent back and answered 00001 (nothing changed) until that time, losing every
 * change meanwhile; one going backwards is a clock that cannot be trusted either; a transaction dated outside
 * the period asked for would be stored where a later period's answer stores it again (or never truly).
 */

/** How far ahead of the operator's clock a provider's search_timestamp may be (clocks differ a little). */
export const TIMESTAMP_SKEW_MS = 5 * 60_000;

export const ANSWER_REASONS = {
  timestamp: {
    code: 'lying-timestamp',
    ko: '기관이 올바르지 않은 조회 타임스탬프(search_timestamp)를 보내 해당 정보를 저장하지 않았습니다',
    en: 'the provider sent a search_timestamp that cannot be true: not stored',
  },
  period: {
    code: 'out-of-period',
    ko: '기관이 요청한 조회 기간 밖의 거래내역을 보내 해당 정보를 저장하지 않았습니다',
    en: 'the provider sent transactions outside the period asked for: not stored',
  },
} satisfies Record<string, Reason>;

const N14 = /^\d{14}$/;

/** 14 digits that name a real KST date and time (a year 0000 or a 13th month is no timestamp). */
function isDateTime(ts: string): boolean {
  if (!N14.test(ts)) return false;
  const [y, mo, d, h, mi, se] = [0, 4, 6, 8, 10, 12].map((i, k) => Number(ts.slice(i, k === 0 ? 4 : i + 2)));
  try {
    Temporal.PlainDateTime.from(
      { year: y!, month: mo!, day: d!, hour: h!, minute: mi!, second: se! },
      { overflow: 'reject' },
    );
    return y! >= 1900;
  } catch {
    return false;
  }
}

/**
 * The answer's search_timestamp against the one sent (`sent`, '0' on the first call) and the operator's
 * clock: a reason when it is not a YYYYMMDDhhmmss, lies ahead of now (more than the skew), or before the one
 * sent. Undefined when it is fine or absent.
 */
export function lyingTimestamp(
  api: ApiSpec,
  sent: string | undefined,
  answer: unknown,
  nowMs: number,
): Reason | undefined {
  if (!api.timestamp || answer === undefined || answer === null) return undefined;
  const ts = typeof answer === 'number' ? String(answer).padStart(14, '0') : String(answer);
  const why = (en: string): Reason => ({
    ...ANSWER_REASONS.timestamp,
    en: `${ANSWER_REASONS.timestamp.en} (${api.id}: ${en})`,
  });
  if (!isDateTime(ts)) return why('not a YYYYMMDDhhmmss');
  if (ts > kstDateTime(nowMs + TIMESTAMP_SKEW_MS)) return why('from the future');
  if (sent !== undefined && N14.test(sent) && ts < sent) return why('earlier than the one sent');
  return undefined;
}

/** The wire field of a route's time column (its rename reversed). */
function timeField(apiId: string): { list: string; field: string } | undefined {
  const route = modelRoute(apiId);
  const column = route?.table.time;
  if (!route?.list || !column) return undefined;
  const renamed = Object.entries(route.rename ?? {}).find(([, col]) => col === column)?.[0];
  return { list: route.list, field: renamed ?? column };
}

/**
 * A dated API's decoded pages against the period asked for: a reason when a row's date (its model table's
 * time column: trans_dtime, approved_dtime, trans_date, charge_month …) lies outside it. Month APIs compare
 * months. Undefined when every row is inside.
 */
export function outsidePeriod(
  api: ApiSpec,
  pages: readonly Readonly<Record<string, unknown>>[],
  period: Period,
): Reason | undefined {
  if (api.dateRule === 'none') return undefined;
  const where = timeField(api.id);
  if (!where) return undefined;
  const months = api.dateRule === 'months';
  // Dates as YYYYMMDD numbers and months as YYYYMM: compared without a Temporal object per row.
  const day = (d: { year: number; month: number; day: number }) => d.year * 10_000 + d.month * 100 + d.day;
  const month = (d: { year: number; month: number }) => d.year * 100 + d.month;
  const [fromDay, toDay, fromMonth, toMonth] = [day(period.from), day(period.to), month(period.from), month(period.to)];
  for (const page of pages) {
    const rows = page[where.list];
    if (!Array.isArray(rows)) continue;
    for (const row of rows as Readonly<Record<string, unknown>>[]) {
      const v = row[where.field];
      let outside = false;
      if (
        v instanceof Temporal.PlainYearMonth ||
        (months && (v instanceof Temporal.PlainDate || v instanceof Temporal.PlainDateTime))
      ) {
        const m = month(v);
        outside = m < fromMonth || m > toMonth;
      } else if (v instanceof Temporal.PlainDate || v instanceof Temporal.PlainDateTime) {
        const d = day(v);
        outside = d < fromDay || d > toDay;
      }
      if (outside) {
        return {
          ...ANSWER_REASONS.period,
          en: `${ANSWER_REASONS.period.en} (${api.id} ${where.field} ${String(v)} outside ${period.from}–${period.to})`,
        };
      }
    }
  }
  return undefined;
}
