import type { FastifyRequest } from '@hannun/infra';
import type { RegisteredOrg } from '@hannun/registry';
import { type ApiSpec, CA_SCOPE, decodeHeaders, type OrgType, WireError } from '@hannun/spec';
import type { CaContext } from '../service/ca-context.ts';
import { type CaFailure, fail } from '../service/ca-failure.ts';
import type { CaTokenClaims } from '../tokens/ca-token.ts';
import { verifyCaTokenOnce } from '../tokens/ca-token-cache.ts';
import { peerOrg } from './peer-org.ts';
import { ipAllowed } from './source-ip.ts';

export interface TransportPolicy {
  /** Mutual TLS: the client certificate names the caller. Off only in development (logged loudly). */
  readonly requireMtls: boolean;
  /** Accept loopback addresses for every organisation (the demo on one machine). */
  readonly allowLoopback: boolean;
}

export interface AuthorisedCaller {
  readonly org: RegisteredOrg;
  readonly claims: CaTokenClaims;
}

/**
 * The checks before 통합인증-102…104 read a body, in order: client certificate registered (40103), source
 * address registered (40102), x-api-tran-id (40002), a CA token (40101) issued to the same organisation as
 * the certificate (40101), scope `ca` (40104), and an organisation of a type that may call this API (40104).
 * Without mutual TLS the token's audience names the caller, and the address is checked against it.
 */
export async function authoriseCall(
  ctx: CaContext,
  policy: TransportPolicy,
  api: Pick<ApiSpec, 'headers' | 'id'>,
  request: FastifyRequest,
  callerTypes: readonly OrgType[],
): Promise<AuthorisedCaller | CaFailure> {
  let certOrg: RegisteredOrg | undefined;
  if (policy.requireMtls) {
    const peer = peerOrg(request, ctx.registry);
    if (peer === 'no-certificate') return fail('40103', '클라이언트 인증서가 없습니다', 'no client certificate');
    if (peer === 'unregistered') {
      return fail('40103', '등록되지 않은 기관의 인증서입니다', 'client certificate serial not registered');
    }
    if (!ipAllowed(peer, request.ip, policy.allowLoopback)) {
      return fail('40102', undefined, 'source address not registered for the certificate organisation');
    }
    certOrg = peer;
  }
  try {
    decodeHeaders(
      { headers: { required: api.headers.required.filter((h) => h !== 'authorization'), optional: [] } },
      request.headers,
    );
  } catch (error) {
    if (error instanceof WireError) return fail('40002', error.messageKo, error.message);
    throw error;
  }
  const auth = request.headers.authorization;
  const bearer = typeof auth === 'string' ? /^Bearer ([!-~]+)$/.exec(auth) : null;
  if (!bearer) return fail('40101', '접근토큰이 없습니다', 'no bearer token');
  // Signature once per token (see ca-token-cache.ts for why that is safe); expiry on every call.
  const verdict = await verifyCaTokenOnce(bearer[1]!, ctx.tokenKey, { iss: ctx.orgCode, nowMs: ctx.clock.nowMs() });
  if (!verdict.ok) return fail('40101', undefined, `token ${verdict.reason}`);
  const { claims } = verdict;
  let org: RegisteredOrg;
  if (certOrg) {
    if (claims.aud !== certOrg.orgCode) {
      return fail('40101', '다른 기관에 발급된 접근토큰입니다', 'token audience is not the certificate organisation');
    }
    org = certOrg;
  } else {
    const audOrg = ctx.registry.org(claims.aud);
    if (!audOrg) return fail('40101', undefined, 'token audience is not a registered organisation');
    if (!ipAllowed(audOrg, request.ip, policy.allowLoopback)) {
      return fail('40102', undefined, 'source address not registered for the token organisation');
    }
    org = audOrg;
  }
  if (!claims.scope.split(' ').includes(CA_SCOPE)) return fail('40104', undefined, `token scope lacks ${CA_SCOPE}`);
  if (!callerTypes.includes(org.orgType)) {
    return fail('40104', `${api.id}을(를) 호출할 수 없는 기관입니다`, `org_type ${org.orgType} may not call ${api.id}`);
  }
  return { org, claims };
}
