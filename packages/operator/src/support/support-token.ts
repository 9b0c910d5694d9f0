import { createPrivateKey, createPublicKey, randomUUID } from 'node:crypto';
import type { SigningKey } from '@hannun/pki';
import { SUPPORT_SCOPE } from '@hannun/spec';
import { errors, jwtVerify, SignJWT } from 'jose';

/** The JWS `typ` of a 지원-101 token: never mistaken for another token of the operator. */
export const SUPPORT_TOKEN_TYPE = 'manage+jwt';

/** A 지원-101 token: ES256 with the operator's signing key, iss the operator, aud the portal, scope manage. */
export async function mintSupportToken(
  key: SigningKey,
  o: { readonly iss: string; readonly aud: string; readonly nowMs: number; readonly lifetimeSeconds: number },
): Promise<string> {
  const iat = Math.floor(o.nowMs / 1000);
  return new SignJWT({ scope: SUPPORT_SCOPE })
    .setProtectedHeader({ alg: 'ES256', typ: SUPPORT_TOKEN_TYPE, kid: key.kid })
    .setIssuer(o.iss)
    .setAudience(o.aud)
    .setJti(randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(iat + o.lifetimeSeconds)
    .sign(createPrivateKey(key.privateKeyPem));
}

export type SupportTokenVerdict =
  | { readonly ok: true; readonly aud: string; readonly scope: string }
  | { readonly ok: false; readonly reason: string };

/** A token presented at 지원-103/104: this operator's key and issuer, the support type, not expired. */
export async function verifySupportToken(
  token: string,
  key: SigningKey,
  o: { readonly iss: string; readonly nowMs: number },
): Promise<SupportTokenVerdict> {
  try {
    const { payload } = await jwtVerify(token, createPublicKey(key.publicKeyPem), {
      algorithms: ['ES256'],
      issuer: o.iss,
      typ: SUPPORT_TOKEN_TYPE,
      currentDate: new Date(o.nowMs),
      requiredClaims: ['aud', 'exp', 'jti'],
    });
    if (typeof payload.aud !== 'string' || typeof payload.scope !== 'string') return { ok: false, reason: 'claims' };
    return { ok: true, aud: payload.aud, scope: payload.scope };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
    return { ok: false, reason: error instanceof Error ? error.constructor.name : 'malformed' };
  }
}
