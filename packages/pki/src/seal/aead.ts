import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM with a key version in the header, as base64 text (portable across SQLite and PostgreSQL):
 *
 *   format(1) = 0x01 | key version (uint32, big-endian) | iv(12) | tag(16) | ciphertext
 *
 * The key version is also part of the additional authenticated data the caller builds, so it cannot be
 * swapped either. A fresh random IV per seal: sealing the same text twice gives different ciphertexts.
 */
const FORMAT = 1;
const HEADER = 1 + 4;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * IVs are cut from a pooled buffer of CSPRNG output (341 IVs per `randomBytes` call instead of one): still
 * independent, uniformly random 96-bit IVs, each used once; a spent pool is replaced, never refilled in place.
 */
const POOL_BYTES = IV_BYTES * 341;
let pool = Buffer.alloc(0);
let pooled = 0;

function nextIv(into: Buffer, at: number): void {
  if (pooled + IV_BYTES > pool.length) {
    pool = randomBytes(POOL_BYTES);
    pooled = 0;
  }
  pool.copy(into, at, pooled, pooled + IV_BYTES);
  pooled += IV_BYTES;
}

export function aeadSeal(key: Buffer, version: number, aad: Buffer, plaintext: Buffer): string {
  const out = Buffer.allocUnsafe(HEADER + IV_BYTES + TAG_BYTES + plaintext.length);
  out.writeUInt8(FORMAT, 0);
  out.writeUInt32BE(version, 1);
  nextIv(out, HEADER);
  const cipher = createCipheriv('aes-256-gcm', key, out.subarray(HEADER, HEADER + IV_BYTES));
  cipher.setAAD(aad);
  const body = cipher.update(plaintext);
  const tail = cipher.final();
  cipher.getAuthTag().copy(out, HEADER + IV_BYTES);
  body.copy(out, HEADER + IV_BYTES + TAG_BYTES);
  if (tail.length > 0)
    return Buffer.concat([out.subarray(0, HEADER + IV_BYTES + TAG_BYTES + body.length), tail]).toString('base64');
  return out.toString('base64');
}

/** The key version a sealed value names, or undefined when it is not one of ours. */
export function aeadVersion(sealed: string): number | undefined {
  const raw = Buffer.from(sealed, 'base64');
  if (raw.length < HEADER + IV_BYTES + TAG_BYTES || raw[0] !== FORMAT) return undefined;
  return raw.readUInt32BE(1);
}

/** The plaintext, or undefined when the key, the AAD or any byte is wrong (GCM authentication failed). */
export function aeadOpen(key: Buffer, aad: Buffer, sealed: string): Buffer | undefined {
  const raw = Buffer.from(sealed, 'base64');
  if (raw.length < HEADER + IV_BYTES + TAG_BYTES || raw[0] !== FORMAT) return undefined;
  const iv = raw.subarray(HEADER, HEADER + IV_BYTES);
  const tag = raw.subarray(HEADER + IV_BYTES, HEADER + IV_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(raw.subarray(HEADER + IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    return undefined;
  }
}
