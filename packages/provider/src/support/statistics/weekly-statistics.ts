import {
  encodeMessage,
  type Infer,
  PROVIDER_STATISTICS_BODY,
  type StatisticsType,
  TM_SLOT_LIST,
  type WireObject,
} from '@hannun/spec';
import type { TallyRow } from './call-tally.ts';
import { type ConsentCounters, serviceKey } from './consent-counters.ts';
import { plainDateOf, weekDays, type Yyyymmdd } from './statistics-week.ts';

export type ProviderStatisticsBody = Infer<typeof PROVIDER_STATISTICS_BODY>;

export interface WeekInput {
  /** The institution the statistics are about. */
  readonly orgCode: string;
  /** Set `org_code` in the body: the sender is the institution's relay (중계기관), not the institution. */
  readonly viaRelay: boolean;
  readonly type: StatisticsType;
  /** The Sunday after the week. */
  readonly inquiryDate: Yyyymmdd;
  /** The institution's tally rows for (at least) the week. */
  readonly rows: readonly TallyRow[];
  /** Type 2: consent counters per service and day (consentCounters). */
  readonly counters?: ReadonlyMap<string, ReadonlyMap<Yyyymmdd, ConsentCounters>>;
}

const ZERO: ConsentCounters = { consentNew: 0, consentRevoke: 0, consentOwn: 0 };

/**
 * One week of an institution's statistics exactly as 지원-005 asks: inquiry_date (a Sunday), the 7 days
 * before it, per day every service that called (or, for type 2, whose consents moved or stood that day), per
 * service every API code it called with both time slots (01, 02) and the calls that succeeded and failed.
 * Calls of the other type, of other days and those not attributable to a service are left out.
 */
export function weeklyStatistics(input: WeekInput): ProviderStatisticsBody {
  const days = weekDays(input.inquiryDate);
  type Slots = Map<string, { success: number; fail: number }>;
  // day → service → api code → slot → counts
  const calls = new Map<Yyyymmdd, Map<string, Map<string, Slots>>>();
  for (const r of input.rows) {
    if (r.orgCode !== input.orgCode || r.type !== input.type || r.clientId === '' || !days.includes(r.day)) continue;
    const perDay = calls.get(r.day) ?? new Map<string, Map<string, Slots>>();
    calls.set(r.day, perDay);
    const key = serviceKey(r.recipientOrgCode, r.clientId);
    const perService = perDay.get(key) ?? new Map<string, Slots>();
    perDay.set(key, perService);
    const slots: Slots = perService.get(r.apiCode) ?? new Map();
    perService.set(r.apiCode, slots);
    const had = slots.get(r.slot) ?? { success: 0, fail: 0 };
    slots.set(r.slot, { success: had.success + r.success, fail: had.fail + r.fail });
  }

  const statDays = days.map((day) => {
    const perDay = calls.get(day) ?? new Map<string, Map<string, Slots>>();
    const services = new Set(perDay.keys());
    if (input.type === '2') {
      for (const [key, perDayCounters] of input.counters ?? []) if (perDayCounters.has(day)) services.add(key);
    }
    const list = [...services].sort().map((key) => {
      const [orgCode, clientId] = key.split('\u0001') as [string, string];
      const apis = perDay.get(key) ?? new Map<string, Slots>();
      const counters = input.type === '2' ? (input.counters?.get(key)?.get(day) ?? ZERO) : undefined;
      return {
        org_code: orgCode,
        client_id: clientId,
        ...(counters
          ? {
              consent_new: counters.consentNew,
              consent_revoke: counters.consentRevoke,
              consent_own: counters.consentOwn,
            }
          : {}),
        api_type_cnt: apis.size,
        api_type_list: [...apis.keys()].sort().map((apiCode) => ({
          api_type: apiCode,
          tm_slot_cnt: TM_SLOT_LIST.length,
          tm_slot_list: TM_SLOT_LIST.map((slot) => {
            const c = apis.get(apiCode)?.get(slot);
            return { tm_slot: slot, success_api_cnt: c?.success ?? 0, fail_api_cnt: c?.fail ?? 0 };
          }),
        })),
      };
    });
    return { stat_date: plainDateOf(day)!, mydata_svc_cnt: list.length, mydata_svc_list: list };
  });

  return {
    ...(input.viaRelay ? { org_code: input.orgCode } : {}),
    // The codec holds N(1) as a number; the catalogue's oneOf types it as the string literals.
    type: Number(input.type) as unknown as ProviderStatisticsBody['type'],
    inquiry_date: plainDateOf(input.inquiryDate)!,
    stat_date_cnt: statDays.length,
    stat_date_list: statDays,
  };
}

/** The week in wire form (every value a string, counts computed), as it is posted. */
export function encodeWeeklyStatistics(body: ProviderStatisticsBody): WireObject {
  return encodeMessage(PROVIDER_STATISTICS_BODY, body) as WireObject;
}
