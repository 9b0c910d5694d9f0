import type { FastifyReply, FastifyRequest } from '@hannun/infra';
import { encodeMessage, REVOKE_FORM, REVOKE_RESPONSE, RSP_CODES } from '@hannun/spec';
import { readOwnToken } from '../../tokens/read-own-token.ts';
import type { AuthDeps, AuthInstitution } from '../auth-deps.ts';
import { authenticateClient } from '../client-auth.ts';
import { checkOrgCode, endpointPrelude } from '../endpoint-prelude.ts';
import { decodeForm } from '../form-body.ts';
import { isOAuthFailure, noStore, type OAuthFailure, sendOAuthFailure } from '../oauth-failure.ts';
import { pairKey, revokePair } from '../token/issue-pair.ts';

/** 개별인증-004's answer for a token that is not a live token of this client (규격 §5.1.4). */
export const REVOKE_INVALID_TOKEN = { rsp_code: '99999', rsp_msg: '폐기하고자 하는 토큰이 유효하지 않습니다' } as const;
export const REVOKED = { rsp_code: '00000', rsp_msg: RSP_CODES['00000'].ko } as const;

async function revoke(deps: AuthDeps, inst: AuthInstitution, request: FastifyRequest) {
  const pre = endpointPrelude(deps, request);
  if (isOAuthFailure(pre)) return pre;
  const form = decodeForm(REVOKE_FORM, pre.fields);
  if (isOAuthFailure(form)) return form;
  const orgCode = inst.institution.orgCode;
  const wrongOrg = checkOrgCode(form.org_code, orgCode);
  if (wrongOrg) return wrongOrg;
  const service = authenticateClient(pre.registry, form.client_id, form.client_secret, pre.callerOrg);
  if (isOAuthFailure(service)) return service;

  // Access or refresh token, expired or not: a withdrawal must always work.
  const own = await readOwnToken(form.token, inst.key);
  const found = own ? await deps.store.pairs.byJti(orgCode, own.jti) : undefined;
  if (!found || found.clientId !== service.clientId) return REVOKE_INVALID_TOKEN;
  return deps.lock.run(pairKey(orgCode, found.clientId, found.ci), async () => {
    const pair = await deps.store.pairs.byJti(orgCode, own!.jti);
    if (!pair || pair.revokedAt !== undefined) return REVOKE_INVALID_TOKEN;
    await revokePair(deps, pair, 'withdrawn', deps.clock.nowMs());
    return REVOKED;
  });
}

/**
 * 개별인증-004: the person withdrew the consent. Both tokens of the pair and the consent end at once, for
 * pairs from either authentication. HTTP 200 whether or not there was anything to revoke (RFC 7009 §2.2):
 * rsp_code '00000' when a live pair of this client ended, '99999' for an unknown, invalid, already revoked
 * or foreign token. A bad request or a wrong client is an OAuth error body.
 */
export async function handleRevoke(
  deps: AuthDeps,
  inst: AuthInstitution,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const answer: typeof REVOKED | typeof REVOKE_INVALID_TOKEN | OAuthFailure = await revoke(deps, inst, request);
  if (isOAuthFailure(answer)) {
    request.log.info({ org: inst.institution.orgCode, error: answer.error, reason: answer.reason }, 'revoke refused');
    return sendOAuthFailure(reply, answer);
  }
  return noStore(reply)
    .code(200)
    .type('application/json; charset=utf-8')
    .send(encodeMessage(REVOKE_RESPONSE, { rsp_code: answer.rsp_code, rsp_msg: answer.rsp_msg }));
}
