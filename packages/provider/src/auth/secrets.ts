import { createHash, randomBytes, randomInt } from 'node:crypto';

/** A random identifier or secret: base64url of `bytes` random bytes (aNS; 64 bytes → 86 characters). */
export function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 hex: how codes and one-time codes are stored and looked up. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** A 6-digit one-time code, uniformly random. */
export function sixDigits(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}
