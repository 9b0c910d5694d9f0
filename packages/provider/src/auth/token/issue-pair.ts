import { randomUUID } from 'node:crypto';
import type { RegisteredService } from '@hannun/registry';
import type { ConsentRecord } from '../../consent/consent.ts';
import { mintAccessToken } from '../../tokens/mint-access-token.ts';
import { mintRefreshToken } from '../../tokens/refresh-token.ts';
import { pairExpiry } from '../../tokens/token-lifetimes.ts';
import type { AuthDeps, AuthInstitution } from '../auth-deps.ts';
import { type OAuthFailure, oauthFail } from '../oauth-failure.ts';
import { randomToken } from '../secrets.ts';
import type { PairRevocation, TokenPair } from '../store/auth-store.ts';
import { consentScope } from './consent-scope.ts';

export interface IssuedPair {
  readonly pair: TokenPair;
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Seconds from now, as the token answer's expires_in and refresh_token_expires_in. */
  readonly expiresIn: number;
  readonly refreshExpiresIn: number;
  readonly scope: string;
}

/** The lock key of one (CI × client_id × org_code): one pair at a time, issued one after another. */
export function pairKey(orgCode: string, clientId: string, ci: string): string {
  return `pair\u0001${orgCode}\u0001${clientId}\u0001${ci}`;
}

/**
 * End a pair at once: both tokens by jti (persisted, and in the in-memory index the check chain reads) and
 * its consent, which ends every token issued for it. `keepConsent` is for a pair replaced by one on the
 * same consent (its consent lives on in the new pair).
 */
export async function revokePair(
  deps: AuthDeps,
  pair: TokenPair,
  why: PairRevocation,
  now: number,
  keepConsent = false,
): Promise<void> {
  await deps.store.pairs.revoke(pair.id, now, why);
  for (const jti of [pair.accessJti, pair.refreshJti]) {
    await deps.store.revokedJtis.revoke(pair.orgCode, jti, now);
    deps.revocations.revoke(jti, now);
  }
  if (!keepConsent) await deps.store.consents.revoke(pair.consentId, now);
}

export interface IssueRequest {
  readonly inst: AuthInstitution;
  readonly service: RegisteredService;
  /** Stored already (개별인증: at the consent page) or just now (통합인증-002). */
  readonly consent: ConsentRecord;
  readonly auth: TokenPair['auth'];
  readonly grant: string;
}

/**
 * Issue the token pair for a consent (개별인증-002, 통합인증-002). One pair per (CI × client_id ×
 * org_code): a live pair for the same three is revoked first, with its consent (a changed consent, or a
 * switch between individual and integrated authentication), in the same locked step as the new pair is
 * stored, so two issuances for the same person never leave two live pairs. Call inside
 * `deps.lock.run(pairKey(…))`.
 */
export async function issuePairLocked(deps: AuthDeps, req: IssueRequest): Promise<IssuedPair | OAuthFailure> {
  const { inst, service, consent } = req;
  const orgCode = inst.institution.orgCode;
  const now = deps.clock.nowMs();
  const { accessExp, refreshExp } = pairExpiry(deps.lifetimes, consent.endDate, now);
  const nowSec = Math.floor(now / 1000);
  if (refreshExp <= nowSec) {
    return oauthFail('invalid_grant', 'end_date: 전송요구 종료시점이 지났습니다', 'the consent has ended');
  }
  const scope = consentScope(consent, inst.institution.industry);
  const accessJti = randomToken(18);
  const refreshJti = randomToken(18);
  const base = { iss: orgCode, aud: service.orgCode, sub: consent.id, scope, iat: nowSec };
  const [accessToken, refreshToken] = await Promise.all([
    mintAccessToken(inst.key, { ...base, jti: accessJti, exp: accessExp }),
    mintRefreshToken(inst.key, { ...base, jti: refreshJti, exp: refreshExp }),
  ]);

  const old = await deps.store.pairs.live(orgCode, service.clientId, consent.ci, now);
  if (old) await revokePair(deps, old, 'replaced', now, old.consentId === consent.id);

  const pair: TokenPair = {
    id: randomUUID(),
    orgCode,
    clientId: service.clientId,
    ci: consent.ci,
    consentId: consent.id,
    auth: req.auth,
    grant: req.grant,
    accessJti,
    refreshJti,
    issuedAt: now,
    accessExpiresAt: accessExp * 1000,
    refreshExpiresAt: refreshExp * 1000,
  };
  await deps.store.pairs.insert(pair);
  return {
    pair,
    accessToken,
    refreshToken,
    expiresIn: accessExp - nowSec,
    refreshExpiresIn: refreshExp - nowSec,
    scope,
  };
}
