import { randomBytes, randomInt } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `n` random letters and digits (aN): the 개별인증 `state` (aN(40): 40 characters ≈ 238 bits). */
export function randomAlnum(n: number): string {
  let out = '';
  while (out.length < n) {
    for (const b of randomBytes(n * 2)) {
      // 248 = 4 × 62: rejection sampling keeps the characters uniform.
      if (b < 248 && out.length < n) out += ALNUM[b % 62];
    }
  }
  return out;
}

/** `n` random decimal digits (the serial part of 통합인증 tx_id and sign_tx_id). */
export function randomDigits(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += String(randomInt(10));
  return out;
}

/** An opaque id for the app (flows, tickets): 24 random bytes, base64url. */
export function opaqueId(prefix: string): string {
  return `${prefix}_${randomBytes(18).toString('base64url')}`;
}
