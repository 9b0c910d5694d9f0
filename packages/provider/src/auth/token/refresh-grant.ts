import { randomBytes } from 'node:crypto';
import { encodeMessage, REFRESH_TOKEN_FORM, REFRESH_TOKEN_RESPONSE, type WireObject } from '@hannun/spec';
import { mintAccessToken } from '../../tokens/mint-access-token.ts';
import { verifyRefreshToken } from '../../tokens/refresh-token.ts';
import { accessExpiry } from '../../tokens/token-lifetimes.ts';
import type { AuthDeps, AuthInstitution } from '../auth-deps.ts';
import { authenticateClient } from '../client-auth.ts';
import { checkOrgCode, type Prelude } from '../endpoint-prelude.ts';
import { decodeForm } from '../form-body.ts';
import { isOAuthFailure, type OAuthFailure, oauthFail } from '../oauth-failure.ts';
import { pairKey } from './issue-pair.ts';

const refused = (what: string, reason: string) =>
  oauthFail('invalid_grant', `refresh_token: ${what}`, `refresh token ${reason}`);

/**
 * 개별인증-003: a new access token for a live refresh token of this client. The refresh token keeps its
 * lifetime; the new access token has its own (40106 guards the consent's end). The pair's previous access token is revoked, so a
 * pair holds one working access token at a time (Hannun's choice, documented in the README).
 */
export async function refreshGrant(
  deps: AuthDeps,
  inst: AuthInstitution,
  pre: Prelude,
): Promise<WireObject | OAuthFailure> {
  const form = decodeForm(REFRESH_TOKEN_FORM, pre.fields);
  if (isOAuthFailure(form)) return form;
  const orgCode = inst.institution.orgCode;
  const wrongOrg = checkOrgCode(form.org_code, orgCode);
  if (wrongOrg) return wrongOrg;
  const service = authenticateClient(pre.registry, form.client_id, form.client_secret, pre.callerOrg);
  if (isOAuthFailure(service)) return service;

  const verdict = await verifyRefreshToken(form.refresh_token, inst.key, deps.clock.nowMs());
  if (!verdict.ok) {
    return verdict.reason === 'expired'
      ? refused('만료된 리프레시 토큰', 'expired')
      : refused('유효하지 않은 리프레시 토큰', verdict.reason);
  }
  const found = await deps.store.pairs.byJti(orgCode, verdict.claims.jti);
  if (!found || found.refreshJti !== verdict.claims.jti) return refused('유효하지 않은 리프레시 토큰', 'unknown');

  return deps.lock.run(pairKey(orgCode, found.clientId, found.ci), async () => {
    const now = deps.clock.nowMs();
    const pair = await deps.store.pairs.byJti(orgCode, verdict.claims.jti);
    if (!pair || pair.revokedAt !== undefined) return refused('폐기된 리프레시 토큰', 'revoked');
    if (pair.clientId !== service.clientId)
      return refused('다른 클라이언트에 발급된 리프레시 토큰', 'of another client');
    if (pair.refreshExpiresAt <= now) return refused('만료된 리프레시 토큰', 'expired');
    const consent = deps.store.consents.get(pair.consentId);
    if (!consent || consent.revokedAt !== undefined) return refused('철회된 전송요구', 'consent revoked');

    const nowSec = Math.floor(now / 1000);
    const exp = accessExpiry(deps.lifetimes, now);
    const jti = randomBytes(18).toString('base64url');
    const accessToken = await mintAccessToken(inst.key, {
      iss: orgCode,
      aud: service.orgCode,
      sub: consent.id,
      jti,
      scope: verdict.claims.scope,
      iat: nowSec,
      exp,
    });
    await deps.store.pairs.replaceAccess(pair.id, jti, exp * 1000);
    await deps.store.revokedJtis.revoke(orgCode, pair.accessJti, now);
    deps.revocations.revoke(pair.accessJti, now);
    return encodeMessage(REFRESH_TOKEN_RESPONSE, {
      token_type: 'Bearer',
      access_token: accessToken,
      expires_in: exp - nowSec,
    });
  });
}
