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
  /** Stored already (개별인증: at the consent page), or new and stored with the pair (`integrated`). */
  readonly consent: ConsentRecord;
  readonly auth: TokenPair['auth'];
  readonly grant: string;
  /**
   * 통합인증-002: the consent is new and stored with the pair, and the CA transaction is claimed in the same
   * step (a replay refuses it all).
   */
  readonly integrated?: { readonly certTxId: string; readonly txId: string };
}

/** 통합인증-002's answer to a cert_tx_id or tx_id used before at the institution. */
export const replayedCertTx = (): OAuthFailure =>
  oauthFail('invalid_grant', 'cert_tx_id: 이미 사용된 전자서명 거래', 'cert_tx_id or tx_id replayed');

/**
 * Issue the token pair for a consent (개별인증-002, 통합인증-002). One pair per (CI × client_id ×
 * org_code): a live pair for the same three is revoked, with its consent (a changed consent, or a switch
 * between individual and integrated authentication), in the same atomic store step as the new pair (and, for
 * 통합인증-002, its new consent and the CA transaction's claim) is written (`pairs.issue`): one commit, and
 * nothing stored when anything is refused. Call inside `deps.lock.run(pairKey(…))`, which keeps the
 * issuances of one person in order within the process.
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
  const stored = await deps.store.pairs.issue(
    req.integrated ? { pair, consent, claim: req.integrated } : { pair },
    now,
  );
  if (!stored.ok) return replayedCertTx();
  // The replaced pair's tokens stop at once in the check chain's index too (its consent, if another, the
  // store revoked in the consent index).
  if (stored.replaced) {
    deps.revocations.revoke(stored.replaced.accessJti, now);
    deps.revocations.revoke(stored.replaced.refreshJti, now);
  }
  return {
    pair,
    accessToken,
    refreshToken,
    expiresIn: accessExp - nowSec,
    refreshExpiresIn: refreshExp - nowSec,
    scope,
  };
}
