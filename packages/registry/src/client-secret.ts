import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A new client_id or client_secret: aN(50), uniformly random (rejection sampling, no modulo bias). */
export function newClientCredential(length = 50): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHANUMERIC[byte % 62];
    }
  }
  return out;
}

/** SHA-256 hex of a client secret: what the registry stores. */
export function hashClientSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Whether `secret` is the one whose hash is stored, in constant time. */
export function clientSecretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashClientSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** What starts a client-secret verifier (see {@link clientSecretVerifier}). */
export const VERIFIER_PREFIX = 'S256';
const VERIFIER_DIGITS = 43; // 62^43 > 2^256
const VERIFIER = new RegExp(`^${VERIFIER_PREFIX}[A-Za-z0-9]{${VERIFIER_DIGITS}}$`);

/**
 * The verifier the portal sends in 지원-003's `client_secret` instead of the secret itself: `S256` and the
 * SHA-256 of the secret in 43 base-62 digits (47 characters, so it fits aN(50)). PROVISIONAL, Hannun's choice:
 * the standard sends the secret, but the portal keeps only its hash, and a provider needs no more than the
 * hash to check the secret an operator presents; no participant ever holds another's secret.
 */
export function clientSecretVerifier(secretHash: string): string {
  if (!/^[0-9a-f]{64}$/.test(secretHash)) throw new Error('a client-secret hash is 64 lower-case hex digits');
  let n = BigInt(`0x${secretHash}`);
  let digits = '';
  for (let i = 0; i < VERIFIER_DIGITS; i++) {
    digits = ALPHANUMERIC[Number(n % 62n)]! + digits;
    n /= 62n;
  }
  return `${VERIFIER_PREFIX}${digits}`;
}

/**
 * The SHA-256 hex a 지원-003 `client_secret` stands for: decoded from a verifier (`S256…`), or the hash of
 * the value itself when a portal sent the secret as the standard does. Undefined for an empty value.
 */
export function secretHashFromWire(clientSecret: string): string | undefined {
  if (clientSecret === '') return undefined;
  if (!VERIFIER.test(clientSecret)) return hashClientSecret(clientSecret);
  let n = 0n;
  for (const ch of clientSecret.slice(VERIFIER_PREFIX.length)) n = n * 62n + BigInt(ALPHANUMERIC.indexOf(ch));
  if (n >= 1n << 256n) return undefined;
  return n.toString(16).padStart(64, '0');
}
