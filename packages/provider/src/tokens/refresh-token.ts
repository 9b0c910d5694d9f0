import { signJwtAsync, verifyJwtAsync } from '@hannun/pki';
import type { SigningKey } from './signing-keys.ts';

/**
 * Refresh tokens (개별인증-002/003, 통합인증-002): ES256 JWS signed by the institution's key like access
 * tokens, but marked twice as refresh tokens so that they never pass as access tokens: the protected
 * header's `typ` is `rt+jwt` (access tokens: `JWT`) and the claim `token_use` is `refresh`. The access
 * verifier refuses both marks (verify-access-token.ts); this verifier requires both.
 */
export const REFRESH_TYP = 'rt+jwt';
export const REFRESH_USE = 'refresh';

export interface RefreshTokenClaims {
  /** The issuing institution's org_code. */
  readonly iss: string;
  /** The recipient operator's org_code. */
  readonly aud: string;
  /** The consent the pair carries. */
  readonly sub: string;
  readonly jti: string;
  readonly scope: string;
  readonly iat: number;
  readonly exp: number;
}

export async function mintRefreshToken(key: SigningKey, claims: RefreshTokenClaims): Promise<string> {
  if (claims.iss !== key.orgCode) {
    throw new Error(`a token of ${claims.iss} cannot be signed with the key of ${key.orgCode}`);
  }
  const { scope, iss, aud, sub, jti, iat, exp } = claims;
  return signJwtAsync(
    { typ: REFRESH_TYP, kid: key.kid },
    { scope, token_use: REFRESH_USE, iss, aud, sub, jti, iat, exp },
    key.privateKey,
  );
}

export type RefreshVerdict =
  | { readonly ok: true; readonly claims: RefreshTokenClaims }
  | { readonly ok: false; readonly reason: 'malformed' | 'signature' | 'expired' | 'claims' };

/**
 * A refresh token this institution issued: signature, `typ`, `token_use`, issuer and expiry on the
 * provider clock. Whether its pair is still live is the caller's question (the pair repository).
 */
export async function verifyRefreshToken(token: string, key: SigningKey, now: number): Promise<RefreshVerdict> {
  const verdict = await verifyJwtAsync(token, key.publicKey, {
    typ: REFRESH_TYP,
    issuer: key.orgCode,
    nowMs: now,
    required: ['iss', 'aud', 'sub', 'jti', 'exp', 'iat'],
  });
  if (!verdict.ok) return { ok: false, reason: verdict.reason === 'issuer' ? 'claims' : verdict.reason };
  const { iss, aud, sub, jti, scope, iat, exp, token_use } = verdict.claims;
  if (token_use !== REFRESH_USE) return { ok: false, reason: 'claims' };
  if (typeof iss !== 'string' || typeof aud !== 'string' || typeof sub !== 'string' || typeof jti !== 'string')
    return { ok: false, reason: 'claims' };
  if (typeof scope !== 'string' || typeof iat !== 'number' || typeof exp !== 'number')
    return { ok: false, reason: 'claims' };
  return { ok: true, claims: { iss, aud, sub, jti, scope, iat, exp } };
}
