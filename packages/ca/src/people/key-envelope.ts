import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * A person's private key at rest: AES-256-GCM under the CA's key-encryption key, with additional
 * authenticated data naming the person row, so a ciphertext copied to another row does not decrypt.
 * Stored as base64 of version(1) | iv(12) | tag(16) | ciphertext.
 */
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The AAD that binds a sealed key to its person. */
export function personKeyAad(personId: string): Buffer {
  return Buffer.from(`hannun-ca/person-key/v1/${personId}`, 'utf8');
}

export function sealKey(plaintext: string, key: Buffer, aad: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]).toString('base64');
}

/** Opens a sealed key; throws when the key, the AAD or a single byte is wrong. */
export function openKey(sealed: string, key: Buffer, aad: Buffer): string {
  const raw = Buffer.from(sealed, 'base64');
  if (raw.length <= 1 + IV_BYTES + TAG_BYTES || raw[0] !== VERSION) throw new Error('sealed key: unknown format');
  const iv = raw.subarray(1, 1 + IV_BYTES);
  const tag = raw.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(raw.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}
