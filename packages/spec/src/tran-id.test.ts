import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateTranId, isValidTranId, parseTranId, TRAN_ID_LENGTH } from './tran-id.ts';

describe('x-api-tran-id (AN(25): org_code 10 + generator 1 + 14)', () => {
  it('generates 25 upper-case alphanumerics that parse back to their parts', () => {
    const id = generateTranId('BANKA00001', 'M');
    expect(id).toHaveLength(TRAN_ID_LENGTH);
    expect(id).toMatch(/^BANKA00001M[A-Z0-9]{14}$/);
    expect(parseTranId(id)).toEqual({ orgCode: 'BANKA00001', generator: 'M', serial: id.slice(11) });
  });

  it('does not repeat across 20,000 ids', () => {
    const ids = new Set(Array.from({ length: 20_000 }, () => generateTranId('OPERATOR01', 'M')));
    expect(ids.size).toBe(20_000);
  });

  it('refuses an org_code that is not 10 upper-case alphanumerics', () => {
    expect(() => generateTranId('bank1', 'S')).toThrow(/org_code/);
    expect(() => generateTranId('BANKA0000١', 'S')).toThrow(RangeError);
  });

  it('rejects wrong length, lower case, unknown generator codes', () => {
    expect(isValidTranId('BANKA00001M1234567890ABC')).toBe(false); // 24
    expect(isValidTranId('BANKA00001M1234567890ABCD')).toBe(true);
    expect(isValidTranId('BANKA00001X1234567890ABCD')).toBe(false);
    expect(isValidTranId('banka00001M1234567890ABCD')).toBe(false);
    expect(parseTranId('')).toBeNull();
  });

  it('property: any valid org_code and generator gives a valid id', () => {
    const org = fc.string({
      unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
      minLength: 10,
      maxLength: 10,
    });
    fc.assert(
      fc.property(org, fc.constantFrom('M', 'S', 'R', 'C', 'P', 'A') as fc.Arbitrary<'M'>, (o, g) => {
        const id = generateTranId(o, g);
        expect(parseTranId(id)?.orgCode).toBe(o);
        expect(parseTranId(id)?.generator).toBe(g);
      }),
    );
  });

  it('draws serial characters uniformly over base 36', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 3000; i++) {
      for (const ch of generateTranId('ORG0000001', 'P').slice(11)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(counts.size).toBe(36);
    const expected = (3000 * 14) / 36; // ≈ 1167; a modulo bias would push some characters ~14% over
    for (const [ch, n] of counts) expect(Math.abs(n - expected) / expected, ch).toBeLessThan(0.12);
  });

  it('uses the random source it is given', () => {
    const zeros = (k: number) => new Uint8Array(k);
    expect(generateTranId('ORG0000001', 'C', zeros)).toBe('ORG0000001C00000000000000');
  });
});
