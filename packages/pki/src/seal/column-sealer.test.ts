import { describe, expect, it } from 'vitest';
import { aeadVersion } from './aead.ts';
import { createColumnSealer } from './column-sealer.ts';
import { SealError } from './seal-error.ts';
import { generateStorageKey } from './storage-key.ts';

const CI = 'Yb0w3m1x8S4cq7y2J9nRkA4pT6vZ1hQeL0sWuX3dG5fN8bC2jM7aK9rE4tY6iO1pU3lH0zV5gD8wS2xF7cB9nMqA==';

describe('ColumnSealer', () => {
  const sealer = createColumnSealer(generateStorageKey());

  it('seals a value so that it opens at the same place, and the sealed text does not contain it', () => {
    const sealed = sealer.seal('ca_person', 'sealed_ci', 'person-1', CI);
    expect(sealed).not.toContain(CI);
    expect(Buffer.from(sealed, 'base64').toString('latin1')).not.toContain(CI);
    expect(aeadVersion(sealed)).toBe(1);
    expect(sealer.open('ca_person', 'sealed_ci', 'person-1', sealed)).toBe(CI);
  });

  it('sealing the same value twice gives two different texts (a fresh IV each time)', () => {
    expect(sealer.seal('t', 'c', 'r', CI)).not.toBe(sealer.seal('t', 'c', 'r', CI));
  });

  it('a value moved to another table, column or row, or altered, does not open (SealError naming the place)', () => {
    const sealed = sealer.seal('provider_consent', 'sealed_ci', 'c-1', CI);
    const attempts = [
      () => sealer.open('provider_token_pair', 'sealed_ci', 'c-1', sealed),
      () => sealer.open('provider_consent', 'sealed_assets', 'c-1', sealed),
      () => sealer.open('provider_consent', 'sealed_ci', 'c-2', sealed),
      () => sealer.open('provider_consent', 'sealed_ci', ['c', '-1'], sealed),
    ];
    for (const attempt of attempts) expect(attempt).toThrow(SealError);
    const raw = Buffer.from(sealed, 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => sealer.open('provider_consent', 'sealed_ci', 'c-1', raw.toString('base64'))).toThrow(
      /provider_consent\.sealed_ci of row c-1 does not open/,
    );
  });

  it('a composite row key binds every part; its parts may hold any character', () => {
    const sealed = sealer.seal('ca_signature', 'sealed_signed_consent', ['cert|1', 'tx/1'], 'jws');
    expect(sealer.open('ca_signature', 'sealed_signed_consent', ['cert|1', 'tx/1'], sealed)).toBe('jws');
    expect(() => sealer.open('ca_signature', 'sealed_signed_consent', ['cert', '1|tx/1'], sealed)).toThrow(SealError);
  });

  it('another storage key does not open it; clear text is no sealed value', () => {
    const sealed = sealer.seal('t', 'c', 'r', CI);
    expect(() => createColumnSealer(generateStorageKey()).open('t', 'c', 'r', sealed)).toThrow(/another storage key/);
    expect(() => sealer.open('t', 'c', 'r', CI)).toThrow(/t\.c of row r is not a sealed value/);
  });

  it('the message of a failure never holds the value', () => {
    try {
      sealer.open('t', 'c', 'r', CI);
      expect.unreachable();
    } catch (error) {
      expect((error as SealError).code).toBe('SEALED_VALUE');
      expect((error as Error).message).not.toContain(CI);
    }
  });

  it('optional columns: null stays null', () => {
    expect(sealer.sealOptional('t', 'c', 'r', null)).toBeNull();
    expect(sealer.sealOptional('t', 'c', 'r', undefined)).toBeNull();
    expect(sealer.openOptional('t', 'c', 'r', null)).toBeNull();
    expect(sealer.openOptional('t', 'c', 'r', sealer.sealOptional('t', 'c', 'r', 'x'))).toBe('x');
  });

  it('refuses an empty table, column or row key, and a storage key of the wrong size', () => {
    expect(() => sealer.seal('', 'c', 'r', 'x')).toThrow(TypeError);
    expect(() => sealer.seal('t', 'c', [], 'x')).toThrow(TypeError);
    expect(() => sealer.seal('t', 'c', ['a', ''], 'x')).toThrow(TypeError);
    expect(() => createColumnSealer(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});
