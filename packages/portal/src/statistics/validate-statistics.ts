import {
  CATALOGUE,
  type Infer,
  type MYDATA_STATISTICS_BODY,
  type PROVIDER_STATISTICS_BODY,
  TM_SLOT_LIST,
} from '@hannun/spec';
import type { PortalOrg } from '../registry/portal-org.ts';
import { RegistryInputError } from '../registry/registry-input-error.ts';

export type MydataStatistics = Infer<typeof MYDATA_STATISTICS_BODY>;
export type ProviderStatistics = Infer<typeof PROVIDER_STATISTICS_BODY>;

/** API codes (첨부12) an operator reports (지원-004): what it calls at providers. */
const OPERATOR_API_CODES = new Set(
  CATALOGUE.filter((a) => a.calledBy.includes('operator') && a.providedBy.includes('provider')).map((a) => a.code),
);
/** API codes a provider reports (지원-005): what it serves. */
const PROVIDER_API_CODES = new Set(CATALOGUE.filter((a) => a.providedBy.includes('provider')).map((a) => a.code));

/** What validation needs to know about the registry. */
export interface StatisticsLookup {
  org(orgCode: string): Promise<PortalOrg | undefined>;
  /** The org_code owning a service client_id, if registered. */
  serviceOwner(clientId: string): Promise<string | undefined>;
  /** Today in Korea, YYYYMMDD. */
  readonly today: string;
}

const refuse = (field: string, en: string, ko: string) => new RegistryInputError(field, en, ko);
const compact = (date: { toString(): string }) => date.toString().replaceAll('-', '');

interface PlainDateLike {
  readonly dayOfWeek: number;
  subtract(d: { days: number }): PlainDateLike;
  toString(): string;
}

/** inquiry_date is a Sunday not after today; stat_date_list is exactly the 7 days before it, once each. */
function checkWeek(inquiry: PlainDateLike, days: readonly { stat_date: PlainDateLike }[], today: string): void {
  if (inquiry.dayOfWeek !== 7) {
    throw refuse('inquiry_date', `${compact(inquiry)} is not a Sunday`, `${compact(inquiry)}은(는) 일요일이 아닙니다`);
  }
  if (compact(inquiry) > today) {
    throw refuse(
      'inquiry_date',
      `${compact(inquiry)} is in the future`,
      `${compact(inquiry)}은(는) 아직 오지 않은 날입니다`,
    );
  }
  if (days.length !== 7) {
    throw refuse('stat_date_cnt', `must be 7 (the week before inquiry_date), not ${days.length}`, '7이어야 합니다');
  }
  const expected = new Set(Array.from({ length: 7 }, (_, i) => compact(inquiry.subtract({ days: i + 1 }))));
  const seen = new Set<string>();
  days.forEach((day, i) => {
    const d = compact(day.stat_date);
    const field = `stat_date_list[${i}].stat_date`;
    if (!expected.has(d)) {
      throw refuse(
        field,
        `${d} is not one of the 7 days before inquiry_date`,
        `${d}은(는) 기준일자 직전 7일이 아닙니다`,
      );
    }
    if (seen.has(d)) throw refuse(field, `${d} is listed twice`, `${d}이(가) 두 번 있습니다`);
    seen.add(d);
  });
}

/** type 1 (regular) carries no consent counters; type 2 (irregular) carries all three. */
function checkCounters(
  type: number,
  entry: { consent_new?: number; consent_revoke?: number; consent_own?: number },
  at: string,
): void {
  const present = [entry.consent_new, entry.consent_revoke, entry.consent_own].filter((v) => v !== undefined).length;
  if (type === 1 && present > 0) {
    throw refuse(
      `${at}.consent_new`,
      'consent counters are not sent for type 1 (regular)',
      '정기적 전송(type 1)에는 전송요구 수를 보내지 않습니다',
    );
  }
  if (type === 2 && present < 3) {
    throw refuse(
      `${at}.consent_own`,
      'type 2 (irregular) needs consent_new, consent_revoke and consent_own',
      '비정기적 전송(type 2)에는 consent_new, consent_revoke, consent_own이 필요합니다',
    );
  }
}

interface Slot {
  tm_slot: string;
  success_api_cnt: number;
  fail_api_cnt: number;
  rsp_avg?: number;
  rsp_total?: number;
  rsp_stdev?: number;
}

