import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aeadOpen, aeadSeal, aeadVersion } from './aead.ts';

describe('aead (AES-256-GCM, versioned header)', () => {
  const key = randomBytes(32);
  const aad = Buffer.from('place');

  it('opens what it sealed with the same key and AAD; names the key version', () => {
    const sealed = aeadSeal(key, 7, aad, Buffer.from('secret'));
    expect(aeadVersion(sealed)).toBe(7);
    expect(aeadOpen(key, aad, sealed)?.toString()).toBe('secret');
  });

  it('another key, another AAD, a flipped byte or a short text: undefined', () => {
    const sealed = aeadSeal(key, 1, aad, Buffer.from('secret'));
    expect(aeadOpen(randomBytes(32), aad, sealed)).toBeUndefined();
    expect(aeadOpen(key, Buffer.from('elsewhere'), sealed)).toBeUndefined();
    const raw = Buffer.from(sealed, 'base64');
    raw[20] = (raw[20] ?? 0) ^ 0xff;
    expect(aeadOpen(key, aad, raw.toString('base64'))).toBeUndefined();
    expect(aeadOpen(key, aad, 'c2hvcnQ=')).toBeUndefined();
    expect(aeadVersion('c2hvcnQ=')).toBeUndefined();
  });
});
