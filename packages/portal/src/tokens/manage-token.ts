import { createPrivateKey, createPublicKey, type KeyObject, randomUUID } from 'node:crypto';
import type { SigningKey } from '@hannun/pki';
import { SUPPORT_SCOPE } from '@hannun/spec';
import { errors, jwtVerify, SignJWT } from 'jose';

/** The longest a support-API token may live (지원-001: at most a year, no refresh token). */
export const MAX_MANAGE_TOKEN_SECONDS = 365 * 24 * 3600;

/** The claims of a portal support-API token (지원-001): JWS ES256, signed with the portal's signing key. */
export interface ManageTokenClaims {
  /** The portal's org_code. */
  readonly iss: string;
  /** The organisation it was issued to. */
  readonly aud: string;
  readonly scope: string;
  readonly jti: string;
  readonly iat: number;
  readonly exp: number;
}

export interface ManageTokenKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/** The portal's token key: its organisation's ES256 signing key from @hannun/pki. */
export function manageTokenKey(signing: SigningKey): ManageTokenKey {
  return {
    kid: signing.kid,
    privateKey: createPrivateKey(signing.privateKeyPem),
    publicKey: createPublicKey(signing.publicKeyPem),
  };
}

export async function mintManageToken(
  key: ManageTokenKey,
  opts: { readonly iss: string; readonly aud: string; readonly nowMs: number; readonly lifetimeSeconds: number },
): Promise<{ token: string; claims: ManageTokenClaims }> {
  if (opts.lifetimeSeconds <= 0 || opts.lifetimeSeconds > MAX_MANAGE_TOKEN_SECONDS) {
    throw new RangeError(`a support-API token lives 1 s to ${MAX_MANAGE_TOKEN_SECONDS} s (one year)`);
  }
  const iat = Math.floor(opts.nowMs / 1000);
  const claims: ManageTokenClaims = {
    iss: opts.iss,
    aud: opts.aud,
    scope: SUPPORT_SCOPE,
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

export type ManageTokenVerdict =
  | { readonly ok: true; readonly claims: ManageTokenClaims }
  | { readonly ok: false; readonly reason: 'malformed' | 'signature' | 'expired' | 'issuer' | 'claims' };

/** Verify a token presented to the portal: ES256 by the portal's key, iss = the portal, not expired. */
export async function verifyManageToken(
  token: string,
  key: ManageTokenKey,
  opts: { readonly iss: string; readonly nowMs: number },
): Promise<ManageTokenVerdict> {
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
