import { hkdfSync, randomBytes } from 'node:crypto';

/** A storage key is 256 random bits, kept in the service's secrets in the data directory (never in the database). */
export const STORAGE_KEY_BYTES = 32;

/** A fresh storage key. */
export function generateStorageKey(): Buffer {
  return randomBytes(STORAGE_KEY_BYTES);
}

/**
 * A 32-byte key for one purpose, derived from a storage key (HKDF-SHA256): the sealing key and each blind
 * index's key are independent, so one of them leaking says nothing about the others.
 */
export function deriveStorageSubkey(storageKey: Buffer, purpose: string): Buffer {
  if (storageKey.length !== STORAGE_KEY_BYTES) {
    throw new TypeError(`a storage key must be ${STORAGE_KEY_BYTES} bytes (got ${storageKey.length})`);
  }
  return Buffer.from(hkdfSync('sha256', storageKey, 'hannun-storage', purpose, STORAGE_KEY_BYTES));
}
