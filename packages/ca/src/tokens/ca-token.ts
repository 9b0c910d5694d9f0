import { createPrivateKey, createPublicKey, type KeyObject, randomUUID } from 'node:crypto';
import type { SigningKey } from '@hannun/pki';
import { CA_SCOPE } from '@hannun/spec';
import { signJwtAsync, verifyJwtAsync } from '@hannun/pki';

/** The claims of a CA access token (통합인증-101): JWS ES256, no refresh token. */
export interface CaTokenClaims {
  /** The CA's org_code. */
  readonly iss: string;
  /** The caller's org_code (operator or provider). */
  readonly aud: string;
  readonly scope: string;
  readonly jti: string;
  readonly iat: number;
  readonly exp: number;
}

/** The CA's token key: the organisation's ES256 signing key from its PKI credentials. */
export interface CaTokenKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

export function caTokenKey(signing: SigningKey): CaTokenKey {
  return {
    kid: signing.kid,
    privateKey: createPrivateKey(signing.privateKeyPem),
    publicKey: createPublicKey(signing.publicKeyPem),
  };
}

/** The protected header's typ of a CA access token. */
export const CA_TOKEN_TYP = 'JWT';

export async function mintCaToken(
  key: CaTokenKey,
  opts: { readonly iss: string; readonly aud: string; readonly nowMs: number; readonly lifetimeSeconds: number },
): Promise<{ token: string; claims: CaTokenClaims }> {
  const iat = Math.floor(opts.nowMs / 1000);
  const claims: CaTokenClaims = {
    iss: opts.iss,
    aud: opts.aud,
    scope: CA_SCOPE,
    jti: randomUUID(),
    iat,
    exp: iat + opts.lifetimeSeconds,
  };
  const { scope, iss, aud, jti, exp } = claims;
  const token = await signJwtAsync(
    { typ: CA_TOKEN_TYP, kid: key.kid },
    { scope, iss, aud, jti, iat, exp },
    key.privateKey,
  );
  return { token, claims };
}

export type CaTokenVerdict =
  | { readonly ok: true; readonly claims: CaTokenClaims }
  | { readonly ok: false; readonly reason: 'malformed' | 'signature' | 'expired' | 'issuer' | 'claims' };

/**
 * Verify a bearer token presented to the CA: ES256 by the CA's own key, iss = the CA, not expired on the
 * CA clock (typ is not required: anything else the key signs lacks scope `ca` and is refused). Scope and audience
 * are the caller's checks (40104 and the mTLS peer). ≈75 µs of ES256: authoriseCall remembers the tokens
 * it verified (ca-token-cache.ts).
 */
export async function verifyCaToken(
  token: string,
  key: CaTokenKey,
  opts: { readonly iss: string; readonly nowMs: number },
): Promise<CaTokenVerdict> {
  const verdict = await verifyJwtAsync(token, key.publicKey, {
    issuer: opts.iss,
    nowMs: opts.nowMs,
    required: ['iss', 'aud', 'jti', 'exp', 'iat'],
  });
  if (!verdict.ok) return verdict;
  const { iss, aud, jti, iat, exp, scope } = verdict.claims;
  if (typeof iss !== 'string' || typeof aud !== 'string' || typeof jti !== 'string') {
    return { ok: false, reason: 'claims' };
  }
  if (typeof iat !== 'number' || typeof exp !== 'number' || typeof scope !== 'string') {
    return { ok: false, reason: 'claims' };
  }
  return { ok: true, claims: { iss, aud, jti, iat, exp, scope } };
}
