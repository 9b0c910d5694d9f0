import { hkdfSync, randomBytes } from 'node:crypto';
import { KeyRingError } from './crypto-errors.ts';

/** The file and environment format of the operator's keys. */
export const KEY_RING_FORMAT = 'hannun-operator-keys/1';
const KEY_BYTES = 32;

/**
 * The operator's own secrets (never in the database):
 * - key-encryption keys (KEK) by version: they wrap each person's data key; `current` wraps new ones, older
 *   versions stay until every data key is rewrapped (`rewrapDataKeys`);
 * - the index key, from which HKDF derives the blind-index keys (one per column), the password pepper, the
 *   CSRF key and the key of hashed row ids. It is not versioned: changing it invalidates every blind index.
 */
export interface KeyRing {
  readonly current: number;
  readonly keks: ReadonlyMap<number, Buffer>;
  readonly indexKey: Buffer;
}

/** The JSON form (file or HANNUN_OPERATOR_KEYS): keys as base64. */
export interface KeyRingFile {
  readonly format: typeof KEY_RING_FORMAT;
  readonly current: number;
  readonly kek: Readonly<Record<string, string>>;
  readonly index: string;
}

/** A fresh key ring: KEK version 1 and an index key, 256 random bits each. */
export function generateKeyRing(): KeyRing {
  return { current: 1, keks: new Map([[1, randomBytes(KEY_BYTES)]]), indexKey: randomBytes(KEY_BYTES) };
}

/** The same ring with a new current KEK (version + 1); the old versions stay to unwrap existing keys. */
export function withNewKek(ring: KeyRing): KeyRing {
  const next = Math.max(...ring.keks.keys()) + 1;
  return { current: next, keks: new Map([...ring.keks, [next, randomBytes(KEY_BYTES)]]), indexKey: ring.indexKey };
}

export function keyRingToFile(ring: KeyRing): KeyRingFile {
  return {
    format: KEY_RING_FORMAT,
    current: ring.current,
    kek: Object.fromEntries([...ring.keks].map(([v, k]) => [String(v), k.toString('base64')])),
    index: ring.indexKey.toString('base64'),
  };
}

function key(value: unknown, what: string): Buffer {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) {
    throw new KeyRingError(`operator keys: ${what} must be base64`);
  }
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length !== KEY_BYTES) throw new KeyRingError(`operator keys: ${what} must be ${KEY_BYTES} bytes`);
  return bytes;
}

/** Reads the JSON form; a clear KeyRingError (naming the field, never a key) when it is wrong. */
export function keyRingFromJson(text: string): KeyRing {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new KeyRingError('operator keys: not JSON');
  }
  if (typeof raw !== 'object' || raw === null) throw new KeyRingError('operator keys: not an object');
  const r = raw as Record<string, unknown>;
  if (r.format !== KEY_RING_FORMAT) throw new KeyRingError(`operator keys: format must be ${KEY_RING_FORMAT}`);
  if (typeof r.kek !== 'object' || r.kek === null) throw new KeyRingError('operator keys: kek is missing');
  const keks = new Map<number, Buffer>();
  for (const [v, k] of Object.entries(r.kek as Record<string, unknown>)) {
    if (!/^[1-9][0-9]{0,8}$/.test(v)) throw new KeyRingError(`operator keys: kek version "${v}" is not a number`);
    keks.set(Number(v), key(k, `kek.${v}`));
  }
  if (typeof r.current !== 'number' || !keks.has(r.current)) {
    throw new KeyRingError('operator keys: current must name one of the kek versions');
  }
  return { current: r.current, keks, indexKey: key(r.index, 'index') };
}

/** A 32-byte key derived from the index key for one purpose (HKDF-SHA256). */
export function deriveKey(ring: KeyRing, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', ring.indexKey, 'hannun-operator', purpose, KEY_BYTES));
}
