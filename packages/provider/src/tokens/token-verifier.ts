import type { AccessTokenClaims, ConsentStore } from '../consent/consent.ts';
import type { SigningKey } from './signing-keys.ts';
import type { TokenRevocations } from './token-revocations.ts';
import { checkLiveClaims, type TokenVerdict, verifyAccessToken } from './verify-access-token.ts';

/** Verifies the tokens presented to one institution, remembering those whose signature it has checked. */
export interface TokenVerifier {
  /** Synchronous for a token seen before (the hot path), a promise on first sight. */
  verify(token: string, now: number): TokenVerdict | Promise<TokenVerdict>;
}

export interface TokenVerifierOptions {
  readonly key: SigningKey;
  readonly consents: ConsentStore;
  readonly revocations: TokenRevocations;
  /** Verified tokens remembered at most (oldest forgotten first). Default 10,000. */
  readonly cacheSize?: number;
}

/**
 * ES256 verification costs ~0.1 ms, far more than the rest of a request's checks, so a token's signature is
 * checked once and its claims cached by the token string until it expires. Expiry, revocation and the
 * consent are still checked on every use; only tokens that verified are cached.
 */
export function createTokenVerifier(opts: TokenVerifierOptions): TokenVerifier {
  const max = opts.cacheSize ?? 10_000;
  const verified = new Map<string, AccessTokenClaims>();
  const { consents, revocations } = opts;
  const orgCode = opts.key.orgCode;

  const remember = (token: string, claims: AccessTokenClaims) => {
    if (verified.size >= max) {
      const oldest = verified.keys().next();
      if (!oldest.done) verified.delete(oldest.value);
    }
    verified.set(token, claims);
  };

  return {
    verify(token, now) {
      const claims = verified.get(token);
      if (claims) {
        const verdict = checkLiveClaims(claims, orgCode, consents, revocations, now);
        if (!verdict.ok && verdict.reason === 'expired') verified.delete(token);
        return verdict;
      }
      return verifyAccessToken(token, { ...opts, now }).then((verdict) => {
        if (verdict.ok) remember(token, verdict.claims);
        return verdict;
      });
    },
  };
}
