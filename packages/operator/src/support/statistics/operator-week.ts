import {
  CATALOGUE,
  encodeMessage,
  findApi,
  type Infer,
  MYDATA_STATISTICS_BODY,
  type StatisticsType,
  TM_SLOT_LIST,
  type TmSlot,
  type WireObject,
} from '@hannun/spec';
import { sql, type Store } from '@hannun/store';
import { Temporal } from 'temporal-polyfill';
import type { OperatorDatabase } from '../../schema/operator-database.ts';
import { kstStartOfDay } from '../../time/kst.ts';

export type MydataStatisticsBody = Infer<typeof MYDATA_STATISTICS_BODY>;

/** A KST date as the statistics write it: YYYYMMDD. */
export type Yyyymmdd = string;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const KST_OFFSET = 9 * HOUR;
const QUARTER = 6 * HOUR;

/** The API IDs an operator reports (지원-004): what it calls at providers, as the portal checks them. */
const REPORTED_APIS = new Set(
  CATALOGUE.filter((a) => a.calledBy.includes('operator') && a.providedBy.includes('provider')).map((a) => a.id),
);

const plain = (d: Yyyymmdd) =>
  Temporal.PlainDate.from({ year: Number(d.slice(0, 4)), month: Number(d.slice(4, 6)), day: Number(d.slice(6, 8)) });
const compact = (d: Temporal.PlainDate): Yyyymmdd => d.toString().replaceAll('-', '');

/** The 7 days a week's statistics cover: the Sunday to Saturday before the inquiry date (a Sunday). */
export function statisticsWeek(inquiryDate: Yyyymmdd): Yyyymmdd[] {
  const sunday = /^\d{8}$/.test(inquiryDate) ? plain(inquiryDate) : undefined;
  if (sunday?.dayOfWeek !== 7) throw new RangeError(`inquiry_date ${inquiryDate} is not a Sunday`);
  return Array.from({ length: 7 }, (_, i) => compact(sunday.subtract({ days: 7 - i })));
}

/** The week an operator owes on a day: operators send on Sunday (지원-004) for the Sunday–Saturday before. */
export function operatorDueInquiryDate(nowMs: number): Yyyymmdd {
  const today = Temporal.Instant.fromEpochMilliseconds(nowMs).toZonedDateTimeISO('Asia/Seoul').toPlainDate();
  return compact(today.subtract({ days: today.dayOfWeek % 7 }));
}

export const kstDayStart = (d: Yyyymmdd): number => kstStartOfDay(plain(d));

interface SlotCounts {
  success: number;
  fail: number;
  total: number;
  squares: number;
}

/**
 * One week of one service's statistics exactly as 지원-004 asks, computed from the operator's real call records
 * (op_transmission): per day (KST) and per provider, every API code (첨부12) called with both time slots (01
 * 06–18 h KST, 02 the rest), calls that succeeded (rsp_code 00000, or an HTTP 2xx without one: the OAuth APIs)
 * and failed, and response times (mean, total, standard deviation in ms). Type 1 counts `scheduled` calls, type
 * 2 the others (a person's request: user-consent, user-refresh, user-search, and the authentication calls). Type 2
 * also carries the consent counters per provider and day (PROVISIONAL reading of chapter 7: consents activated
 * that day, withdrawn that day, in force at the end of the day) and lists a provider with consents but no calls.
 * A call is the service's when its consent was given to it (calls without a consent count for the service: the
 * operator runs one). Providers not registered as such (`isProvider`) are left out, as the portal would refuse them.
 */
