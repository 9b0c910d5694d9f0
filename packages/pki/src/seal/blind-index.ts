import { createHmac } from 'node:crypto';
import { deriveStorageSubkey } from './storage-key.ts';

/**
 * HMAC-SHA256 blind index for equality lookups over a sealed column (a CI): the same value in the same
 * index gives the same text, different indexes give unrelated texts (a key per index name, derived from the
 * storage key), and the text says nothing about the value without the key. base64url, 43 characters.
 */
export type BlindIndex = (name: string, value: string) => string;

export function createBlindIndex(storageKey: Buffer): BlindIndex {
  const keys = new Map<string, Buffer>();
  return (name, value) => {
    const key = keys.get(name) ?? deriveStorageSubkey(storageKey, `blind-index|${name}`);
    keys.set(name, key);
    return createHmac('sha256', key).update(value, 'utf8').digest('base64url');
  };
}
