import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { JWS_ALG } from './algorithm.ts';

/** The public half of an ES256 key as a JWK, ready for a JWKS (`{ keys: [publicJwk] }`). */
export interface PublicSigningJwk {
  readonly kty: 'EC';
  readonly crv: 'P-256';
  readonly x: string;
  readonly y: string;
  /** RFC 7638 JWK thumbprint (SHA-256, base64url). */
  readonly kid: string;
  readonly alg: typeof JWS_ALG;
  readonly use: 'sig';
}

/**
 * A JWS signing key pair (ES256) for an organisation that signs tokens or consents.
 * `privateKeyPem` is secret: never log it. jose takes it with `importPKCS8(privateKeyPem, 'ES256')`,
 * node:crypto with `createPrivateKey(privateKeyPem)` and `sign(…, { dsaEncoding: 'ieee-p1363' })`.
 */
export interface SigningKey {
  readonly alg: typeof JWS_ALG;
  readonly kid: string;
  /** PKCS#8 PEM. */
  readonly privateKeyPem: string;
  /** SPKI PEM. */
  readonly publicKeyPem: string;
  readonly publicJwk: PublicSigningJwk;
}

/** A new ES256 key pair. */
export function generateSigningKey(): SigningKey {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return signingKeyOf(privateKey);
}

/** The signing key whose private half is this PKCS#8 PEM (the store keeps only that and derives the rest). */
export function signingKeyFromPem(privateKeyPem: string): SigningKey {
  return signingKeyOf(createPrivateKey(privateKeyPem));
}

function signingKeyOf(privateKey: KeyObject): SigningKey {
  if (privateKey.asymmetricKeyType !== 'ec' || privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new TypeError('an ES256 signing key must be an EC key on P-256');
  }
  const publicKey = createPublicKey(privateKey);
  const jwk = publicKey.export({ format: 'jwk' });
  const { x, y } = jwk;
  if (x === undefined || y === undefined) throw new TypeError('EC public key without coordinates');
  const kid = jwkThumbprint(x, y);
  return {
    alg: JWS_ALG,
    kid,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    publicJwk: { kty: 'EC', crv: 'P-256', x, y, kid, alg: JWS_ALG, use: 'sig' },
  };
}

/** RFC 7638 §3.2: the required members in lexicographic order, no whitespace. */
function jwkThumbprint(x: string, y: string): string {
  const canonical = JSON.stringify({ crv: 'P-256', kty: 'EC', x, y });
  return createHash('sha256').update(canonical).digest('base64url');
}
