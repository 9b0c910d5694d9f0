import type { FastifyReply, FastifyRequest } from '@hannun/infra';
import { clientSecretMatches, type RegisteredOrg } from '@hannun/registry';
import {
  apiById,
  CA_TOKEN_FORM,
  CA_TOKEN_RESPONSE,
  decodeHeaders,
  decodeMessage,
  encodeMessage,
  type Infer,
  OAUTH_ERRORS,
  type OAuthErrorCode,
  type OrgType,
  WireError,
} from '@hannun/spec';
import type { CaContext } from '../service/ca-context.ts';
import { mintCaToken } from '../tokens/ca-token.ts';
import type { TransportPolicy } from './authorise-call.ts';
import { peerOrg } from './peer-org.ts';
import { ipAllowed } from './source-ip.ts';

const API = apiById('통합인증-101');
const FORM_TYPE = /^application\/x-www-form-urlencoded(\s*;.*)?$/i;

/**
 * Organisations that may hold a CA token: providers (01, 02) call 104, operators (03) call 102/103 and the
 * identity check, the portal (07) the identity check (its consolidated consent view). Relays (04), which do
 * integrated authentication for relayed providers, are not served yet. Each API still names its own callers.
 */
export const TOKEN_HOLDER_TYPES: readonly OrgType[] = ['01', '02', '03', '07'];

export interface OAuthRefusal {
  readonly error: OAuthErrorCode;
  readonly description: string;
  /** For the log and tests. */
  readonly reason: string;
}

type TokenOutcome =
  | { readonly ok: true; readonly body: Record<string, unknown> }
  | { readonly ok: false; readonly refusal: OAuthRefusal };

const refuse = (error: OAuthErrorCode, description: string, reason: string): OAuthRefusal => ({
  error,
  description,
  reason,
});
const no = (error: OAuthErrorCode, description: string, reason: string): TokenOutcome => ({
  ok: false,
  refusal: refuse(error, description, reason),
});

function sendOAuthError(reply: FastifyReply, r: OAuthRefusal): FastifyReply {
  return reply
    .code(OAUTH_ERRORS[r.error].http)
    .header('cache-control', 'no-store')
    .header('pragma', 'no-cache')
    .type('application/json; charset=utf-8')
    .send({ error: r.error, error_description: r.description });
}

/** A form field that failed decoding maps to the OAuth error RFC 6749 names for it. */
function formRefusal(error: WireError): OAuthRefusal {
  if (error.field === 'grant_type' && error.rule !== 'required') {
    return refuse('unsupported_grant_type', 'grant_type은 client_credentials여야 합니다', error.message);
  }
  if (error.field === 'scope' && error.rule !== 'required') {
    return refuse('invalid_scope', 'scope는 ca여야 합니다', error.message);
  }
  return refuse('invalid_request', error.messageKo, error.message);
}

/**
 * 통합인증-101: a CA access token for an organisation (client_credentials, scope ca). The client is the
 * organisation's own portal-issued credentials (registry `credentials`); over mutual TLS the certificate
 * must be the same organisation's. The token is a JWS (ES256, the CA's signing key) with iss = the CA,
 * aud = the caller, scope ca, jti and exp; there is no refresh token.
 */
export async function handleTokenRequest(
  ctx: CaContext,
  policy: TransportPolicy,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const outcome = await issueToken(ctx, policy, request);
  if (!outcome.ok) {
    const r = outcome.refusal;
    request.log.warn({ api: API.id, error: r.error, reason: r.reason }, 'CA token refused');
    return sendOAuthError(reply, r);
  }
  return reply
    .code(200)
    .header('cache-control', 'no-store')
    .header('pragma', 'no-cache')
    .type('application/json; charset=utf-8')
    .send(outcome.body);
}

async function issueToken(ctx: CaContext, policy: TransportPolicy, request: FastifyRequest): Promise<TokenOutcome> {
  let certOrg: RegisteredOrg | undefined;
  if (policy.requireMtls) {
    const peer = peerOrg(request, ctx.registry);
    if (typeof peer === 'string') {
      return no('unauthorized_client', '인증서(SERIALNUMBER) 검증 실패', `client certificate: ${peer}`);
    }
    if (!ipAllowed(peer, request.ip, policy.allowLoopback)) {
      return no('unauthorized_client', '허용되지 않은 IP', 'source address not registered');
    }
    certOrg = peer;
  }
  try {
    decodeHeaders(API, request.headers);
  } catch (error) {
    if (error instanceof WireError) return no('invalid_request', error.messageKo, error.message);
    throw error;
  }
  const type = request.headers['content-type'];
  if (type === undefined || !FORM_TYPE.test(type) || typeof request.body !== 'string') {
    return no(
      'invalid_request',
      'Content-Type은 application/x-www-form-urlencoded여야 합니다',
      'body is not form-encoded',
    );
  }
  let form: Infer<typeof CA_TOKEN_FORM>;
  try {
    form = decodeMessage(CA_TOKEN_FORM, Object.fromEntries(new URLSearchParams(request.body)), { location: 'form' });
  } catch (error) {
    if (error instanceof WireError) return { ok: false, refusal: formRefusal(error) };
    throw error;
  }
  const org = ctx.registry.orgByClientId(form.client_id);
  if (!org?.credentials || !clientSecretMatches(form.client_secret, org.credentials.clientSecretHash)) {
    return no('invalid_client', '클라이언트 인증 실패', 'unknown client_id or wrong client_secret');
  }
  if (certOrg && certOrg.orgCode !== org.orgCode) {
    return no(
      'unauthorized_client',
      '인증서의 기관과 클라이언트의 기관이 다릅니다',
      'client certificate belongs to another organisation',
    );
  }
  if (!certOrg && !ipAllowed(org, request.ip, policy.allowLoopback)) {
    return no('unauthorized_client', '허용되지 않은 IP', 'source address not registered');
  }
  if (!TOKEN_HOLDER_TYPES.includes(org.orgType)) {
    return no('unauthorized_client', 'CA 접근토큰을 받을 수 없는 기관입니다', `org_type ${org.orgType}`);
  }
  const { token } = await mintCaToken(ctx.tokenKey, {
    iss: ctx.orgCode,
    aud: org.orgCode,
    nowMs: ctx.clock.nowMs(),
    lifetimeSeconds: ctx.limits.accessTokenSeconds,
  });
  request.log.info({ api: API.id, caller: org.orgCode }, 'CA token issued');
  return {
    ok: true,
    body: encodeMessage(CA_TOKEN_RESPONSE, {
      token_type: 'Bearer',
      access_token: token,
      expires_in: ctx.limits.accessTokenSeconds,
      scope: 'ca',
    }),
  };
}
