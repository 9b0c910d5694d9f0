import type { Temporal } from 'temporal-polyfill';
import type { OperatorDomain } from '../operator-domain.ts';
import { parseYmd } from '../time/kst.ts';

/** 지원-103's answer before encoding: is the CI a member, and their live consents per service. */
export interface MemberConsents {
  readonly is_member: boolean;
  readonly service_list?: {
    readonly client_id: string;
    readonly consent_list: {
      readonly org_code: string;
      readonly scope: string;
      readonly consent_date: Temporal.PlainDate;
      readonly consent_end_date: Temporal.PlainDate;
    }[];
  }[];
}

/**
 * 지원-103: the person with this CI (blind index), if a member, and their currently valid consents at scope
 * level, one per provider, grouped by the operator's service (client_id). No account numbers, nothing else.
 */
export async function memberConsents(domain: OperatorDomain, ci: string): Promise<MemberConsents> {
  const personId = await domain.people.personIdByCi(ci);
  if (!personId) return { is_member: false };
  const live = await domain.consents.active(personId);
  const byService = new Map<string, NonNullable<MemberConsents['service_list']>[number]['consent_list']>();
  for (const c of live) {
    const list = byService.get(c.recipient.clientId) ?? [];
    const start = parseYmd(c.consentDate.slice(0, 8));
    const end = parseYmd(c.endDate);
    if (!start || !end) throw new Error(`op_consent ${c.id} holds a date that does not parse`);
    list.push({ org_code: c.orgCode, scope: c.scopes.join(' '), consent_date: start, consent_end_date: end });
    byService.set(c.recipient.clientId, list);
  }
  return {
    is_member: true,
    service_list: [...byService].map(([client_id, consent_list]) => ({ client_id, consent_list })),
  };
}
