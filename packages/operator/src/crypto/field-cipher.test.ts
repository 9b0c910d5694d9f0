import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aeadVersion } from './aead.ts';
import { BlindIndex } from './blind-index.ts';
import { SealedValueError } from './crypto-errors.ts';
import { personCipher } from './field-cipher.ts';
import { generateKeyRing } from './key-ring.ts';
import { operatorCipher } from './operator-cipher.ts';
import type { DataKey, PersonKeySet } from './person-keys.ts';
import { Secret } from './secret.ts';

function keySet(personId: string, ...keys: DataKey[]): PersonKeySet {
  const sorted = [...keys].sort((a, b) => b.version - a.version);
  return { personId, current: sorted[0]!, byVersion: (v) => sorted.find((k) => k.version === v) };
}
const key = (personId: string, version = 1): DataKey => ({
  personId,
  version,
  key: Buffer.alloc(32, version * 7 + personId.charCodeAt(personId.length - 1)),
});

const ident = fc.stringMatching(/^[a-z_]{1,20}$/);
const rowId = fc.stringMatching(/^[A-Za-z0-9_-]{1,43}$/);

describe('seal/open (AES-256-GCM, AAD = table|column|rowId|keyVersion)', () => {
  const c = personCipher(keySet('p1', key('p1')));

  it('round-trips any text, Hangul and emoji included (property)', () => {
    fc.assert(
      fc.property(ident, ident, rowId, fc.string({ unit: 'grapheme', maxLength: 300 }), (t, col, row, text) => {
        expect(c.open(t, col, row, c.seal(t, col, row, text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('seals the same text twice to different ciphertexts (random IV)', () => {
    expect(c.seal('op_t', 'c', 'r1', '1002123456789')).not.toBe(c.seal('op_t', 'c', 'r1', '1002123456789'));
  });

  it('a ciphertext moved to another row fails to open (property)', () => {
    fc.assert(
      fc.property(rowId, rowId, fc.string(), (a, b, text) => {
        fc.pre(a !== b);
        const sealed = c.seal('op_m_deposit_tx', 'trans_memo', a, text);
        expect(() => c.open('op_m_deposit_tx', 'trans_memo', b, sealed)).toThrow(SealedValueError);
      }),
      { numRuns: 200 },
    );
  });

  it('a ciphertext moved to another column or table fails to open', () => {
    const sealed = c.seal('op_person', 'name', 'p1', '김한눈');
    expect(() => c.open('op_person', 'ci', 'p1', sealed)).toThrow(/op_person\.ci of row p1 does not open/);
    expect(() => c.open('op_consent', 'name', 'p1', sealed)).toThrow(SealedValueError);
  });

  it("another person's ciphertext does not open with this person's key", () => {
    const other = personCipher(keySet('p2', key('p2')));
    const sealed = other.seal('op_person', 'name', 'p1', '김한눈');
    expect(() => c.open('op_person', 'name', 'p1', sealed)).toThrow(SealedValueError);
  });

  it('any flipped byte is detected', () => {
    const sealed = c.seal('op_person', 'name', 'p1', '김한눈');
    const raw = Buffer.from(sealed, 'base64');
    for (const at of [5, 10, 20, 30, raw.length - 1]) {
      const bad = Buffer.from(raw);
      bad[at] = (bad[at] ?? 0) ^ 1;
      expect(() => c.open('op_person', 'name', 'p1', bad.toString('base64'))).toThrow(SealedValueError);
    }
  });

  it('names the place but never the value in its errors', () => {
    const sealed = c.seal('op_person', 'ci', 'p1', 'SECRET-CI-VALUE');
    try {
      c.open('op_person', 'ci', 'p9', sealed);
      expect.unreachable();
    } catch (e) {
      expect(String(e)).not.toContain('SECRET-CI-VALUE');
      expect(String(e)).not.toContain(sealed);
    }
  });

  it('key versions: old values open after a rotation, new ones are sealed with the new version', () => {
    const v1 = personCipher(keySet('p1', key('p1', 1)));
    const old = v1.seal('op_person', 'name', 'p1', '김한눈');
    const v2 = personCipher(keySet('p1', key('p1', 1), key('p1', 2)));
    expect(v2.open('op_person', 'name', 'p1', old)).toBe('김한눈');
    const fresh = v2.seal('op_person', 'name', 'p1', '김한눈');
    expect(aeadVersion(old)).toBe(1);
    expect(aeadVersion(fresh)).toBe(2);
    // The version is authenticated: a header claiming version 1 for a v2 ciphertext does not open.
    const raw = Buffer.from(fresh, 'base64');
    raw.writeUInt32BE(1, 1);
    expect(() => v2.open('op_person', 'name', 'p1', raw.toString('base64'))).toThrow(SealedValueError);
  });

  it('refuses a place with "|" (it would blur the AAD boundary)', () => {
    expect(() => c.seal('op_person', 'a|b', 'p1', 'x')).toThrow(TypeError);
  });

  it("the operator's own cipher (revocation outbox) round-trips and binds the row", () => {
    const o = operatorCipher(generateKeyRing());
    const sealed = o.seal('op_followup', 'payload', 'f1', 'token');
    expect(o.open('op_followup', 'payload', 'f1', sealed)).toBe('token');
    expect(() => o.open('op_followup', 'payload', 'f2', sealed)).toThrow(SealedValueError);
  });
});

describe('blind index (HMAC-SHA256, a key per column)', () => {
  it('is equal for equal values, different across columns and across key rings', () => {
    const ring = generateKeyRing();
    const a = new BlindIndex(ring);
    expect(a.index('op_asset.number', '1002123456789')).toBe(
      new BlindIndex(ring).index('op_asset.number', '1002123456789'),
    );
    expect(a.index('op_asset.number', '1002123456789')).not.toBe(a.index('op_asset.number', '1002123456780'));
    expect(a.index('op_asset.number', '1002123456789')).not.toBe(a.index('op_person.ci', '1002123456789'));
    expect(a.index('op_asset.number', '1002123456789')).not.toBe(
      new BlindIndex(generateKeyRing()).index('op_asset.number', '1002123456789'),
    );
    expect(a.index('op_asset.number', '1002123456789')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('Secret', () => {
  it('prints [REDACTED] everywhere but reveal()', () => {
    const s = new Secret('eyJhbGciOiJIUzI1NiJ9.eyJqdGkiOiIxIn0.sig');
    expect(String(s)).toBe('[REDACTED]');
    expect(JSON.stringify({ token: s })).toBe('{"token":"[REDACTED]"}');
    expect(inspect({ token: s })).not.toContain('eyJ');
    expect(`${s}`).toBe('[REDACTED]');
    expect(s.reveal()).toContain('eyJ');
    expect(s.equals(new Secret(s.reveal()))).toBe(true);
    expect(s.equals(new Secret('other'))).toBe(false);
  });
});
