import { claimsOf, parseEs256Jws, verifyEs256 } from '@hannun/pki';
import { REFRESH_TYP, REFRESH_USE } from './refresh-token.ts';
import type { SigningKey } from './signing-keys.ts';

export interface OwnToken {
  readonly kind: 'access' | 'refresh';
  readonly jti: string;
  readonly sub: string;
}

/**
 * Any token this institution signed, whatever its expiry (개별인증-004 revokes expired access tokens too:
 * a withdrawal must always work): the signature is checked, the claims are only read. undefined for
 * anything that is not a JWS of ours.
 */
export async function readOwnToken(token: string, key: SigningKey): Promise<OwnToken | undefined> {
  const jws = parseEs256Jws(token);
  if (!jws || !verifyEs256(jws, key.publicKey)) return undefined;
  const claims = claimsOf(jws);
  if (claims?.['iss'] !== key.orgCode) return undefined;
  const { jti, sub } = claims;
  if (typeof jti !== 'string' || typeof sub !== 'string') return undefined;
  const refresh = jws.header['typ'] === REFRESH_TYP && claims['token_use'] === REFRESH_USE;
  return { kind: refresh ? 'refresh' : 'access', jti, sub };
}
