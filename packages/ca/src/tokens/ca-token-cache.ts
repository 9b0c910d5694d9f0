import { type CaTokenClaims, type CaTokenKey, type CaTokenVerdict, verifyCaToken } from './ca-token.ts';

/** Verified tokens remembered per CA key at most (oldest forgotten first): about one per organisation. */
export const CA_TOKEN_CACHE_SIZE = 4096;

/** Per token key (a key rotation is a new key object, so a new, empty memory). */
const verifiedByKey = new WeakMap<CaTokenKey, Map<string, CaTokenClaims>>();

/**
 * `verifyCaToken`, with the signature checked once per token: every 통합인증-102…104 carries the caller's
 * token, and a provider's thirty 104s of one approval carry the same one. Safe because:
 * - the memory is keyed by the whole token string, signature included: a token changed by one byte (another
 *   signature, other claims, `alg: none`) is another key and is verified in full, and refused;
 * - only tokens that verified are remembered (with the claims they verified with), so refusals are never
 *   answered from memory and junk cannot fill it;
 * - expiry is checked against the CA clock on every use, as the full verification would, and an expired
 *   token is forgotten; iss was checked against this key's CA when it was remembered and cannot change;
 * - the CA keeps no revocation list for its tokens (a token lives until its exp, at most the configured
 *   lifetime), so there is nothing else a full verification would catch later;
 * - audience and scope are checked by the caller on every call, from the remembered claims.
 */
export async function verifyCaTokenOnce(
  token: string,
  key: CaTokenKey,
  opts: { readonly iss: string; readonly nowMs: number },
): Promise<CaTokenVerdict> {
  let verified = verifiedByKey.get(key);
  if (!verified) {
    verified = new Map();
    verifiedByKey.set(key, verified);
  }
  const known = verified.get(token);
  if (known && known.iss === opts.iss) {
    if (known.exp * 1000 > opts.nowMs) return { ok: true, claims: known };
    verified.delete(token);
    return { ok: false, reason: 'expired' };
  }
  const verdict = await verifyCaToken(token, key, opts);
  if (verdict.ok) {
    if (verified.size >= CA_TOKEN_CACHE_SIZE) {
      const oldest = verified.keys().next();
      if (!oldest.done) verified.delete(oldest.value);
    }
    verified.set(token, verdict.claims);
  }
  return verdict;
}
