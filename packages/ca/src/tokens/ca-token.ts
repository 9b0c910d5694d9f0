import { createPrivateKey, createPublicKey, type KeyObject, randomUUID } from 'node:crypto';
import type { SigningKey } from '@hannun/pki';
import { CA_SCOPE } from '@hannun/spec';
import { errors, jwtVerify, SignJWT } from 'jose';

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
  const token = await new SignJWT({ scope: claims.scope })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: key.kid })
    .setIssuer(claims.iss)
    .setAudience(claims.aud)
    .setJti(claims.jti)
    .setIssuedAt(claims.iat)
    .setExpirationTime(claims.exp)
    .sign(key.privateKey);
  return { token, claims };
}

export type CaTokenVerdict =
  | { readonly ok: true; readonly claims: CaTokenClaims }
  | { readonly ok: false; readonly reason: 'malformed' | 'signature' | 'expired' | 'issuer' | 'claims' };

/**
 * Verify a bearer token presented to the CA: ES256 by the CA's own key, iss = the CA, not expired on the
 * CA clock. Scope and audience are the caller's checks (40104 and the mTLS peer).
 */
export async function verifyCaToken(
  token: string,
  key: CaTokenKey,
  opts: { readonly iss: string; readonly nowMs: number },
): Promise<CaTokenVerdict> {
  try {
    const { payload } = await jwtVerify(token, key.publicKey, {
      algorithms: ['ES256'],
      issuer: opts.iss,
      currentDate: new Date(opts.nowMs),
      requiredClaims: ['iss', 'aud', 'jti', 'exp', 'iat'],
    });
    const { iss, aud, jti, iat, exp, scope } = payload;
    if (typeof iss !== 'string' || typeof aud !== 'string' || typeof jti !== 'string') {
      return { ok: false, reason: 'claims' };
    }
    if (typeof iat !== 'number' || typeof exp !== 'number' || typeof scope !== 'string') {
      return { ok: false, reason: 'claims' };
    }
    return { ok: true, claims: { iss, aud, jti, iat, exp, scope } };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
    if (error instanceof errors.JWSSignatureVerificationFailed) return { ok: false, reason: 'signature' };
    if (error instanceof errors.JWTClaimValidationFailed) {
      return { ok: false, reason: error.claim === 'iss' ? 'issuer' : 'claims' };
    }
    return { ok: false, reason: 'malformed' };
  }
}
