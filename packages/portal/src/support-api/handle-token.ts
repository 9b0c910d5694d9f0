import type { FastifyReply, FastifyRequest } from '@hannun/infra';
import { clientSecretMatches } from '@hannun/registry';
import {
  apiById,
  decodeHeaders,
  decodeMessage,
  encodeMessage,
  type Infer,
  MANAGE_TOKEN_FORM,
  MANAGE_TOKEN_RESPONSE,
  WireError,
} from '@hannun/spec';
import { mintManageToken } from '../tokens/manage-token.ts';
import { certificateCaller } from './identify-caller.ts';
import { noStore, type OAuthRefusal, refuse, sendOAuthError } from './oauth-answer.ts';
import type { PortalContext } from './portal-context.ts';
import { ipAllowed } from './source-ip.ts';
import { isFailure } from './support-failure.ts';

const API = apiById('지원-001');
const FORM_TYPE = /^application\/x-www-form-urlencoded(\s*;.*)?$/i;

type Outcome =
  | { readonly ok: true; readonly body: Record<string, unknown> }
  | { readonly ok: false; readonly refusal: OAuthRefusal };

const no = (...args: Parameters<typeof refuse>): Outcome => ({ ok: false, refusal: refuse(...args) });

/** The fields of a form body, each at most once (RFC 6749 §3.2). */
function formFields(body: string): { fields: Record<string, string> } | { refusal: OAuthRefusal } {
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    if (Object.hasOwn(fields, name)) {
      return { refusal: refuse('invalid_request', `${name}: 중복 전송되었습니다`, `${name} repeated`) };
    }
    fields[name] = value;
  }
  return { fields };
}

function formRefusal(error: WireError): OAuthRefusal {
  if (error.field === 'grant_type' && error.rule !== 'required') {
    return refuse('unsupported_grant_type', 'grant_type은 client_credentials여야 합니다', error.message);
  }
  if (error.field === 'scope' && error.rule !== 'required') {
    return refuse('invalid_scope', 'scope는 manage여야 합니다', error.message);
  }
  return refuse('invalid_request', error.messageKo, error.message);
}

/**
 * 지원-001: a support-API token for an organisation (client_credentials, scope manage), using the credential
 * the portal issued to it. Over mutual TLS the certificate must be the same organisation's. The token is a JWS
 * (ES256, the portal's signing key) with iss = the portal, aud = the caller, at most a year; no refresh token.
 */
async function issue(ctx: PortalContext, request: FastifyRequest): Promise<Outcome> {
  const certOrg = await certificateCaller(ctx, request);
  if (isFailure(certOrg)) {
    const what = certOrg.rspCode === '40102' ? '허용되지 않은 IP' : '인증서(SERIALNUMBER) 검증 실패';
    return no('unauthorized_client', what, certOrg.reason ?? certOrg.rspCode);
  }
  try {
    decodeHeaders(API, request.headers);
  } catch (error) {
    if (error instanceof WireError) return no('invalid_request', error.messageKo, error.message);
    throw error;
  }
  const type = request.headers['content-type'];
  if (type === undefined || !FORM_TYPE.test(type) || typeof request.body !== 'string') {
    return no('invalid_request', 'Content-Type은 application/x-www-form-urlencoded여야 합니다', 'not a form body');
  }
  const parsed = formFields(request.body);
  if ('refusal' in parsed) return { ok: false, refusal: parsed.refusal };
  let form: Infer<typeof MANAGE_TOKEN_FORM>;
  try {
    form = decodeMessage(MANAGE_TOKEN_FORM, parsed.fields, { location: 'form', unknown: 'strip' });
  } catch (error) {
    if (error instanceof WireError) return { ok: false, refusal: formRefusal(error) };
    throw error;
  }
  const holder = await ctx.registry.orgByClientId(form.client_id);
  if (!holder || !clientSecretMatches(form.client_secret, holder.credential.clientSecretHash)) {
    return no('invalid_client', '클라이언트 인증 실패', 'unknown client_id or wrong client_secret');
  }
  if (certOrg && certOrg.org.orgCode !== holder.org.orgCode) {
    return no(
      'unauthorized_client',
      '인증서의 기관과 클라이언트의 기관이 다릅니다',
      'client certificate belongs to another organisation',
    );
  }
  if (!certOrg && !ipAllowed(holder.org.ips, request.ip, ctx.transport.allowLoopback)) {
    return no('unauthorized_client', '허용되지 않은 IP', 'source address not registered');
  }
  const { token } = await mintManageToken(ctx.tokenKey, {
    iss: ctx.orgCode,
    aud: holder.org.orgCode,
    nowMs: ctx.clock.nowMs(),
    lifetimeSeconds: ctx.tokenLifetimeSeconds,
  });
  const body = encodeMessage(MANAGE_TOKEN_RESPONSE, {
    token_type: 'Bearer',
    access_token: token,
    expires_in: ctx.tokenLifetimeSeconds,
    scope: 'manage',
  });
  return { ok: true, body };
}

export async function handleToken(ctx: PortalContext, request: FastifyRequest, reply: FastifyReply) {
  const outcome = await issue(ctx, request);
  if (!outcome.ok) return sendOAuthError(reply, outcome.refusal);
  request.log.info({ api: API.id }, 'support token issued');
  return noStore(reply).code(200).type('application/json; charset=utf-8').send(outcome.body);
}
