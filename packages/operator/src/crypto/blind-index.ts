import { createHmac } from 'node:crypto';
import { deriveKey, type KeyRing } from './key-ring.ts';

/**
 * HMAC-SHA256 blind indexes for equality search over sealed values (account numbers, CI, login names,
 * tokens): `index(column, value)` is the same for the same value in the same column, different across
 * columns (a key per column, HKDF from the index key), and says nothing about the value without the key.
 * Operator-wide (not per person), so it finds a CI at sign-up and the same token in two people's rows.
 */
export class BlindIndex {
  readonly #ring: KeyRing;
  readonly #keys = new Map<string, Buffer>();

  constructor(ring: KeyRing) {
    this.#ring = ring;
  }

  /** base64url, 43 characters. */
  index(column: string, value: string): string {
    let key = this.#keys.get(column);
    if (!key) {
      key = deriveKey(this.#ring, `blind-index|${column}`);
      this.#keys.set(column, key);
    }
    return createHmac('sha256', key).update(value, 'utf8').digest('base64url');
  }
}
