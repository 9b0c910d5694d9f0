import { EC_ALGORITHM } from './algorithm.ts';
import { type CryptoKeyPair, subtle } from './x509.ts';

/** A fresh, extractable ECDSA P-256 key pair (extractable so it can be written to the store). */
export async function generateKeyPair(): Promise<CryptoKeyPair> {
  return subtle.generateKey(EC_ALGORITHM, true, ['sign', 'verify']);
}
