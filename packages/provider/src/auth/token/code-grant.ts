import { CODE_TOKEN_FORM, encodeMessage, TOKEN_RESPONSE, type WireObject } from '@hannun/spec';
import type { AuthDeps, AuthInstitution } from '../auth-deps.ts';
import { authenticateClient } from '../client-auth.ts';
import { checkOrgCode, type Prelude } from '../endpoint-prelude.ts';
import { decodeForm } from '../form-body.ts';
import { isOAuthFailure, type OAuthFailure, oauthFail } from '../oauth-failure.ts';
import { sha256Hex } from '../secrets.ts';
import { issuePairLocked, pairKey, revokePair } from './issue-pair.ts';

const INVALID_CODE = () => oauthFail('invalid_grant', 'code: 유효하지 않은 인가코드', 'unknown authorization code');

/**
 * 개별인증-002: an authorization code for the token pair. The client is authenticated, then the code is
 * consumed atomically: it must be one this institution issued, to this client, for this redirect_uri, less
 * than its lifetime ago (≤ 10 minutes), and never used. A second use is a replay (RFC 6749 §4.1.2, §10.5):
 * refused, and the pair issued from the code is revoked with its consent — also when two requests race
 * for one code, so a raced code never leaves a working pair behind.
 */
export async function codeGrant(
  deps: AuthDeps,
  inst: AuthInstitution,
  pre: Prelude,
): Promise<WireObject | OAuthFailure> {
  const form = decodeForm(CODE_TOKEN_FORM, pre.fields);
  if (isOAuthFailure(form)) return form;
  const orgCode = inst.institution.orgCode;
  const wrongOrg = checkOrgCode(form.org_code, orgCode);
  if (wrongOrg) return wrongOrg;
  const service = authenticateClient(pre.registry, form.client_id, form.client_secret, pre.callerOrg);
  if (isOAuthFailure(service)) return service;

  const codeHash = sha256Hex(form.code);
  const grant = `code:${codeHash}`;
  const now = deps.clock.nowMs();
  const consumed = await deps.store.codes.consume(codeHash, now);
  if (!consumed || consumed.code.orgCode !== orgCode) return INVALID_CODE();
  const { code } = consumed;

  return deps.lock.run(pairKey(orgCode, code.clientId, code.ci), async () => {
    if (!consumed.first) {
      const issued = await deps.store.pairs.byGrant(orgCode, grant);
      const at = deps.clock.nowMs();
      if (issued && issued.revokedAt === undefined) await revokePair(deps, issued, 'code-replayed', at);
      await deps.store.consents.revoke(code.consentId, at);
      return oauthFail('invalid_grant', 'code: 이미 사용된 인가코드 (발급된 토큰 폐기)', 'authorization code replayed');
    }
    if (code.clientId !== service.clientId) {
      return oauthFail('invalid_grant', 'code: 다른 클라이언트에 발급된 인가코드', 'code issued to another client');
    }
    if (code.expiresAt <= now) {
      return oauthFail('invalid_grant', 'code: 만료된 인가코드', 'authorization code expired');
    }
    if (code.redirectUri !== form.redirect_uri) {
      return oauthFail(
        'invalid_grant',
        'redirect_uri: 인가코드 요청 시의 Callback URL과 다릅니다',
        'redirect_uri differs from the authorization request',
      );
    }
    const consent = deps.store.consents.get(code.consentId);
    if (!consent || consent.revokedAt !== undefined) {
      return oauthFail('invalid_grant', 'code: 전송요구가 철회된 인가코드', 'the consent of the code is revoked');
    }
    const issued = await issuePairLocked(deps, { inst, service, consent, auth: 'individual', grant });
    if (isOAuthFailure(issued)) return issued;
    return encodeMessage(TOKEN_RESPONSE, {
      token_type: 'Bearer',
      access_token: issued.accessToken,
      expires_in: issued.expiresIn,
      refresh_token: issued.refreshToken,
      refresh_token_expires_in: issued.refreshExpiresIn,
      scope: issued.scope,
    });
  });
}
