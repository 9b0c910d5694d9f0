/**
 * Revoked token ids (jti). A consent's revocation (revokedAt) revokes all its tokens at once; this list is
 * for single tokens (a replaced pair, a duplicate found by the operator). In memory, like the consent store.
 */
export interface TokenRevocations {
  revoke(jti: string, at: number): void;
  /** Whether the token id was revoked at or before `now` (epoch ms). */
  isRevoked(jti: string, now: number): boolean;
}

export function createTokenRevocations(): TokenRevocations {
  const revoked = new Map<string, number>();
  return {
    revoke(jti, at) {
      const earlier = revoked.get(jti);
      revoked.set(jti, earlier === undefined ? at : Math.min(earlier, at));
    },
    isRevoked(jti, now) {
      const at = revoked.get(jti);
      return at !== undefined && at <= now;
    },
  };
}
