import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { Pki } from '@hannun/pki';
import { type Institution, type SigningKeys, signingKeysOf } from '@hannun/provider';
import { pkiIdOf } from '../ecosystem/demo-organisations.ts';

/**
 * The institutions' token signing keys, from the PKI: each institution signs with its own ES256 key
 * (`pki.org(id).signing`), under the key's JWK thumbprint as `kid`. The PKI keeps the keys across restarts,
 * so tokens issued before a restart still verify after it; `hannun pki rotate --org <id> --signing` replaces one.
 */
export function institutionSigningKeys(pki: Pki, institutions: readonly Institution[]): SigningKeys {
  return signingKeysOf(
    institutions.map((institution) => {
      const signing = pki.org(pkiIdOf(institution.orgCode)).signing;
      if (signing === null) throw new Error(`the PKI holds no signing key for ${institution.orgCode}`);
      return {
        orgCode: institution.orgCode,
        kid: signing.kid,
        privateKey: createPrivateKey(signing.privateKeyPem),
        publicKey: createPublicKey(signing.publicKeyPem),
      };
    }),
  );
}
