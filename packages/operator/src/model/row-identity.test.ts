import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalKeys, contentHash, fingerprint, type PlainRow } from './row-identity.ts';

/** The canonical form as first defined: JSON of the [column, value] pairs, columns sorted, absent → null. */
const reference = (row: PlainRow) =>
  JSON.stringify(
    Object.keys(row)
      .sort()
      .map((k) => [k, row[k] ?? null]),
  );

const value = fc.oneof(
  fc.string(),
  fc.constant(null),
  fc.array(fc.dictionary(fc.string(), fc.string()), { maxLength: 3 }),
);
const rows = fc.dictionary(fc.string({ minLength: 1 }), value, { maxKeys: 12 });

describe('row identity: the canonical content of a row never changes (stored content hashes depend on it)', () => {
  it('fingerprint is the JSON of the sorted [column, value] pairs, with or without precomputed keys', () => {
    fc.assert(
      fc.property(rows, (row) => {
        expect(fingerprint(row)).toBe(reference(row));
        expect(fingerprint(row, canonicalKeys(row))).toBe(reference(row));
      }),
    );
    expect(fingerprint({ b: '1', a: null, 'é"': ['x'] })).toBe('[["a",null],["b","1"],["é\\"",["x"]]]');
  });

  it('contentHash is the HMAC-SHA256 of that form, base64url', () => {
    const key = randomBytes(32);
    fc.assert(
      fc.property(rows, (row) => {
        const expected = createHmac('sha256', key).update(reference(row), 'utf8').digest('base64url');
        expect(contentHash(key, row)).toBe(expected);
        expect(contentHash(key, row, canonicalKeys(row))).toBe(expected);
      }),
    );
  });
});
