import type { Dispatcher } from 'undici';
import { portalCredential } from '../credentials/issue-credential.ts';
import type { PortalOrg } from '../registry/portal-org.ts';
import { RegistryInputError, RegistryNotFoundError } from '../registry/registry-input-error.ts';
import {
  type ProviderCall,
  ProviderCallError,
  providerToken,
  requestResend,
  type ResendQuery,
} from '../status/provider-client.ts';
import type { RegistryClock, RegistryRepository } from '../store/registry-repository.ts';
import { kstDate } from '../time/kst.ts';

export interface ResendRequest {
  readonly orgCode: string;
  /** The Sunday after the week, YYYYMMDD. */
  readonly inquiryDate: string;
  /** 0 both kinds, 1 regular, 2 irregular. */
  readonly type: '0' | '1' | '2';
}

/** What the organisation answered: accepted (it sends 지원-004/005 again), or why not. */
export type ResendOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface ResendDeps {
  readonly registry: RegistryRepository;
  /** The portal's mutual-TLS agent. */
  readonly dispatcher: Dispatcher;
  readonly credentialKey: Uint8Array;
  readonly portalOrgCode: string;
  readonly clock: RegistryClock;
  readonly timeoutMs?: number;
}

const refuse = (field: string, en: string, ko: string) => new RegistryInputError(field, en, ko);

/** 지원-104's org_type of a registered organisation: 01 operator, 02 recipient, 03 provider; none for others. */
export function resendOrgType(org: PortalOrg): ResendQuery['orgType'] | undefined {
  if (org.orgType === '01' || org.orgType === '02') return '03';
  if (org.orgType === '03') return '01';
  if (org.isRcvOrg) return '02';
  return undefined;
}

function checkWeek(inquiryDate: string, today: string): void {
  const m = /^([0-9]{4})([0-9]{2})([0-9]{2})$/.exec(inquiryDate);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  const real = date !== undefined && date.toISOString().slice(0, 10).replaceAll('-', '') === inquiryDate;
  if (!real || date.getUTCDay() !== 0) {
    throw refuse(
      'inquiry_date',
      `'${inquiryDate}' is not a Sunday (YYYYMMDD)`,
      `'${inquiryDate}'은(는) 일요일이 아닙니다`,
    );
  }
  if (inquiryDate > today) {
    throw refuse('inquiry_date', `${inquiryDate} is in the future`, `${inquiryDate}은(는) 아직 오지 않은 날입니다`);
  }
}

/**
 * The portal asks an organisation to send a week's statistics again (지원-104): a 지원-101 token with the
 * portal credential it holds, then GET `<domain>/v2/mgmts/req-statistics`. Throws RegistryInputError for a
 * request the portal itself refuses (unknown organisation, one that sends no statistics, not a past Sunday);
 * resolves with what the organisation answered otherwise.
 */
export async function askForResend(deps: ResendDeps, request: ResendRequest): Promise<ResendOutcome> {
  const stored = await deps.registry.org(request.orgCode);
  if (!stored) {
    throw new RegistryNotFoundError(
      'org_code',
      `no organisation '${request.orgCode}' is registered`,
      '등록되지 않은 기관입니다',
    );
  }
  const orgType = resendOrgType(stored.org);
  if (!orgType) {
    throw refuse(
      'org_code',
      'sends no statistics (not a provider, operator or recipient)',
      '통계를 보내는 기관이 아닙니다',
    );
  }
  checkWeek(request.inquiryDate, kstDate(deps.clock.nowMs()));
  if (!['0', '1', '2'].includes(request.type)) throw refuse('type', 'must be 0, 1 or 2', '0, 1, 2 중 하나여야 합니다');
  let baseUrl = stored.org.domain;
  if (baseUrl === undefined && stored.org.relayOrgCode !== undefined) {
    baseUrl = (await deps.registry.org(stored.org.relayOrgCode))?.org.domain;
  }
  if (baseUrl === undefined) return { ok: false, reason: 'no domain is registered: the portal cannot reach it' };
  const call: ProviderCall = {
    baseUrl,
    orgCode: request.orgCode,
    dispatcher: deps.dispatcher,
    portalOrgCode: deps.portalOrgCode,
    timeoutMs: deps.timeoutMs ?? 5000,
  };
  try {
    const { token } = await providerToken(
      call,
      portalCredential(deps.credentialKey, request.orgCode, stored.portalCredentialGen),
    );
    await requestResend(call, token, { orgType, inquiryDate: request.inquiryDate, type: request.type });
    return { ok: true };
  } catch (error) {
    if (error instanceof ProviderCallError) return { ok: false, reason: error.message };
    throw error;
  }
}
