import {
  apiById,
  apiPath,
  CA_TOKEN_RESPONSE,
  decodeMessage,
  encodeMessage,
  generateTranId,
  SIGN_VERIFICATION_BODY,
  SIGN_VERIFICATION_RESPONSE,
  utf8Length,
  type WireObject,
  WireError,
} from '@hannun/spec';
import type { RegisteredOrg } from '@hannun/registry';
import type { Dispatcher } from 'undici';
import { type ProviderClock, systemClock } from '../clock/provider-clock.ts';
import { type CaClient, CaUnavailableError, type CaVerification, type CaVerifyRequest } from './ca-client.ts';

/** An institution's own client credentials at the CA (통합인증-101), as the portal issued them. */
export interface OwnCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface HttpCaClientOptions {
  /**
   * Carries the calls: `clientAgent` of `@hannun/pki` (mutual TLS) in production. The CA knows the calling
   * provider by its certificate (104 refuses a consent of another org_code), so an engine serving several
   * institutions gives one agent per institution: a function of the org_code.
   */
  readonly dispatcher: Dispatcher | ((orgCode: string) => Dispatcher);
  /** The institution's own registry credentials; undefined when it has none (then verification fails). */
  readonly credentials: (orgCode: string) => OwnCredentials | undefined;
  readonly clock?: ProviderClock;
  /** Fetch a new CA token this long before the cached one expires. Default 60 s (half the lifetime when shorter). */
  readonly renewBeforeMs?: number;
  /** Per call. Default 5 s. */
  readonly timeoutMs?: number;
}

const TOKEN_PATH = apiPath(apiById('통합인증-101'), { version: 'v2' });
const VERIFY_PATH = apiPath(apiById('통합인증-104'), { version: 'v2' });
const ENVELOPE = [...SIGN_VERIFICATION_RESPONSE] as const;

interface CachedToken {
  readonly token: string;
  readonly renewAt: number;
}

interface Answer {
  readonly status: number;
  readonly json: unknown;
}

/**
 * 통합인증-104 over HTTP: a `scope=ca` token by 통합인증-101 with the institution's own credentials,
 * cached per (CA, institution) until shortly before it expires, then `POST /ca/sign_verification` with
 * the catalogue's shapes. A 401 from the CA (its token forgotten, e.g. after a restart) drops the cached
 * token and tries once more. Network failures, 5xx, a refused token (401/403 twice) and malformed answers
 * are CaUnavailableError; another 4xx answer with an rsp_code (a malformed or unknown signing) is "not
 * verified".
 */
