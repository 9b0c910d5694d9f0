import { randomUUID } from 'node:crypto';
import { SUPPORT_SCOPE } from '@hannun/spec';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { SigningKey } from '../tokens/signing-keys.ts';

/** The JWS `typ` of a 지원-101 token: never mistaken for an information-API access token. */
export const SUPPORT_TOKEN_TYPE = 'manage+jwt';

/** A 지원-101 token: iss the institution, aud the portal, scope manage, no refresh token. */
export async function mintSupportToken(
  key: SigningKey,
  opts: { readonly aud: string; readonly nowMs: number; readonly lifetimeSeconds: number },
): Promise<string> {
  const iat = Math.floor(opts.nowMs / 1000);
  return new SignJWT({ scope: SUPPORT_SCOPE })
    .setProtectedHeader({ alg: 'ES256', typ: SUPPORT_TOKEN_TYPE, kid: key.kid })
    .setIssuer(key.orgCode)
    .setAudience(opts.aud)
    .setJti(randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(iat + opts.lifetimeSeconds)
    .sign(key.privateKey);
}

export type SupportTokenVerdict =
  | { readonly ok: true; readonly aud: string; readonly scope: string }
  | { readonly ok: false; readonly reason: string };

/** Verify a token presented at 지원-102: this institution's key and issuer, the support type, not expired. */
export async function verifySupportToken(token: string, key: SigningKey, nowMs: number): Promise<SupportTokenVerdict> {
  try {
    const { payload } = await jwtVerify(token, key.publicKey, {
      algorithms: ['ES256'],
      issuer: key.orgCode,
      typ: SUPPORT_TOKEN_TYPE,
      currentDate: new Date(nowMs),
      requiredClaims: ['aud', 'exp', 'jti'],
    });
    if (typeof payload.aud !== 'string' || typeof payload.scope !== 'string') return { ok: false, reason: 'claims' };
    return { ok: true, aud: payload.aud, scope: payload.scope };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
    return { ok: false, reason: error instanceof Error ? error.constructor.name : 'malformed' };
  }
}
