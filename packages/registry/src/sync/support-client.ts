import {
  apiById,
  apiPath,
  decodeMessage,
  generateTranId,
  type Infer,
  MANAGE_TOKEN_RESPONSE,
  type Shape,
  type TranIdGenerator,
  WireError,
} from '@hannun/spec';
import { type Dispatcher, fetch } from 'undici';

/** Who calls the portal's support APIs, and how. */
export interface SupportCaller {
  /** The portal's support-API base URL, e.g. `https://127.0.0.1:4000`. */
  readonly portalUrl: string;
  /**
   * The mutual-TLS agent of the calling organisation (`clientAgent(pki.org(id))` of @hannun/pki). Absent only
   * for a portal serving plain HTTP (development): undici's default agent then.
   */
  readonly dispatcher?: Dispatcher;
  /** Its own support-API credential, issued by the portal (지원-001). */
  readonly credentials: { readonly clientId: string; readonly clientSecret: string };
  /** Its org_code: it starts every x-api-tran-id it sends. */
  readonly orgCode: string;
  /** Its x-api-tran-id generator code: S provider, M operator, R relay, A CA. */
  readonly tranIdKind: TranIdGenerator;
  /** Give up on a call after this long. Default 10 s. */
  readonly timeoutMs?: number;
}

/** A refusal or failure of a support API, with what the portal said (never a secret). */
export class SupportApiError extends Error {
  override readonly name = 'SupportApiError';
  constructor(
    readonly api: string,
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${api}: ${code} ${message}`);
  }
}

export interface ManageToken {
  readonly accessToken: string;
  /** When to stop using it (epoch ms), a minute before it expires. */
  readonly renewAtMs: number;
}

const TOKEN_API = apiById('지원-001');

/** 지원-001: a support-API token (client_credentials, scope manage). */
export async function requestManageToken(caller: SupportCaller, nowMs = Date.now()): Promise<ManageToken> {
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: caller.credentials.clientId,
    client_secret: caller.credentials.clientSecret,
    scope: 'manage',
  });
  const res = await fetch(new URL(apiPath(TOKEN_API, { version: 'v2' }), caller.portalUrl), {
    method: 'POST',
    ...(caller.dispatcher ? { dispatcher: caller.dispatcher } : {}),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-api-tran-id': generateTranId(caller.orgCode, caller.tranIdKind),
    },
    body: body.toString(),
    signal: AbortSignal.timeout(caller.timeoutMs ?? 10_000),
  });
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (res.status !== 200 || json === null) {
    const error = typeof json?.error === 'string' ? json.error : `HTTP ${res.status}`;
    const description = typeof json?.error_description === 'string' ? json.error_description : '';
    throw new SupportApiError(TOKEN_API.id, res.status, error, description);
  }
  const token: Infer<typeof MANAGE_TOKEN_RESPONSE> = decodeMessage(MANAGE_TOKEN_RESPONSE, json, {
    location: 'response',
  });
  return { accessToken: token.access_token, renewAtMs: nowMs + Math.max(0, token.expires_in - 60) * 1000 };
}

/**
 * GET one of the registry deltas (지원-002, 003, 006) since `searchTimestamp` ('0' for everything), decoded
 * with the catalogue's response shape. Throws SupportApiError for an rsp_code other than 00000/00001.
 */
export async function getDelta<S extends Shape>(
  caller: SupportCaller,
  apiId: '지원-002' | '지원-003' | '지원-006',
  shape: S,
  token: string,
  searchTimestamp: string,
): Promise<{ rspCode: string; body: Infer<S>; searchTimestamp: string | undefined }> {
  const api = apiById(apiId);
  const url = new URL(apiPath(api, { version: 'v2' }), caller.portalUrl);
  url.searchParams.set('search_timestamp', searchTimestamp);
  const res = await fetch(url, {
    ...(caller.dispatcher ? { dispatcher: caller.dispatcher } : {}),
    headers: {
      authorization: `Bearer ${token}`,
      'x-api-tran-id': generateTranId(caller.orgCode, caller.tranIdKind),
    },
    signal: AbortSignal.timeout(caller.timeoutMs ?? 10_000),
  });
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  const rspCode = typeof json?.rsp_code === 'string' ? json.rsp_code : `HTTP ${res.status}`;
  if (json === null || (rspCode !== '00000' && rspCode !== '00001')) {
    const message = typeof json?.rsp_msg === 'string' ? json.rsp_msg : '';
    throw new SupportApiError(api.id, res.status, rspCode, message);
  }
  try {
    const body = decodeMessage(shape, json, { location: 'response' });
    const ts = json.search_timestamp;
    return { rspCode, body, searchTimestamp: typeof ts === 'string' && ts !== '' ? ts : undefined };
  } catch (error) {
    if (error instanceof WireError) throw new SupportApiError(api.id, res.status, 'malformed', error.message);
    throw error;
  }
}
