import { createHmac, randomBytes } from 'node:crypto';

/**
 * TOTP (RFC 6238 over RFC 4226 HOTP) with node:crypto: HMAC-SHA1, 30-second steps, 6 digits — what every
 * authenticator app accepts. Secrets are 20 random bytes, shown to the person as base32.
 */
export interface TotpOptions {
  readonly digits?: number;
  readonly stepSeconds?: number;
  readonly algorithm?: 'sha1' | 'sha256' | 'sha512';
}

const DEFAULTS: Required<TotpOptions> = { digits: 6, stepSeconds: 30, algorithm: 'sha1' };

export function totpStep(timeMs: number, stepSeconds: number = DEFAULTS.stepSeconds): number {
  return Math.floor(timeMs / 1000 / stepSeconds);
}

/** HOTP value of one counter (RFC 4226 §5.3, dynamic truncation). */
export function hotp(
  secret: Buffer,
  counter: number,
  digits = 6,
  algorithm: TotpOptions['algorithm'] = 'sha1',
): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm ?? 'sha1', secret)
    .update(msg)
    .digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export function totp(secret: Buffer, timeMs: number, opts: TotpOptions = {}): string {
  const o = { ...DEFAULTS, ...opts };
  return hotp(secret, totpStep(timeMs, o.stepSeconds), o.digits, o.algorithm);
}

/**
 * The time step whose code `code` is, within ±`window` steps of now (clock drift), or undefined. The
 * caller refuses a step not after the last one accepted (a code is used once).
 */
export function matchTotp(
  secret: Buffer,
  code: string,
  timeMs: number,
  opts: TotpOptions & { readonly window?: number } = {},
): number | undefined {
  const o = { ...DEFAULTS, ...opts };
  if (!new RegExp(`^\\d{${o.digits}}$`).test(code)) return undefined;
  const now = totpStep(timeMs, o.stepSeconds);
  const window = opts.window ?? 1;
  let found: number | undefined;
  // Every candidate is computed (no early exit), so timing does not say which step matched.
  for (let step = now - window; step <= now + window; step++) {
    if (hotp(secret, step, o.digits, o.algorithm) === code && found === undefined) found = step;
  }
  return found;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/=+$/, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const i = ALPHABET.indexOf(ch);
    if (i < 0) throw new TypeError('not base32');
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** The otpauth:// URI an authenticator app scans (Key Uri Format). */
export function otpauthUri(secretBase32: string, account: string, issuer = 'Hannun'): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  return `otpauth://totp/${label}?secret=${secretBase32}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}
