import {
  decodeMessage,
  MYDATA_STATISTICS_BODY,
  PROVIDER_STATISTICS_BODY,
  TM_SLOT_LIST,
  type TmSlot,
} from '@hannun/spec';
import type { PortalOrg, PortalService } from '../registry/portal-org.ts';
import type { StoredStatistics } from '../store/statistics-repository.ts';

/** Calls that succeeded and failed. */
export interface Calls {
  readonly success: number;
  readonly fail: number;
}

/** One organisation's week as the statistics page shows it. */
export interface WeekSummary {
  readonly orgCode: string;
  /** The Sunday after the week, YYYYMMDD. */
  readonly inquiryDate: string;
  /** The 7 days, oldest first, with their calls. */
  readonly days: readonly (Calls & { readonly date: string })[];
  /** Per time slot: calls, and the mean response time when some report carried response times (지원-004). */
  readonly slots: readonly (Calls & { readonly slot: TmSlot; readonly rspAvgMs: number | undefined })[];
  /** Per statistics type (1 regular, 2 irregular): calls. */
  readonly types: readonly (Calls & { readonly type: '1' | '2' })[];
  /** Which reports it was made from: 지원-005 (provider) and 지원-004 (operators' services). */
  readonly sources: { readonly provider: number; readonly mydata: number };
}

const compact = (date: { toString(): string }) => date.toString().replaceAll('-', '');

function weekOf(inquiryDate: string): string[] {
  const y = Number(inquiryDate.slice(0, 4));
  const m = Number(inquiryDate.slice(4, 6));
  const d = Number(inquiryDate.slice(6, 8));
  return Array.from({ length: 7 }, (_, i) =>
    new Date(Date.UTC(y, m - 1, d - 7 + i)).toISOString().slice(0, 10).replaceAll('-', ''),
  );
}

class Tally {
  readonly days = new Map<string, { success: number; fail: number }>();
  readonly slots = new Map<TmSlot, { success: number; fail: number; timedCalls: number; rspTotal: number }>();
  readonly types = new Map<'1' | '2', { success: number; fail: number }>();
  add(day: string, type: '1' | '2', slot: TmSlot, success: number, fail: number, rspTotal?: number): void {
    const d = this.days.get(day) ?? { success: 0, fail: 0 };
    this.days.set(day, { success: d.success + success, fail: d.fail + fail });
    const t = this.types.get(type) ?? { success: 0, fail: 0 };
    this.types.set(type, { success: t.success + success, fail: t.fail + fail });
    const s = this.slots.get(slot) ?? { success: 0, fail: 0, timedCalls: 0, rspTotal: 0 };
    this.slots.set(slot, {
      success: s.success + success,
      fail: s.fail + fail,
      timedCalls: s.timedCalls + (rspTotal === undefined ? 0 : success + fail),
      rspTotal: s.rspTotal + (rspTotal ?? 0),
    });
  }
  /** Response times only, for a provider: what operators measured calling it. */
  addTimes(slot: TmSlot, calls: number, rspTotal: number): void {
    const s = this.slots.get(slot) ?? { success: 0, fail: 0, timedCalls: 0, rspTotal: 0 };
    this.slots.set(slot, { ...s, timedCalls: s.timedCalls + calls, rspTotal: s.rspTotal + rspTotal });
  }
}

const typeOf = (t: unknown): '1' | '2' => (String(t) === '1' ? '1' : '2');
const slotOf = (s: string): TmSlot | undefined =>
  (TM_SLOT_LIST as readonly string[]).includes(s) ? (s as TmSlot) : undefined;

/**
 * One organisation's week from the statistics the portal received, re-read with the catalogue's shapes:
 * - a provider (01, 02): calls per day, slot and type from its 지원-005 reports; the mean response time per slot
 *   from the operators' 지원-004 reports about it (지원-005 carries no response times);
 * - an operator or recipient: everything from the 지원-004 reports of its services.
 * Undefined when nothing was received for that week.
 */
