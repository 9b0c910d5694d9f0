import { generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';

/**
 * One institution's token signing key (ES256, P-256). Each institution signs its own tokens, so a token of
 * one institution never verifies at another. Generated at engine start for now; the PKI issue will load
 * them from storage through the same shape.
 */
export interface SigningKey {
  readonly orgCode: string;
  /** Key id, in every token's protected header. */
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/** The signing keys of the engine's institutions, by org_code. */
export interface SigningKeys {
  get(orgCode: string): SigningKey | undefined;
  /** The key of an institution the engine serves; throws for an unknown org_code (a programming error). */
  of(orgCode: string): SigningKey;
}

export function generateSigningKey(orgCode: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { orgCode, kid: `${orgCode}-${randomBytes(6).toString('base64url')}`, privateKey, publicKey };
}

/** A fresh key pair for each org_code (about 0.1 ms each). */
export function generateSigningKeys(orgCodes: Iterable<string>): SigningKeys {
  return signingKeysOf([...orgCodes].map(generateSigningKey));
}

/** Signing keys from existing key pairs (the PKI issue's stored keys). */
export function signingKeysOf(keys: Iterable<SigningKey>): SigningKeys {
  const byOrg = new Map<string, SigningKey>();
  for (const key of keys) byOrg.set(key.orgCode, key);
  return {
    get: (orgCode) => byOrg.get(orgCode),
    of(orgCode) {
      const key = byOrg.get(orgCode);
      if (!key) throw new Error(`no signing key for institution ${orgCode}`);
      return key;
    },
  };
}