export async function operatorWeek(
  store: Store<OperatorDatabase>,
  o: {
    readonly clientId: string;
    readonly type: StatisticsType;
    readonly inquiryDate: Yyyymmdd;
    readonly isProvider: (orgCode: string) => boolean;
  },
): Promise<MydataStatisticsBody> {
  const days = statisticsWeek(o.inquiryDate);
  const start = kstDayStart(days[0]!);
  const end = kstDayStart(o.inquiryDate);
  const scheduled = o.type === '1';
  // The quarter of a KST day (q % 4: 0 = 00–06 h, 1 = 06–12, 2 = 12–18, 3 = 18–24) in integer arithmetic on both
  // dialects (the casts: better-sqlite3 binds numbers as REAL).
  const r = await sql<{
    org_code: string;
    api_id: string;
    q: number | string;
    ok: number | string;
    n: number | string;
    total: number | string;
    squares: number | string;
  }>`
    select t.org_code, t.api_id, (t.requested_at + cast(${KST_OFFSET} as integer)) / cast(${QUARTER} as integer) as q,
      case when t.rsp_code = '00000' or (t.rsp_code is null and t.http_status between 200 and 299) then 1 else 0 end as ok,
      count(*) as n, sum(t.duration_ms) as total, sum(t.duration_ms * t.duration_ms) as squares
    from op_transmission t
    left join op_consent c on c.id = t.consent_id
    where t.requested_at >= ${start} and t.requested_at < ${end}
      and (c.client_id = ${o.clientId} or t.consent_id is null)
      and ${scheduled ? sql`t.api_type = 'scheduled'` : sql`(t.api_type is null or t.api_type <> 'scheduled')`}
    group by 1, 2, 3, 4`.execute(store.db);
  // day → provider → API code → slot → counts
  const calls = new Map<number, Map<string, Map<string, Map<TmSlot, SlotCounts>>>>();
  const firstDay = Math.floor((start + KST_OFFSET) / DAY);
  for (const row of r.rows) {
    if (!REPORTED_APIS.has(row.api_id) || !o.isProvider(row.org_code)) continue;
    const code = findApi(row.api_id)!.code;
    const q = Number(row.q);
    const day = Math.floor(q / 4) - firstDay;
    if (day < 0 || day > 6) continue;
    const slot: TmSlot = q % 4 === 1 || q % 4 === 2 ? '01' : '02';
    const perDay = calls.get(day) ?? new Map<string, Map<string, Map<TmSlot, SlotCounts>>>();
    calls.set(day, perDay);
    const perOrg = perDay.get(row.org_code) ?? new Map<string, Map<TmSlot, SlotCounts>>();
    perDay.set(row.org_code, perOrg);
    const slots = perOrg.get(code) ?? new Map<TmSlot, SlotCounts>();
    perOrg.set(code, slots);
    const c = slots.get(slot) ?? { success: 0, fail: 0, total: 0, squares: 0 };
    const n = Number(row.n);
    if (Number(row.ok) === 1) c.success += n;
    else c.fail += n;
    c.total += Number(row.total ?? 0);
    c.squares += Number(row.squares ?? 0);
    slots.set(slot, c);
  }
  const counters = scheduled ? undefined : await consentCounters(store, o.clientId, days);

  const stat_date_list = days.map((day, i) => {
    const perDay = calls.get(i) ?? new Map<string, Map<string, Map<TmSlot, SlotCounts>>>();
    const orgs = new Set(perDay.keys());
    for (const [org, c] of counters?.get(day) ?? []) {
      if (o.isProvider(org) && (c.consent_new > 0 || c.consent_revoke > 0 || c.consent_own > 0)) orgs.add(org);
    }
    const org_list = [...orgs].sort().map((org) => {
      const apis = perDay.get(org) ?? new Map<string, Map<TmSlot, SlotCounts>>();
      const counted = counters?.get(day)?.get(org) ?? { consent_new: 0, consent_revoke: 0, consent_own: 0 };
      return {
        org_code: org,
        ...(scheduled ? {} : counted),
        api_type_cnt: apis.size,
        api_type_list: [...apis.keys()].sort().map((code) => ({
          api_type: code,
          tm_slot_cnt: TM_SLOT_LIST.length,
          tm_slot_list: TM_SLOT_LIST.map((slot) => {
            const c = apis.get(code)?.get(slot) ?? { success: 0, fail: 0, total: 0, squares: 0 };
            const n = c.success + c.fail;
            const mean = n === 0 ? 0 : c.total / n;
            const variance = n === 0 ? 0 : Math.max(0, c.squares / n - mean * mean);
            return {
              tm_slot: slot,
              rsp_avg: Math.round(mean),
              rsp_total: c.total,
              rsp_stdev: Math.round(Math.sqrt(variance)),
              success_api_cnt: c.success,
              fail_api_cnt: c.fail,
            };
          }),
        })),
      };
    });
    return { stat_date: plain(day), org_cnt: org_list.length, org_list };
  });
  return {
    // The codec holds N(1) as a number; the catalogue's oneOf types it as the string literals.
    type: Number(o.type) as unknown as MydataStatisticsBody['type'],
    client_id: o.clientId,
    inquiry_date: plain(o.inquiryDate),
    stat_date_cnt: stat_date_list.length,
    stat_date_list,
  } as MydataStatisticsBody;
}

interface Counters {
  consent_new: number;
  consent_revoke: number;
  consent_own: number;
}

/** Per day and provider: consents of the service activated that day, withdrawn that day, in force at its end. */
async function consentCounters(
  store: Store<OperatorDatabase>,
  clientId: string,
  days: readonly Yyyymmdd[],
): Promise<Map<Yyyymmdd, Map<string, Counters>>> {
  const out = new Map<Yyyymmdd, Map<string, Counters>>();
  for (const day of days) {
    const from = kstDayStart(day);
    const to = from + DAY;
    const r = await sql<{ org_code: string; fresh: number | string; revoked: number | string; own: number | string }>`
      select org_code,
        sum(case when activated_at >= ${from} and activated_at < ${to} then 1 else 0 end) as fresh,
        sum(case when ended_reason = 'withdrawn' and ended_at >= ${from} and ended_at < ${to} then 1 else 0 end) as revoked,
        sum(case when activated_at < ${to} and (ended_at is null or ended_at >= ${to}) then 1 else 0 end) as own
      from op_consent
      where client_id = ${clientId} and activated_at is not null and activated_at < ${to}
        and (ended_at is null or ended_at >= ${from})
      group by org_code`.execute(store.db);
    out.set(
      day,
      new Map(
        r.rows.map((x) => [
          x.org_code,
          { consent_new: Number(x.fresh), consent_revoke: Number(x.revoked), consent_own: Number(x.own) },
        ]),
      ),
    );
  }
  return out;
}

/** The week in wire form (every value a string, counts computed), as it is posted. */
export function encodeOperatorWeek(body: MydataStatisticsBody): WireObject {
  return encodeMessage(MYDATA_STATISTICS_BODY, body) as WireObject;
}
