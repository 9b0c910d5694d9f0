import {
  apiById,
  apiPath,
  decodeMessage,
  generateTranId,
  MANAGE_TOKEN_RESPONSE,
  type ProviderStatus,
  REQ_STATISTICS_QUERY,
  STATUS_RESPONSE,
  WireError,
} from '@hannun/spec';
import { type Dispatcher, fetch } from 'undici';
import type { IssuedCredential } from '../credentials/issue-credential.ts';

/** A call to a provider that did not give an answer the portal can use, with why (never a secret). */
export class ProviderCallError extends Error {
  override readonly name = 'ProviderCallError';
  constructor(
    message: string,
    /** Whether the provider could not be reached at all (a failure) rather than refused or answered oddly. */
    readonly unreachable: boolean,
  ) {
    super(message);
  }
}

export interface ProviderCall {
  /** The provider's base URL (its registered domain). */
  readonly baseUrl: string;
  readonly orgCode: string;
  /** The portal's mutual-TLS agent. */
  readonly dispatcher: Dispatcher;
  /** The portal's org_code, for x-api-tran-id. */
  readonly portalOrgCode: string;
  readonly timeoutMs: number;
}

const join = (base: string, path: string) => `${base.replace(/\/+$/, '')}${path}`;

/** A request to an organisation the portal calls (a provider or an operator); unreachable → ProviderCallError. */
export async function sendToOrg(call: ProviderCall, url: string, init: Parameters<typeof fetch>[1]) {
  try {
    return await fetch(url, { ...init, dispatcher: call.dispatcher, signal: AbortSignal.timeout(call.timeoutMs) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).name;
    throw new ProviderCallError(`unreachable (${why})`, true);
  }
}

/** 지원-101 at a provider: a token with the portal credential the provider was given; its lifetime in seconds. */
export async function providerToken(
  call: ProviderCall,
  credential: IssuedCredential,
): Promise<{ token: string; expiresIn: number }> {
  const res = await sendToOrg(call, join(call.baseUrl, apiPath(apiById('지원-101'), { version: 'v2' })), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-api-tran-id': generateTranId(call.portalOrgCode, 'P'),
    },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: credential.clientId,
      client_secret: credential.clientSecret,
      scope: 'manage',
    }).toString(),
  });
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (res.status !== 200 || json === null) {
    throw new ProviderCallError(`지원-101 refused: ${String(json?.error ?? `HTTP ${res.status}`)}`, false);
  }
  try {
    const body = decodeMessage(MANAGE_TOKEN_RESPONSE, json, { location: 'response' });
    return { token: body.access_token, expiresIn: body.expires_in };
  } catch (error) {
    if (error instanceof WireError) throw new ProviderCallError(`지원-101 answer malformed: ${error.message}`, false);
    throw error;
  }
}

/** 지원-102 at a provider: its availability, or a ProviderCallError (with the rsp_code when it answered one). */
export async function providerStatus(call: ProviderCall, token: string): Promise<ProviderStatus> {
  const url = new URL(join(call.baseUrl, apiPath(apiById('지원-102'), { version: 'v2' })));
  url.searchParams.set('org_code', call.orgCode);
  const res = await sendToOrg(call, url.toString(), {
    headers: { authorization: `Bearer ${token}`, 'x-api-tran-id': generateTranId(call.portalOrgCode, 'P') },
  });
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  const code = typeof json?.rsp_code === 'string' ? json.rsp_code : `HTTP ${res.status}`;
  if (json === null || code !== '00000') throw new ProviderCallError(`지원-102 answered ${code}`, false);
  try {
    return decodeMessage(STATUS_RESPONSE, json, { location: 'response' }).availability as ProviderStatus;
  } catch (error) {
    if (error instanceof WireError) throw new ProviderCallError(`지원-102 answer malformed: ${error.message}`, false);
    throw error;
  }
}

/** What 지원-104 names: the week (its Sunday), whose statistics, and which kind (0 both, 1 regular, 2 irregular). */
export interface ResendQuery {
  /** 01 마이데이터사업자, 02 정보수신자, 03 정보제공자 (지원-104's own codes, not the registry's). */
  readonly orgType: '01' | '02' | '03';
  readonly inquiryDate: string;
  readonly type: '0' | '1' | '2';
}

/** 지원-104 at a provider or operator: resolves with its answer on 00000, a ProviderCallError otherwise. */
export async function requestResend(call: ProviderCall, token: string, query: ResendQuery): Promise<string> {
  const url = new URL(join(call.baseUrl, apiPath(apiById('지원-104'), { version: 'v2' })));
  const wire = {
    org_code: call.orgCode,
    org_type: query.orgType,
    inquiry_date: query.inquiryDate,
    type: query.type,
  };
  decodeMessage(REQ_STATISTICS_QUERY, wire, { location: 'query', unknown: 'reject' }); // WireError if malformed
  for (const [name, value] of Object.entries(wire)) url.searchParams.set(name, value);
  const res = await sendToOrg(call, url.toString(), {
    headers: { authorization: `Bearer ${token}`, 'x-api-tran-id': generateTranId(call.portalOrgCode, 'P') },
  });
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  const code = typeof json?.rsp_code === 'string' ? json.rsp_code : `HTTP ${res.status}`;
  const message = typeof json?.rsp_msg === 'string' ? json.rsp_msg : '';
  if (code !== '00000')
    throw new ProviderCallError(`지원-104 answered ${code}${message ? ` (${message})` : ''}`, false);
  return message;
}