export function weekSummary(
  org: PortalOrg,
  inquiryDate: string,
  received: readonly StoredStatistics[],
  services: readonly PortalService[],
): WeekSummary | undefined {
  const tally = new Tally();
  const sources = { provider: 0, mydata: 0 };
  const provider = org.orgType === '01' || org.orgType === '02';
  const ownServices = new Set(services.filter((s) => s.orgCode === org.orgCode).map((s) => s.clientId));
  for (const stats of received) {
    if (stats.inquiryDate !== inquiryDate) continue;
    if (stats.kind === 'provider' && provider && stats.subject === org.orgCode) {
      sources.provider++;
      const body = decodeMessage(PROVIDER_STATISTICS_BODY, stats.body, { location: 'body' });
      for (const day of body.stat_date_list) {
        for (const svc of day.mydata_svc_list) {
          for (const api of svc.api_type_list) {
            for (const s of api.tm_slot_list) {
              const slot = slotOf(s.tm_slot);
              if (slot) tally.add(compact(day.stat_date), typeOf(body.type), slot, s.success_api_cnt, s.fail_api_cnt);
            }
          }
        }
      }
    } else if (stats.kind === 'mydata') {
      const mine = !provider && (ownServices.has(stats.subject) || stats.senderOrgCode === org.orgCode);
      const body = decodeMessage(MYDATA_STATISTICS_BODY, stats.body, { location: 'body' });
      let about = false;
      for (const day of body.stat_date_list) {
        for (const entry of day.org_list) {
          if (!mine && !(provider && entry.org_code === org.orgCode)) continue;
          about = true;
          for (const api of entry.api_type_list) {
            for (const s of api.tm_slot_list) {
              const slot = slotOf(s.tm_slot);
              if (!slot) continue;
              if (mine) {
                tally.add(
                  compact(day.stat_date),
                  typeOf(body.type),
                  slot,
                  s.success_api_cnt,
                  s.fail_api_cnt,
                  s.rsp_total,
                );
              } else {
                tally.addTimes(slot, s.success_api_cnt + s.fail_api_cnt, s.rsp_total);
              }
            }
          }
        }
      }
      if (about) sources.mydata++;
    }
  }
  if (sources.provider + sources.mydata === 0) return undefined;
  return {
    orgCode: org.orgCode,
    inquiryDate,
    days: weekOf(inquiryDate).map((date) => ({ date, ...(tally.days.get(date) ?? { success: 0, fail: 0 }) })),
    slots: TM_SLOT_LIST.map((slot) => {
      const s = tally.slots.get(slot) ?? { success: 0, fail: 0, timedCalls: 0, rspTotal: 0 };
      return {
        slot,
        success: s.success,
        fail: s.fail,
        rspAvgMs: s.timedCalls > 0 ? Math.round(s.rspTotal / s.timedCalls) : undefined,
      };
    }),
    types: (['1', '2'] as const).map((type) => ({ type, ...(tally.types.get(type) ?? { success: 0, fail: 0 }) })),
    sources,
  };
}

/**
 * Which weeks (Sundays, newest first) each organisation has statistics for: a provider for its own 지원-005
 * and for the 지원-004 reports naming it, an operator for its services' 지원-004 reports. Each body is read once.
 */
export function statisticsIndex(received: readonly StoredStatistics[]): Map<string, string[]> {
  const weeks = new Map<string, Set<string>>();
  const note = (orgCode: string, week: string) => {
    const set = weeks.get(orgCode) ?? new Set<string>();
    set.add(week);
    weeks.set(orgCode, set);
  };
  for (const s of received) {
    if (s.kind === 'provider') {
      note(s.subject, s.inquiryDate);
      continue;
    }
    note(s.senderOrgCode, s.inquiryDate);
    const body = decodeMessage(MYDATA_STATISTICS_BODY, s.body, { location: 'body' });
    for (const day of body.stat_date_list) for (const entry of day.org_list) note(entry.org_code, s.inquiryDate);
  }
  return new Map([...weeks].map(([org, set]) => [org, [...set].sort().reverse()]));
}

/** Success rate in percent (one decimal), or undefined without calls. */
export function successRate(c: Calls): number | undefined {
  const total = c.success + c.fail;
  return total === 0 ? undefined : Math.round((c.success / total) * 1000) / 10;
}
