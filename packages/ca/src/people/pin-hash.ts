import { createHmac } from 'node:crypto';
import { type Algorithm, hash, verify } from '@node-rs/argon2';

/** A PIN is six digits. */
export const PIN_PATTERN = /^[0-9]{6}$/;

// Algorithm is a const enum in the binding's types, which isolatedModules cannot read: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

/** OWASP's argon2id floor: 19 MiB, 2 passes, 1 lane. */
export const PIN_HASH_PARAMS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * HMAC-SHA256(pepper, pin), base64: what argon2id hashes, so a database without the pepper is useless to a
 * brute-forcer. (As text: the binding's verify reads its password argument as UTF-8.)
 */
function peppered(pin: string, pepper: Buffer): string {
  return createHmac('sha256', pepper).update(pin, 'utf8').digest('base64');
}

/** The stored form of a PIN: argon2id (PHC string) over the peppered PIN. Throws on a PIN that is not 6 digits. */
export async function hashPin(pin: string, pepper: Buffer): Promise<string> {
  if (!PIN_PATTERN.test(pin)) throw new TypeError('PIN must be 6 digits');
  return hash(peppered(pin, pepper), PIN_HASH_PARAMS);
}

/** Whether `pin` is the one hashed; false for anything that is not 6 digits (no hash is even computed). */
export async function pinMatches(stored: string, pin: string, pepper: Buffer): Promise<boolean> {
  if (!PIN_PATTERN.test(pin)) return false;
  return verify(stored, peppered(pin, pepper));
}
