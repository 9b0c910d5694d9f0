import type { FastifyRequest } from '@hannun/infra';
import { type ApiSpec, decodeHeaders, isApiVersion, type OrgType, SUPPORT_SCOPE, WireError } from '@hannun/spec';
import type { StoredOrg } from '../store/registry-repository.ts';
import { verifyManageToken } from '../tokens/manage-token.ts';
import { certificateCaller } from './identify-caller.ts';
import type { PortalContext } from './portal-context.ts';
import { ipAllowed } from './source-ip.ts';
import { fail, isFailure, type SupportFailure } from './support-failure.ts';

/** Who may call an API: organisation types, or (지원-004) information recipients of any type too. */
export interface CallerRule {
  readonly types: readonly OrgType[];
  readonly recipients?: boolean;
}

/**
 * The checks before a support API (지원-002…006) reads its input, in order: client certificate registered
 * (40103) and source address (40102); x-api-tran-id (40002); the version segment (40003); a 지원-001 token of
 * this portal (40101) issued to the same organisation as the certificate (40101); scope manage (40104); an
 * organisation of a type that may call this API (40104). Without mutual TLS the token names the caller.
 */
export async function authoriseCall(
  ctx: PortalContext,
  api: Pick<ApiSpec, 'headers' | 'id'>,
  request: FastifyRequest,
  version: string,
  rule: CallerRule,
): Promise<StoredOrg | SupportFailure> {
  const certOrg = await certificateCaller(ctx, request);
  if (isFailure(certOrg)) return certOrg;
  try {
    decodeHeaders(
      { headers: { required: api.headers.required.filter((h) => h !== 'authorization'), optional: [] } },
      request.headers,
    );
  } catch (error) {
    if (error instanceof WireError) return fail('40002', error.messageKo, error.message);
    throw error;
  }
  if (!isApiVersion(version) || !ctx.versions.accepted.includes(version)) {
    return fail('40003', `허용 버전: ${ctx.versions.accepted.join(', ')}`, `version '${version.slice(0, 10)}'`);
  }
  const auth = request.headers.authorization;
  const bearer = typeof auth === 'string' ? /^Bearer ([!-~]+)$/.exec(auth) : null;
  if (!bearer) return fail('40101', '접근토큰이 없습니다', 'no bearer token');
  const verdict = ctx.verifyToken
    ? await ctx.verifyToken(bearer[1]!, ctx.clock.nowMs())
    : await verifyManageToken(bearer[1]!, ctx.tokenKey, { iss: ctx.orgCode, nowMs: ctx.clock.nowMs() });
  if (!verdict.ok) return fail('40101', undefined, `token ${verdict.reason}`);
  const { claims } = verdict;
  let org: StoredOrg;
  if (certOrg) {
    if (claims.aud !== certOrg.org.orgCode) {
      return fail('40101', '다른 기관에 발급된 접근토큰입니다', 'token audience is not the certificate organisation');
    }
    org = certOrg;
  } else {
    const audOrg = await ctx.registry.org(claims.aud);
    if (!audOrg) return fail('40101', '등록되지 않은 기관의 접근토큰입니다', 'token audience is not registered');
    if (!ipAllowed(audOrg.org.ips, request.ip, ctx.transport.allowLoopback)) {
      return fail('40102', undefined, 'source address not registered for the token organisation');
    }
    org = audOrg;
  }
  if (!claims.scope.split(' ').includes(SUPPORT_SCOPE)) {
    return fail('40104', undefined, `token scope lacks ${SUPPORT_SCOPE}`);
  }
  const allowed = rule.types.includes(org.org.orgType) || (rule.recipients === true && org.org.isRcvOrg);
  if (!allowed) {
    return fail(
      '40104',
      `${api.id}을(를) 호출할 수 없는 기관구분입니다 (${org.org.orgType})`,
      `org_type ${org.org.orgType} may not call ${api.id}`,
    );
  }
  return org;
}
