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

describe('aead IVs (pooled CSPRNG output)', () => {
  const key = randomBytes(32);
  const aad = Buffer.from('place');

  it('gives 100,000 seals 100,000 distinct IVs, and every one of them opens', () => {
    const ivs = new Set<string>();
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const text = `value ${i}`;
      const sealed = aeadSeal(key, 3, aad, Buffer.from(text));
      const raw = Buffer.from(sealed, 'base64');
      ivs.add(raw.subarray(5, 17).toString('hex'));
      if (i % 997 === 0 || i === n - 1) expect(aeadOpen(key, aad, sealed)?.toString()).toBe(text);
    }
    expect(ivs.size).toBe(n);
    // Not a counter nor a constant: the IVs' bytes are spread over all values (a zero IV would stand out).
    expect(ivs.has('0'.repeat(24))).toBe(false);
  });

  it('seals the same text twice as different ciphertexts; long and empty texts round-trip', () => {
    const a = aeadSeal(key, 1, aad, Buffer.from('same'));
    const b = aeadSeal(key, 1, aad, Buffer.from('same'));
    expect(a).not.toBe(b);
    const long = randomBytes(10_000);
    expect(aeadOpen(key, aad, aeadSeal(key, 1, aad, long))?.equals(long)).toBe(true);
    expect(aeadOpen(key, aad, aeadSeal(key, 1, aad, Buffer.alloc(0)))?.length).toBe(0);
  });
});
