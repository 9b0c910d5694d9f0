import { type Algorithm, hash, parseOptions, verify } from '@node-rs/argon2';

// Algorithm is a const enum in the binding's types, which isolatedModules cannot read: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

/** argon2id at OWASP's floor: 19 MiB, 2 passes, 1 lane (stack-notes §6: ~24 ms here). */
export const PASSWORD_HASH_PARAMS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * The stored form of a password: argon2id (PHC string) with the operator's pepper as argon2's `secret`, so
 * a copy of the database without the key ring is useless to a brute-forcer.
 */
export function hashPassword(password: string, pepper: Buffer): Promise<string> {
  return hash(password, { ...PASSWORD_HASH_PARAMS, secret: pepper });
}

export function passwordMatches(stored: string, password: string, pepper: Buffer): Promise<boolean> {
  return verify(stored, password, { secret: pepper }).catch(() => false);
}

/** Whether a stored hash was made with weaker parameters than today's (rehash at the next login). */
export function needsRehash(stored: string): boolean {
  const p = parseOptions(stored);
  return (
    p.memoryCost < PASSWORD_HASH_PARAMS.memoryCost ||
    p.timeCost < PASSWORD_HASH_PARAMS.timeCost ||
    p.algorithm !== ARGON2ID
  );
}

let dummy: Promise<string> | undefined;

/**
 * A hash of nothing anyone knows: a login for an unknown name verifies against it, so it takes as long as
 * one for a real person and the answer's timing does not say which names exist.
 */
export function dummyPasswordHash(pepper: Buffer): Promise<string> {
  dummy ??= hashPassword(`dummy-${Math.random()}`, pepper);
  return dummy;
}
