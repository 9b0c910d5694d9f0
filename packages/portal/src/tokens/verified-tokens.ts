import {
  type ManageTokenClaims,
  type ManageTokenKey,
  type ManageTokenVerdict,
  verifyManageToken,
} from './manage-token.ts';

/**
 * Verified 지원-001 tokens remembered by their text, so a participant syncing every few seconds does not pay
 * an ES256 verification (≈ 0.2 ms) per call. Expiry is checked on every use against the given clock; the
 * oldest entries are forgotten beyond `max`. Refusals are never remembered.
 */
export function createVerifiedTokens(key: ManageTokenKey, iss: string, max = 1000) {
  const known = new Map<string, ManageTokenClaims>();
  return async (token: string, nowMs: number): Promise<ManageTokenVerdict> => {
    const hit = known.get(token);
    if (hit) {
      if (hit.exp * 1000 > nowMs) return { ok: true, claims: hit };
      known.delete(token);
      return { ok: false, reason: 'expired' };
    }
    const verdict = await verifyManageToken(token, key, { iss, nowMs });
    if (verdict.ok) {
      if (known.size >= max) known.delete(known.keys().next().value!);
      known.set(token, verdict.claims);
    }
    return verdict;
  };
}

export type VerifiedTokens = ReturnType<typeof createVerifiedTokens>;
