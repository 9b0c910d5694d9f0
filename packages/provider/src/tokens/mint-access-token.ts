import type { AccessTokenClaims } from '../consent/consent.ts';
import { signJwtAsync } from '@hannun/pki';
import type { SigningKey } from './signing-keys.ts';

/**
 * Sign an access token (JWS, ES256) with the institution's key. The claims are the provider's
 * AccessTokenClaims (iss = the institution, aud = the operator, sub = the consent, jti, scope, iat, exp in
 * seconds). Until the authentication issue lands, tests and the demo mint tokens with this.
 */
export async function mintAccessToken(key: SigningKey, claims: AccessTokenClaims): Promise<string> {
  if (claims.iss !== key.orgCode) {
    throw new Error(`a token of ${claims.iss} cannot be signed with the key of ${key.orgCode}`);
  }
  const { scope, iss, aud, sub, jti, iat, exp } = claims;
  return signJwtAsync({ typ: 'JWT', kid: key.kid }, { scope, iss, aud, sub, jti, iat, exp }, key.privateKey);
}
