import { createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import { EC_ALGORITHM } from './algorithm.ts';
import { type CryptoKey, subtle } from './x509.ts';

/** PKCS#8 PEM of a private key. */
export function privateKeyToPem(key: CryptoKey): string {
  return KeyObject.from(key).export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** A PKCS#8 PEM private key as a WebCrypto signing key (for issuing certificates with it). */
export async function importSigningKey(pem: string): Promise<CryptoKey> {
  const der = createPrivateKey(pem).export({ type: 'pkcs8', format: 'der' });
  return subtle.importKey('pkcs8', der, EC_ALGORITHM, false, ['sign']);
}

/** The DER SubjectPublicKeyInfo of the public half of a private key, to match a key with its certificate. */
export function publicKeyDerOf(privateKeyPem: string): Buffer {
  return createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'der' });
}
