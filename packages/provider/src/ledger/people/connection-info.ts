import { Rng } from '../random/rng.ts';

/**
 * The CI (연계정보): 64 bytes derived from the person, sent as Base64 of 88 characters. Ours are 64
 * pseudo-random bytes from the ledger seed and the customer's number, so they are stable and unique.
 */
export function connectionInfo(seed: number, customer: number): string {
  const bytes = new Uint8Array(64);
  const rng = Rng.of(seed, customer, 0x0c1);
  for (let i = 0; i < 64; i++) bytes[i] = rng.int(256);
  return Buffer.from(bytes).toString('base64');
}