export function createHttpCaClient(opts: HttpCaClientOptions): CaClient {
  const clock = opts.clock ?? systemClock;
  const renewBefore = opts.renewBeforeMs ?? 60_000;
  const timeout = opts.timeoutMs ?? 5_000;
  const tokens = new Map<string, CachedToken>();
  const inflight = new Map<string, Promise<string>>();
  const dispatcherOf = (asOrg: string) =>
    typeof opts.dispatcher === 'function' ? opts.dispatcher(asOrg) : opts.dispatcher;

  async function call(
    ca: RegisteredOrg,
    asOrg: string,
    path: string,
    init: { headers: Record<string, string>; body: string },
  ) {
    if (!ca.baseUrl) throw new CaUnavailableError(`CA ${ca.orgCode} has no registered base URL`);
    const base = new URL(ca.baseUrl);
    let answer: Answer;
    try {
      const response = await dispatcherOf(asOrg).request({
        origin: base.origin,
        path: `${base.pathname.replace(/\/$/, '')}${path}`,
        method: 'POST',
        headers: init.headers,
        body: init.body,
        headersTimeout: timeout,
        bodyTimeout: timeout,
      });
      const text = await response.body.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      answer = { status: response.statusCode, json };
    } catch (error) {
      throw new CaUnavailableError(`CA ${ca.orgCode} unreachable: ${(error as Error).message}`);
    }
    if (answer.status >= 500) throw new CaUnavailableError(`CA ${ca.orgCode} answered HTTP ${answer.status}`);
    return answer;
  }

  async function fetchToken(ca: RegisteredOrg, asOrg: string): Promise<string> {
    const credentials = opts.credentials(asOrg);
    if (!credentials) throw new CaUnavailableError(`institution ${asOrg} has no client credentials for the CA`);
    const answer = await call(ca, asOrg, TOKEN_PATH, {
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-api-tran-id': generateTranId(asOrg, 'S'),
      },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
        scope: 'ca',
      }).toString(),
    });
    if (answer.status !== 200)
      throw new CaUnavailableError(`CA ${ca.orgCode} refused the token (HTTP ${answer.status})`);
    try {
      const token = decodeMessage(CA_TOKEN_RESPONSE, answer.json, { location: 'response', lenient: true });
      const lifetimeMs = token.expires_in * 1000;
      tokens.set(`${ca.orgCode}\u0001${asOrg}`, {
        token: token.access_token,
        renewAt: clock.nowMs() + lifetimeMs - Math.min(renewBefore, lifetimeMs / 2),
      });
      return token.access_token;
    } catch (error) {
      if (error instanceof WireError) throw new CaUnavailableError(`CA ${ca.orgCode} token answer: ${error.message}`);
      throw error;
    }
  }

  function tokenFor(ca: RegisteredOrg, asOrg: string): Promise<string> {
    const key = `${ca.orgCode}\u0001${asOrg}`;
    const cached = tokens.get(key);
    if (cached && cached.renewAt > clock.nowMs()) return Promise.resolve(cached.token);
    let pending = inflight.get(key);
    if (!pending) {
      pending = fetchToken(ca, asOrg).finally(() => inflight.delete(key));
      inflight.set(key, pending);
    }
    return pending;
  }

  async function verifyOnce(ca: RegisteredOrg, asOrg: string, body: WireObject): Promise<Answer> {
    const token = await tokenFor(ca, asOrg);
    return call(ca, asOrg, VERIFY_PATH, {
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json; charset=utf-8',
        'x-api-tran-id': generateTranId(asOrg, 'S'),
      },
      body: JSON.stringify(body),
    });
  }

  return {
    async verify(ca, asOrg, request: CaVerifyRequest): Promise<CaVerification> {
      const body = encodeMessage(SIGN_VERIFICATION_BODY, {
        tx_id: request.tx_id,
        cert_tx_id: request.cert_tx_id,
        signed_consent_len: request.signed_consent.length,
        signed_consent: request.signed_consent,
        consent_type: request.consent_type,
        consent_len: utf8Length(request.consent),
        consent: request.consent,
      });
      let answer = await verifyOnce(ca, asOrg, body);
      if (answer.status === 401) {
        tokens.delete(`${ca.orgCode}\u0001${asOrg}`);
        answer = await verifyOnce(ca, asOrg, body);
      }
      if (answer.status === 401 || answer.status === 403) {
        throw new CaUnavailableError(`CA ${ca.orgCode} refused the institution's token (HTTP ${answer.status})`);
      }
      const json = answer.json as Record<string, unknown> | undefined;
      if (answer.status !== 200 || json?.['rsp_code'] !== '00000') {
        if (typeof json?.['rsp_code'] === 'string') return { txId: request.tx_id, result: false, userCi: undefined };
        throw new CaUnavailableError(`CA ${ca.orgCode} answered HTTP ${answer.status} without an rsp_code`);
      }
      try {
        const verified = decodeMessage(ENVELOPE, json, { location: 'response', lenient: true });
        return { txId: verified.tx_id, result: verified.result === true, userCi: verified.user_ci };
      } catch (error) {
        if (error instanceof WireError) throw new CaUnavailableError(`CA ${ca.orgCode} answer: ${error.message}`);
        throw error;
      }
    },
  };
}