/** API codes once each, known to the catalogue for this reporter; two time slots, 01 and 02, once each. */
function checkApiTypes(
  list: readonly { api_type: string; tm_slot_list: readonly Slot[] }[],
  known: ReadonlySet<string>,
  at: string,
  withTimes: boolean,
): void {
  const seen = new Set<string>();
  list.forEach((entry, i) => {
    const field = `${at}.api_type_list[${i}]`;
    if (!known.has(entry.api_type)) {
      throw refuse(
        `${field}.api_type`,
        `'${entry.api_type}' is not an API code this report may hold (첨부12)`,
        `'${entry.api_type}'은(는) 보고할 수 없는 API 구분 코드입니다`,
      );
    }
    if (seen.has(entry.api_type))
      throw refuse(`${field}.api_type`, `'${entry.api_type}' is listed twice`, '두 번 있습니다');
    seen.add(entry.api_type);
    const slots = entry.tm_slot_list.map((s) => s.tm_slot);
    if (slots.length !== 2 || !TM_SLOT_LIST.every((s) => slots.includes(s))) {
      throw refuse(
        `${field}.tm_slot_list`,
        'must hold the two time slots 01 and 02, once each',
        '시간대역 01과 02를 하나씩 담아야 합니다',
      );
    }
    if (withTimes) {
      for (const [j, slot] of entry.tm_slot_list.entries()) checkTimes(slot, `${field}.tm_slot_list[${j}]`);
    }
  });
}

/** rsp_avg is rsp_total over the calls (±1 ms for rounding); all zero without calls. */
function checkTimes(slot: Slot, at: string): void {
  const calls = slot.success_api_cnt + slot.fail_api_cnt;
  const avg = slot.rsp_avg ?? 0;
  const total = slot.rsp_total ?? 0;
  if (calls === 0) {
    if (avg !== 0 || total !== 0 || (slot.rsp_stdev ?? 0) !== 0) {
      throw refuse(`${at}.rsp_total`, 'must be 0 when there were no calls', '호출이 없으면 0이어야 합니다');
    }
    return;
  }
  if (Math.abs(avg - total / calls) > 1) {
    throw refuse(
      `${at}.rsp_avg`,
      `is ${avg} but rsp_total / calls is ${(total / calls).toFixed(1)}`,
      `응답시간 평균(${avg})이 합계/호출 수(${(total / calls).toFixed(1)})와 맞지 않습니다`,
    );
  }
}

/**
 * 지원-004 beyond its wire shape: the service is the caller's; the week (a Sunday not in the future, its 7
 * days once each); per day each provider once and registered as a provider; consent counters by type; API
 * codes an operator calls, once each; the two time slots; response times consistent with the counts.
 */
export async function validateMydataStatistics(
  body: MydataStatistics,
  caller: PortalOrg,
  lookup: StatisticsLookup,
): Promise<void> {
  if ((await lookup.serviceOwner(body.client_id)) !== caller.orgCode) {
    throw refuse('client_id', 'is not a service of the calling organisation', '호출한 기관의 서비스가 아닙니다');
  }
  checkWeek(body.inquiry_date, body.stat_date_list, lookup.today);
  for (const [i, day] of body.stat_date_list.entries()) {
    const seen = new Set<string>();
    for (const [j, org] of day.org_list.entries()) {
      const at = `stat_date_list[${i}].org_list[${j}]`;
      if (seen.has(org.org_code))
        throw refuse(`${at}.org_code`, `'${org.org_code}' is listed twice that day`, '같은 날 두 번 있습니다');
      seen.add(org.org_code);
      const provider = await lookup.org(org.org_code);
      if (!provider || (provider.orgType !== '01' && provider.orgType !== '02')) {
        throw refuse(
          `${at}.org_code`,
          `'${org.org_code}' is not a registered provider`,
          `'${org.org_code}'은(는) 등록된 정보제공자가 아닙니다`,
        );
      }
      checkCounters(Number(body.type), org, at);
      checkApiTypes(org.api_type_list, OPERATOR_API_CODES, at, true);
    }
  }
}

/**
 * 지원-005 beyond its wire shape: whose statistics (`subject`, the provider they are about, already checked by
 * the caller's rules), the week, per day each (org_code, client_id) once, the org registered and the client_id
 * one of its services (for operators), consent counters by type, API codes a provider serves, the time slots.
 */
export async function validateProviderStatistics(body: ProviderStatistics, lookup: StatisticsLookup): Promise<void> {
  checkWeek(body.inquiry_date, body.stat_date_list, lookup.today);
  for (const [i, day] of body.stat_date_list.entries()) {
    const seen = new Set<string>();
    for (const [j, svc] of day.mydata_svc_list.entries()) {
      const at = `stat_date_list[${i}].mydata_svc_list[${j}]`;
      const key = `${svc.org_code}/${svc.client_id}`;
      if (seen.has(key))
        throw refuse(
          `${at}.client_id`,
          'this org_code and client_id are listed twice that day',
          '같은 날 두 번 있습니다',
        );
      seen.add(key);
      const org = await lookup.org(svc.org_code);
      if (!org)
        throw refuse(
          `${at}.org_code`,
          `'${svc.org_code}' is not registered`,
          `'${svc.org_code}'은(는) 등록되지 않은 기관입니다`,
        );
      if (org.orgType === '03' && (await lookup.serviceOwner(svc.client_id)) !== svc.org_code) {
        throw refuse(`${at}.client_id`, `is not a service of ${svc.org_code}`, `${svc.org_code}의 서비스가 아닙니다`);
      }
      checkCounters(Number(body.type), svc, at);
      checkApiTypes(svc.api_type_list, PROVIDER_API_CODES, at, false);
    }
  }
}
