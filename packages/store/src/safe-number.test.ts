import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StoreRangeError } from './errors/store-range-error.ts';
import { bigintToSafeNumber, decimalTextToNumber } from './safe-number.ts';

const MAX = Number.MAX_SAFE_INTEGER;

describe('64-bit values as numbers', () => {
  it('every safe integer survives, as bigint and as decimal text', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX, max: MAX }), (n) => {
        expect(bigintToSafeNumber(BigInt(n))).toBe(n);
        expect(decimalTextToNumber(String(n))).toBe(n);
      }),
    );
  });

  it('anything beyond ±MAX_SAFE_INTEGER throws StoreRangeError naming the column', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: BigInt(MAX) + 1n, max: 2n ** 63n - 1n }), fc.boolean(), (b, negative) => {
        const v = negative ? -b : b;
        expect(() => bigintToSafeNumber(v, 'amount')).toThrow(StoreRangeError);
        expect(() => decimalTextToNumber(v.toString())).toThrow(StoreRangeError);
      }),
    );
    expect(() => bigintToSafeNumber(2n ** 53n, 'amount')).toThrow(/in amount is beyond/);
  });

  it('numeric fractions (avg) become the nearest double within the safe range', () => {
    expect(decimalTextToNumber('1234.5000000000000000')).toBe(1234.5);
    expect(decimalTextToNumber('-0.25')).toBe(-0.25);
    expect(() => decimalTextToNumber('9007199254740992.5')).toThrow(StoreRangeError);
  });
});
