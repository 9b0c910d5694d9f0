import {
  apiById,
  apiPath,
  decodeMessage,
  generateTranId,
  OAUTH_ERROR_BODY,
  REFRESH_TOKEN_RESPONSE,
  REVOKE_RESPONSE,
} from '@hannun/spec';
import { type Dispatcher, request } from 'undici';
import { Secret } from '../crypto/secret.ts';

/** The operator service's credentials at the providers (client_id, client_secret from the portal). */
export interface ServiceCredentials {
  readonly clientId: string;
  readonly clientSecret: Secret;
}

export type RefreshResult =
  | { readonly ok: true; readonly accessToken: Secret; readonly expiresIn: number; readonly tranId: string }
  | { readonly ok: false; readonly error: string; readonly retryable: boolean; readonly tranId: string };

export type RevokeResult =
  | { readonly ok: true; readonly rspCode: string; readonly tranId: string }
  | { readonly ok: false; readonly error: string; readonly retryable: boolean; readonly tranId: string };

/** 개별인증-003 (refresh) and 개별인증-004 (revoke) at a provider, as the operator's service. */
export interface AuthClient {
  refresh(baseUrl: string, orgCode: string, refreshToken: Secret): Promise<RefreshResult>;
  revoke(baseUrl: string, orgCode: string, token: Secret): Promise<RevokeResult>;
}

const TOKEN_PATH = apiPath(apiById('개별인증-003'), { version: 'v2' });
const REVOKE_PATH = apiPath(apiById('개별인증-004'), { version: 'v2' });

export function createAuthClient(o: {
  readonly orgCode: string;
  readonly service: ServiceCredentials;
  readonly dispatcher?: Dispatcher;
  readonly timeoutMs?: number;
}): AuthClient {
  const post = async (url: string, form: Record<string, string>) => {
    const tranId = generateTranId(o.orgCode, 'M');
    try {
      const res = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-tran-id': tranId },
        body: new URLSearchParams(form).toString(),
        signal: AbortSignal.timeout(o.timeoutMs ?? 15_000),
        ...(o.dispatcher ? { dispatcher: o.dispatcher } : {}),
      });
      const text = await res.body.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { tranId, status: res.statusCode, json };
    } catch (e) {
      return { tranId, status: 0, json: undefined, error: (e as { code?: string }).code ?? 'connection' };
    }
  };
  const failure = (r: { tranId: string; status: number; json: unknown; error?: string }) => {
    if (r.status === 0)
      return { ok: false as const, error: r.error ?? 'connection', retryable: true, tranId: r.tranId };
    try {
      const body = decodeMessage(OAUTH_ERROR_BODY, r.json, { location: 'response' });
      return { ok: false as const, error: body.error, retryable: r.status >= 500, tranId: r.tranId };
    } catch {
      return { ok: false as const, error: `http-${r.status}`, retryable: r.status >= 500, tranId: r.tranId };
    }
  };
  const base = (url: string) => url.replace(/\/$/, '');
  return {
    async refresh(baseUrl, orgCode, refreshToken) {
      const r = await post(`${base(baseUrl)}${TOKEN_PATH}`, {
        org_code: orgCode,
        grant_type: 'refresh_token',
        refresh_token: refreshToken.reveal(),
        client_id: o.service.clientId,
        client_secret: o.service.clientSecret.reveal(),
      });
      if (r.status !== 200) return failure(r);
      try {
        const body = decodeMessage(REFRESH_TOKEN_RESPONSE, r.json, { location: 'response' });
        return {
          ok: true,
          accessToken: new Secret(body.access_token),
          expiresIn: Number(body.expires_in),
          tranId: r.tranId,
        };
      } catch {
        return { ok: false, error: 'malformed', retryable: false, tranId: r.tranId };
      }
    },
    async revoke(baseUrl, orgCode, token) {
      const r = await post(`${base(baseUrl)}${REVOKE_PATH}`, {
        org_code: orgCode,
        token: token.reveal(),
        client_id: o.service.clientId,
        client_secret: o.service.clientSecret.reveal(),
      });
      if (r.status !== 200) return failure(r);
      try {
        const body = decodeMessage(REVOKE_RESPONSE, r.json, { location: 'response' });
        return { ok: true, rspCode: body.rsp_code, tranId: r.tranId };
      } catch {
        return { ok: false, error: 'malformed', retryable: false, tranId: r.tranId };
      }
    },
  };
}
