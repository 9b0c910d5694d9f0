import { isValidTranId, parseTranId } from '@hannun/spec';
import { describe, expect, it } from 'vitest';
import { randomPrefix, tranIdSequence } from './tran-id-sequence.ts';

describe('tranIdSequence', () => {
  it('gives distinct tran ids of the standard form, from the operator, starting with the prefix', () => {
    const next = tranIdSequence('MDHANNUN01', 'AB12');
    const ids = Array.from({ length: 50_000 }, next);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [ids[0]!, ids[35]!, ids.at(-1)!]) {
      expect(isValidTranId(id)).toBe(true);
      expect(parseTranId(id)).toMatchObject({ orgCode: 'MDHANNUN01', generator: 'M' });
      expect(id.slice(11, 15)).toBe('AB12');
    }
    expect(ids[0]).toBe('MDHANNUN01MAB120000000000');
    expect(ids[36]).toBe('MDHANNUN01MAB120000000010');
  });

  it('two sequences with different prefixes never meet', () => {
    const a = tranIdSequence('MDHANNUN01', 'A');
    const b = tranIdSequence('MDHANNUN01', 'B');
    const seen = new Set(Array.from({ length: 1000 }, a));
    for (let i = 0; i < 1000; i++) expect(seen.has(b())).toBe(false);
  });

  it('refuses an org_code or prefix that would break the form', () => {
    expect(() => tranIdSequence('bank1', 'A')).toThrow(RangeError);
    expect(() => tranIdSequence('MDHANNUN01', 'ab')).toThrow(RangeError);
    expect(() => tranIdSequence('MDHANNUN01', '')).toThrow(RangeError);
    expect(() => tranIdSequence('MDHANNUN01', 'ABCDEFG')).toThrow(RangeError);
  });

  it('stops rather than repeat when the counter runs out', () => {
    const next = tranIdSequence('MDHANNUN01', 'ABCDEF', 36 ** 8 - 1);
    expect(next()).toBe('MDHANNUN01MABCDEFZZZZZZZZ');
    expect(next).toThrow(/exhausted/);
  });
});

describe('randomPrefix', () => {
  it('is upper-case base 36 of the asked length', () => {
    expect(randomPrefix(4, () => 0.999)).toBe('ZZZZ');
    expect(randomPrefix(3, () => 0)).toBe('000');
    expect(randomPrefix()).toMatch(/^[A-Z0-9]{4}$/);
  });
});
