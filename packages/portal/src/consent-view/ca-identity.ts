import type { KeyObject } from 'node:crypto';
import { verifyJwt } from '@hannun/pki';
import { apiById, CA_TOKEN_RESPONSE, decodeMessage, generateTranId, WireError } from '@hannun/spec';
import { type Dispatcher, fetch } from 'undici';

/** Where a person's identity check at the CA stands (the CI only once confirmed). */
export type IdentityOutcome =
  | { readonly status: 'pending' }
  | { readonly status: 'refused' | 'expired' }
  | { readonly status: 'confirmed'; readonly ci: string; readonly name: string };

/** The CA's identity check as the consolidated consent view uses it (PROVISIONAL API of `@hannun/ca`). */
export interface PersonIdentity {
  /** Open a check for these details; undefined when the CA knows nobody with them. */
  begin(input: {
    readonly name: string;
    readonly birthDate: string;
    readonly phone: string;
  }): Promise<{ readonly certTxId: string; readonly pageUrl: string } | undefined>;
  /** The check's outcome; the CI is answered once by the CA, checked against its signed assertion. */
  result(certTxId: string): Promise<IdentityOutcome>;
}

/** The CA failed or answered something the portal cannot use (never a secret in the message). */
export class CaIdentityError extends Error {
  override readonly name = 'CaIdentityError';
}

export interface CaIdentityOptions {
  /** The CA as this run serves it: its API (mutual TLS) and its pages; read at each call (it may start later). */
  readonly ca: () => { readonly apiUrl: string; readonly pagesUrl: string } | undefined;
  readonly caOrgCode: string;
  /** The CA's token and assertion key (its PKI signing key). */
  readonly caPublicKey: KeyObject;
  /** The portal's org_code (audience of the assertion, start of tran ids) and its credential at the CA. */
  readonly portalOrgCode: string;
  readonly credentials: { readonly clientId: string; readonly clientSecret: string };
  readonly dispatcher?: Dispatcher;
  readonly nowMs?: () => number;
  readonly timeoutMs?: number;
}

const TOKEN_API = apiById('통합인증-101');
const NOT_YET = '40901';
const CI = /^[A-Za-z0-9+/]{20,98}={0,2}$/;

/**
 * The portal as a relying party of the CA's identity check (PROVISIONAL, `packages/ca/src/identity`): a
 * `scope=ca` token (통합인증-101), `POST /ca/identity_request`, then `/ca/identity_result`, whose CI is taken
 * only if the CA's ES256 assertion (typ identity+jwt, iss the CA, aud the portal, sub the cert_tx_id) agrees.
 */
export function createCaIdentity(o: CaIdentityOptions): PersonIdentity {
  const now = () => o.nowMs?.() ?? Date.now();
  let token: { value: string; renewAt: number } | undefined;

  async function send(url: string, body: string, headers: Record<string, string>) {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'x-api-tran-id': generateTranId(o.portalOrgCode, 'P'), ...headers },
        body,
        ...(o.dispatcher ? { dispatcher: o.dispatcher } : {}),
        signal: AbortSignal.timeout(o.timeoutMs ?? 5000),
      });
      return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, unknown> | null };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      throw new CaIdentityError(`the CA is unreachable (${cause?.code ?? (error as Error).name})`);
    }
  }

  function caUrls() {
    const ca = o.ca();
    if (!ca) throw new CaIdentityError('no CA is known to the portal');
    return ca;
  }

  async function accessToken(): Promise<string> {
    if (token && now() < token.renewAt) return token.value;
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: o.credentials.clientId,
      client_secret: o.credentials.clientSecret,
      scope: 'ca',
    });
    const a = await send(new URL(TOKEN_API.resource, caUrls().apiUrl).toString(), form.toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    });
    if (a.status !== 200 || !a.json)
      throw new CaIdentityError(`통합인증-101 refused (${String(a.json?.error ?? a.status)})`);
    try {
      const body = decodeMessage(CA_TOKEN_RESPONSE, a.json, { location: 'response' });
      const lifetimeMs = Number(body.expires_in) * 1000;
      token = { value: body.access_token, renewAt: now() + Math.max(0, Math.min(lifetimeMs / 2, lifetimeMs - 60_000)) };
      return body.access_token;
    } catch (error) {
      if (error instanceof WireError) throw new CaIdentityError(`통합인증-101 answer malformed: ${error.message}`);
      throw error;
    }
  }

  async function post(path: string, json: Record<string, string>) {
    const url = new URL(path, caUrls().apiUrl).toString();
    const once = async () =>
      send(url, JSON.stringify(json), {
        authorization: `Bearer ${await accessToken()}`,
        'content-type': 'application/json; charset=utf-8',
      });
    let a = await once();
    if (a.status === 401) {
      token = undefined;
      a = await once();
    }
    return { ...a, code: typeof a.json?.rsp_code === 'string' ? a.json.rsp_code : `HTTP ${a.status}` };
  }

  return {
    async begin(input) {
      const a = await post('/ca/identity_request', {
        real_name: input.name,
        birth_date: input.birthDate,
        phone_num: input.phone,
        request_title: '종합포털 전송요구 내역 조회 본인확인',
      });
      if (a.code === '40403') return undefined;
      const id = a.json?.cert_tx_id;
      if (a.code !== '00000' || typeof id !== 'string' || !/^[A-Za-z0-9_-]{40}$/.test(id)) {
        throw new CaIdentityError(`identity_request answered ${a.code}`);
      }
      return { certTxId: id, pageUrl: `${caUrls().pagesUrl.replace(/\/$/, '')}/identity/${id}` };
    },
    async result(certTxId) {
      const a = await post('/ca/identity_result', { cert_tx_id: certTxId });
      if (a.code === NOT_YET) return { status: 'pending' };
      const message = typeof a.json?.rsp_msg === 'string' ? a.json.rsp_msg : '';
      if (a.code === '40301') return { status: message.includes('만료') ? 'expired' : 'refused' };
      if (a.code !== '00000' || !a.json) throw new CaIdentityError(`identity_result answered ${a.code}`);
      const { user_ci: ci, real_name: name, identity_assertion: assertion } = a.json;
      if (typeof ci !== 'string' || !CI.test(ci) || typeof name !== 'string' || typeof assertion !== 'string') {
        throw new CaIdentityError('identity_result answer malformed');
      }
      const verdict = verifyJwt(assertion, o.caPublicKey, {
        typ: 'identity+jwt',
        issuer: o.caOrgCode,
        required: ['aud', 'sub', 'ci', 'exp'],
        nowMs: now(),
      });
      if (!verdict.ok) throw new CaIdentityError(`the CA's assertion does not verify (${verdict.reason})`);
      const c = verdict.claims;
      if (c.aud !== o.portalOrgCode || c.sub !== certTxId || c.ci !== ci || c.name !== name) {
        throw new CaIdentityError("the CA's assertion does not match its answer");
      }
      return { status: 'confirmed', ci, name };
    },
  };
}
