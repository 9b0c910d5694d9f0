import type { Registry } from '@hannun/registry';
import {
  apiById,
  apiPath,
  decodeMessage,
  PASSWORD_TOKEN_RESPONSE,
  REVOKE_RESPONSE,
  TOKEN_RESPONSE,
  utf8Length,
} from '@hannun/spec';
import { call, type Outbound, type OutboundAnswer } from './outbound.ts';

/** A provider refused or failed an authentication call: its OAuth error (or HTTP status), never a token. */
export class ProviderAuthError extends Error {
  override readonly name = 'ProviderAuthError';
  constructor(
    readonly api: string,
    readonly orgCode: string,
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(`${api} at ${orgCode}: ${status} ${error}${description ? ` (${description})` : ''}`);
  }
}

/** A token pair as a provider answered it (개별인증-002, 통합인증-002), decoded with the catalogue's shape. */
export interface IssuedTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
  readonly refreshExpiresIn: number;
  readonly scope: string;
}

/** The operator's service at the providers: its client credentials and where 개별인증 returns to. */
export interface ServiceCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly appScheme: string;
}

const AUTHORIZE = apiById('개별인증-001');
const CODE_TOKEN = apiById('개별인증-002');
const PASSWORD_TOKEN = apiById('통합인증-002');
const REVOKE = apiById('개별인증-004');

function errorOf(api: string, orgCode: string, a: OutboundAnswer): ProviderAuthError {
  const error = typeof a.json?.error === 'string' ? a.json.error : `HTTP ${a.status}`;
  const description = typeof a.json?.error_description === 'string' ? a.json.error_description : '';
  return new ProviderAuthError(api, orgCode, a.status, error, description);
}

function tokensOf(
  shape: typeof TOKEN_RESPONSE | typeof PASSWORD_TOKEN_RESPONSE,
  json: Record<string, unknown>,
): IssuedTokens {
  const t = decodeMessage(shape, json, { location: 'response' });
  return {
    accessToken: t.access_token,
    refreshToken: t.refresh_token,
    expiresIn: Number(t.expires_in),
    refreshExpiresIn: Number(t.refresh_token_expires_in),
    scope: t.scope,
  };
}

/**
 * The operator's client of the providers' authentication endpoints (개별인증-001, 002, 004 and 통합인증-002),
 * over mutual TLS with the operator's certificate. Where an institution answers comes from the registry (its
 * `domain`, registered at the portal). Answers are validated with the catalogue's shapes.
 */
export class ProviderAuthClient {
  readonly #registry: Registry;
  readonly #out: Outbound;
  readonly #service: ServiceCredentials;

  constructor(o: { registry: Registry; out: Outbound; service: ServiceCredentials }) {
    this.#registry = o.registry;
    this.#out = o.out;
    this.#service = o.service;
  }

  get clientId(): string {
    return this.#service.clientId;
  }

  /** The institution's registered name (its org_code when the registry has none). */
  name(orgCode: string): string {
    return this.#registry.org(orgCode)?.name ?? orgCode;
  }

  /** The institution's base URL (its registered domain); throws naming the org_code when it has none. */
  baseUrl(orgCode: string): string {
    const url = this.#registry.org(orgCode)?.baseUrl;
    if (!url)
      throw new ProviderAuthError('registry', orgCode, 0, 'no_domain', 'the institution has no registered domain');
    return url;
  }

  #url(orgCode: string, path: string): string {
    return `${this.baseUrl(orgCode).replace(/\/$/, '')}${path}`;
  }

  /**
   * 개별인증-001 (web mode): the provider answers 302 to its own login page; that URL goes to the person's
   * browser. A 302 straight back to the callback (`error=…`) or a JSON error is a refusal.
   */
  async authorize(orgCode: string, ci: string, state: string): Promise<string> {
    const query = new URLSearchParams({
      org_code: orgCode,
      response_type: 'code',
      client_id: this.#service.clientId,
      redirect_uri: this.#service.redirectUri,
      app_scheme: this.#service.appScheme,
      state,
    });
    const url = `${this.#url(orgCode, apiPath(AUTHORIZE, { version: 'v2' }))}?${query}`;
    const a = await call(this.#out, url, { method: 'GET', headers: { 'x-user-ci': ci } });
    if (a.status !== 302 || !a.location) throw errorOf(AUTHORIZE.id, orgCode, a);
    const location = new URL(a.location, this.baseUrl(orgCode));
    if (location.href.startsWith(this.#service.redirectUri)) {
      const error = location.searchParams.get('error') ?? 'server_error';
      throw new ProviderAuthError(
        AUTHORIZE.id,
        orgCode,
        302,
        error,
        location.searchParams.get('error_description') ?? '',
      );
    }
    return location.href;
  }

  /** 개별인증-002: the code from the callback for a token pair. */
  async exchangeCode(orgCode: string, code: string): Promise<IssuedTokens> {
    const a = await call(this.#out, this.#url(orgCode, apiPath(CODE_TOKEN, { version: 'v2' })), {
      method: 'POST',
      form: {
        org_code: orgCode,
        grant_type: 'authorization_code',
        code,
        client_id: this.#service.clientId,
        client_secret: this.#service.clientSecret,
        redirect_uri: this.#service.redirectUri,
      },
    });
    if (a.status !== 200 || !a.json) throw errorOf(CODE_TOKEN.id, orgCode, a);
    return tokensOf(TOKEN_RESPONSE, a.json);
  }

  /** 통합인증-002: the CA's signed consent for a token pair (auth_type 1, consent_type 0). */
  async passwordGrant(
    orgCode: string,
    p: {
      readonly txId: string;
      readonly caCode: string;
      readonly ci: string;
      readonly signedConsent: string;
      readonly consent: string;
      readonly certTxId: string;
    },
  ): Promise<IssuedTokens> {
    const a = await call(this.#out, this.#url(orgCode, apiPath(PASSWORD_TOKEN, { version: 'v2' })), {
      method: 'POST',
      form: {
        tx_id: p.txId,
        org_code: orgCode,
        grant_type: 'password',
        client_id: this.#service.clientId,
        client_secret: this.#service.clientSecret,
        ca_code: p.caCode,
        username: p.ci,
        request_type: '1',
        password_len: String(p.signedConsent.length),
        password: p.signedConsent,
        auth_type: '1',
        consent_type: '0',
        consent_len: String(utf8Length(p.consent)),
        consent: p.consent,
        cert_tx_id: p.certTxId,
      },
    });
    if (a.status !== 200 || !a.json) throw errorOf(PASSWORD_TOKEN.id, orgCode, a);
    return tokensOf(PASSWORD_TOKEN_RESPONSE, a.json);
  }

  /**
   * 개별인증-004: ends both tokens of the pair and the consent at the provider. Answers the rsp_code: 00000
   * ended now, 99999 unknown or already ended (both mean nothing is left to revoke).
   */
  async revoke(orgCode: string, token: string, hint: 'access_token' | 'refresh_token'): Promise<string> {
    const a = await call(this.#out, this.#url(orgCode, apiPath(REVOKE, { version: 'v2' })), {
      method: 'POST',
      form: {
        org_code: orgCode,
        token,
        client_id: this.#service.clientId,
        client_secret: this.#service.clientSecret,
        token_type_hint: hint,
      },
    });
    if (a.status !== 200 || !a.json) throw errorOf(REVOKE.id, orgCode, a);
    return decodeMessage(REVOKE_RESPONSE, a.json, { location: 'response' }).rsp_code;
  }
}
