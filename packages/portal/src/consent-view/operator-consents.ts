import {
  apiById,
  apiPath,
  CONSENTS_BODY,
  decodeMessage,
  encodeMessage,
  generateTranId,
  type Infer,
  MEMBER_CONSENTS_RESPONSE,
  WireError,
} from '@hannun/spec';
import type { Dispatcher } from 'undici';
import { portalCredential } from '../credentials/issue-credential.ts';
import { type ProviderCall, ProviderCallError, providerToken, sendToOrg } from '../status/provider-client.ts';
import type { RegistryRepository } from '../store/registry-repository.ts';

type MemberConsents = Infer<typeof MEMBER_CONSENTS_RESPONSE>;

/** One valid consent at scope level, as an operator reports it (지원-103). */
export interface ViewedConsent {
  readonly orgCode: string;
  readonly scope: string;
  readonly consentDate: string | undefined;
  readonly endDate: string | undefined;
}

/** What one operator answered about the person: their consents per service, or why it could not tell. */
export type OperatorAnswer =
  | {
      readonly orgCode: string;
      readonly name: string;
      readonly ok: true;
      readonly member: boolean;
      readonly services: readonly { readonly clientId: string; readonly consents: readonly ViewedConsent[] }[];
    }
  | { readonly orgCode: string; readonly name: string; readonly ok: false; readonly reason: string };

export interface GatherDeps {
  readonly registry: RegistryRepository;
  /** The portal's mutual-TLS agent. */
  readonly dispatcher: Dispatcher;
  readonly credentialKey: Uint8Array;
  readonly portalOrgCode: string;
  readonly timeoutMs?: number;
}

const CONSENTS_API = apiById('지원-103');

/** 지원-103 at one operator: the person's valid consents there (a ProviderCallError when it cannot tell). */
export async function operatorConsents(call: ProviderCall, token: string, ci: string): Promise<MemberConsents> {
  const body = encodeMessage(CONSENTS_BODY, { org_code: call.orgCode, user_ci: ci });
  const res = await sendToOrg(call, `${call.baseUrl.replace(/\/+$/, '')}${apiPath(CONSENTS_API, { version: 'v2' })}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json; charset=utf-8',
      'x-api-tran-id': generateTranId(call.portalOrgCode, 'P'),
    },
    body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  const code = typeof json?.rsp_code === 'string' ? json.rsp_code : `HTTP ${res.status}`;
  if (json === null || code !== '00000') throw new ProviderCallError(`지원-103 answered ${code}`, false);
  try {
    return decodeMessage(MEMBER_CONSENTS_RESPONSE, json, { location: 'response' });
  } catch (error) {
    if (error instanceof WireError) throw new ProviderCallError(`지원-103 answer malformed: ${error.message}`, false);
    throw error;
  }
}

/**
 * The consolidated consent view's data: every registered operator (org_type 03) asked at once, with the
 * portal credential it holds, for the person's valid consents (지원-101, then 지원-103 with the CI). An
 * operator that cannot be reached or answers badly is listed with the reason, never as "no consents".
 */
export async function gatherConsents(deps: GatherDeps, ci: string): Promise<OperatorAnswer[]> {
  const operators = (await deps.registry.orgs()).filter((o) => o.org.orgType === '03');
  return Promise.all(
    operators.map(async (stored): Promise<OperatorAnswer> => {
      const { orgCode, name, domain } = stored.org;
      if (domain === undefined) return { orgCode, name, ok: false, reason: 'no domain is registered' };
      const call: ProviderCall = {
        baseUrl: domain,
        orgCode,
        dispatcher: deps.dispatcher,
        portalOrgCode: deps.portalOrgCode,
        timeoutMs: deps.timeoutMs ?? 5000,
      };
      try {
        const { token } = await providerToken(
          call,
          portalCredential(deps.credentialKey, orgCode, stored.portalCredentialGen),
        );
        const answer = await operatorConsents(call, token, ci);
        return {
          orgCode,
          name,
          ok: true,
          member: answer.is_member === true,
          services: (answer.service_list ?? []).map((s) => ({
            clientId: s.client_id ?? '',
            consents: (s.consent_list ?? []).map((c) => ({
              orgCode: c.org_code ?? '',
              scope: c.scope ?? '',
              consentDate: ymd(c.consent_date),
              endDate: ymd(c.consent_end_date),
            })),
          })),
        };
      } catch (error) {
        if (error instanceof ProviderCallError) return { orgCode, name, ok: false, reason: error.message };
        throw error;
      }
    }),
  );
}

/** A decoded DATE as YYYYMMDD (the wording functions' form). */
const ymd = (value: unknown): string | undefined =>
  value === undefined || value === null ? undefined : String(value).replaceAll('-', '');
