import type { KeyObject } from 'node:crypto';
import {
  apiById,
  CA_TOKEN_RESPONSE,
  decodeMessage,
  encodeMessage,
  type Infer,
  SIGN_REQUEST_BODY,
  SIGN_REQUEST_RESPONSE,
  SIGN_RESULT_RESPONSE,
  utf8Length,
} from '@hannun/spec';
import { jwtVerify } from 'jose';
import { call, type Outbound, type OutboundAnswer } from './outbound.ts';

/** A refusal or failure at the CA: the API, the HTTP status and rsp_code (or OAuth error), never a secret. */
export class CaCallError extends Error {
  override readonly name = 'CaCallError';
  constructor(
    readonly api: string,
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${api}: ${status} ${code} ${message}`);
  }
}

export interface CaClientOptions {
  /** The CA's API (통합인증-101…103 and the identity check), over mutual TLS. */
  readonly apiUrl: string;
  /** The CA's org_code: the issuer of its tokens and identity assertions. */
  readonly caOrgCode: string;
  /** The operator organisation's own credentials (issued by the portal) for 통합인증-101. */
  readonly credentials: { readonly clientId: string; readonly clientSecret: string };
  readonly out: Outbound;
  /** The CA's public signing key (its tokens' key): identity assertions are verified with it. */
  readonly caPublicKey: KeyObject;
  readonly nowMs?: () => number;
}

export type SignResult =
  | { readonly status: 'pending' }
  | { readonly status: 'refused' | 'expired'; readonly message: string }
  | { readonly status: 'signed'; readonly signed: ReadonlyMap<string, string> };

export type IdentityResult =
  | { readonly status: 'pending' }
  | { readonly status: 'refused' | 'expired'; readonly message: string }
  | {
      readonly status: 'confirmed';
      readonly ci: string;
      readonly name: string;
      /** YYYYMMDD */
      readonly birthDate: string;
      /** The CA's signed assertion (JWS), verified here. */
      readonly assertion: string;
    };

export interface SignRequestInput {
  readonly signTxId: string;
  readonly ci: string;
  readonly name: string;
  readonly phone: string;
  readonly title: string;
  readonly device: { readonly code: 'PC' | 'TB' | 'MO'; readonly browser: 'WB' | 'NA' | 'HY' };
  readonly returnUrl?: string;
  readonly consents: readonly { readonly txId: string; readonly title: string; readonly consent: string }[];
}

const TOKEN_API = apiById('통합인증-101');
const SIGN_REQUEST_API = apiById('통합인증-102');
const SIGN_RESULT_API = apiById('통합인증-103');
/** Hannun's provisional identity check at the CA (packages/ca/src/identity). */
const IDENTITY_REQUEST_PATH = '/ca/identity_request';
const IDENTITY_RESULT_PATH = '/ca/identity_result';
const NOT_YET = '40901';
const CI = /^[A-Za-z0-9+/]{20,98}={0,2}$/;

const rspOf = (a: OutboundAnswer) => (typeof a.json?.rsp_code === 'string' ? a.json.rsp_code : `HTTP ${a.status}`);
const msgOf = (a: OutboundAnswer) => (typeof a.json?.rsp_msg === 'string' ? a.json.rsp_msg : '');

/**
 * The operator's client of the integrated CA: a `scope=ca` token (통합인증-101, kept until a minute before it
 * expires; a 401 drops it and retries once), signing requests (102) and their results (103), and the
 * PROVISIONAL identity check at sign-up. Bodies are built and read with the catalogue's shapes.
 */
export class CaClient {
  readonly #o: CaClientOptions;
  #token: { value: string; renewAt: number } | undefined;

  constructor(o: CaClientOptions) {
    this.#o = o;
  }

  /** The operator's org_code (the CA's audience, the start of sign_tx_id and tx_id). */
  get operatorOrgCode(): string {
    return this.#o.out.orgCode;
  }

  #now(): number {
    return this.#o.nowMs?.() ?? Date.now();
  }

  async #accessToken(): Promise<string> {
    const now = this.#now();
    if (this.#token && now < this.#token.renewAt) return this.#token.value;
    const a = await call(this.#o.out, new URL(TOKEN_API.resource, this.#o.apiUrl).toString(), {
      method: 'POST',
      form: {
        grant_type: 'client_credentials',
        client_id: this.#o.credentials.clientId,
        client_secret: this.#o.credentials.clientSecret,
        scope: 'ca',
      },
    });
    if (a.status !== 200 || !a.json) {
      const error = typeof a.json?.error === 'string' ? a.json.error : `HTTP ${a.status}`;
      throw new CaCallError(TOKEN_API.id, a.status, error, String(a.json?.error_description ?? ''));
    }
    const body = decodeMessage(CA_TOKEN_RESPONSE, a.json, { location: 'response' });
    const lifetimeMs = Number(body.expires_in) * 1000;
    this.#token = {
      value: body.access_token,
      renewAt: now + Math.max(0, Math.min(lifetimeMs / 2, lifetimeMs - 60_000)),
    };
    return body.access_token;
  }

  /** POST a JSON body with the CA token; a 401 (token expired at the CA) gets a new token once. */
  async #post(path: string, body: unknown): Promise<OutboundAnswer> {
    const url = new URL(path, this.#o.apiUrl).toString();
    for (let attempt = 0; ; attempt++) {
      const token = await this.#accessToken();
      const a = await call(this.#o.out, url, {
        method: 'POST',
        json: body,
        headers: { authorization: `Bearer ${token}` },
      });
      if (a.status === 401 && attempt === 0) {
        this.#token = undefined;
        continue;
      }
      return a;
    }
  }

  /** 통합인증-102: one signing transaction over the consents; answers the cert_tx_id. */
  async signRequest(input: SignRequestInput): Promise<string> {
    const body = encodeMessage(SIGN_REQUEST_BODY, {
      sign_tx_id: input.signTxId,
      user_ci: input.ci,
      real_name: input.name,
      phone_num: input.phone,
      request_title: input.title,
      device_code: input.device.code,
      device_browser: input.device.browser,
      ...(input.returnUrl ? { return_app_scheme_url: input.returnUrl } : {}),
      consent_type: '0',
      consent_list: input.consents.map((c) => ({
        tx_id: c.txId,
        consent_title: c.title,
        consent: c.consent,
        consent_len: utf8Length(c.consent),
      })),
    } as Infer<typeof SIGN_REQUEST_BODY>);
    const a = await this.#post(SIGN_REQUEST_API.resource, body);
    if (a.status !== 200 || a.json?.rsp_code !== '00000') {
      throw new CaCallError(SIGN_REQUEST_API.id, a.status, rspOf(a), msgOf(a));
    }
    return decodeMessage(SIGN_REQUEST_RESPONSE, a.json, { location: 'response' }).cert_tx_id;
  }

  /** 통합인증-103: pending (40901), refused or expired (40301), or the signed consents by tx_id. */
  async signResult(certTxId: string, signTxId: string): Promise<SignResult> {
    const a = await this.#post(SIGN_RESULT_API.resource, { cert_tx_id: certTxId, sign_tx_id: signTxId });
    const code = rspOf(a);
    if (code === NOT_YET) return { status: 'pending' };
    if (code === '40301') return { status: msgOf(a).includes('만료') ? 'expired' : 'refused', message: msgOf(a) };
    if (a.status !== 200 || code !== '00000') throw new CaCallError(SIGN_RESULT_API.id, a.status, code, msgOf(a));
    const body = decodeMessage(SIGN_RESULT_RESPONSE, a.json ?? {}, { location: 'response' });
    return { status: 'signed', signed: new Map(body.signed_consent_list.map((s) => [s.tx_id, s.signed_consent])) };
  }

  /**
   * The identity check (PROVISIONAL): the CA finds its enrolled person with this name, birth date and mobile
   * number and lets them confirm on its page. Answers the cert_tx_id, or undefined when the CA knows nobody
   * with these details (40403).
   */
  async identityRequest(input: {
    readonly name: string;
    readonly birthDate: string;
    readonly phone: string;
    readonly title: string;
    readonly returnUrl?: string;
  }): Promise<string | undefined> {
    const a = await this.#post(IDENTITY_REQUEST_PATH, {
      real_name: input.name,
      birth_date: input.birthDate,
      phone_num: input.phone,
      request_title: input.title,
      ...(input.returnUrl ? { return_app_scheme_url: input.returnUrl } : {}),
    });
    const code = rspOf(a);
    if (code === '40403') return undefined;
    const id = a.json?.cert_tx_id;
    if (a.status !== 200 || code !== '00000' || typeof id !== 'string' || !/^[A-Za-z0-9_-]{40}$/.test(id)) {
      throw new CaCallError('identity_request', a.status, code, msgOf(a));
    }
    return id;
  }

  /**
   * The identity check's result, once: the CI, name and birth date, checked against the CA's signed assertion
   * (ES256 with the CA's key, issuer the CA, audience this operator, subject the cert_tx_id, not expired).
   */
  async identityResult(certTxId: string): Promise<IdentityResult> {
    const a = await this.#post(IDENTITY_RESULT_PATH, { cert_tx_id: certTxId });
    const code = rspOf(a);
    if (code === NOT_YET) return { status: 'pending' };
    if (code === '40301') return { status: msgOf(a).includes('만료') ? 'expired' : 'refused', message: msgOf(a) };
    if (a.status !== 200 || code !== '00000' || !a.json)
      throw new CaCallError('identity_result', a.status, code, msgOf(a));
    const { user_ci: ci, real_name: name, birth_date: birthDate, identity_assertion: assertion } = a.json;
    if (typeof ci !== 'string' || !CI.test(ci)) throw malformed('user_ci');
    if (typeof name !== 'string' || name.trim() === '') throw malformed('real_name');
    if (typeof birthDate !== 'string' || !/^\d{8}$/.test(birthDate)) throw malformed('birth_date');
    if (typeof assertion !== 'string') throw malformed('identity_assertion');
    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(assertion, this.#o.caPublicKey, {
        algorithms: ['ES256'],
        typ: 'identity+jwt',
        issuer: this.#o.caOrgCode,
        audience: this.#o.out.orgCode,
        subject: certTxId,
        currentDate: new Date(this.#now()),
      }));
    } catch (error) {
      throw new CaCallError(
        'identity_result',
        a.status,
        'assertion',
        `the CA's assertion does not verify (${(error as Error).name})`,
      );
    }
    if (claims.ci !== ci || claims.name !== name || claims.birth_date !== birthDate)
      throw malformed('identity_assertion');
    return { status: 'confirmed', ci, name, birthDate, assertion };
  }
}

function malformed(field: string): CaCallError {
  return new CaCallError('identity_result', 200, 'malformed', `${field} is missing or malformed`);
}
