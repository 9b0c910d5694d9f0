import { describe, expect, it } from 'vitest';
import { formatValue } from './render-report.ts';

describe('formatValue', () => {
  it('prints counts as whole numbers with separators, zero included', () => {
    expect(formatValue({ name: 'n', value: 0, unit: 'count' })).toBe('0');
    expect(formatValue({ name: 'n', value: 14_607_621, unit: 'count' })).toBe('14,607,621');
  });

  it('prints a measurement that could not be taken (NaN, or null read back from JSON) as n/a', () => {
    expect(formatValue({ name: 'n', value: Number.NaN, unit: 's' })).toBe('n/a');
    expect(formatValue({ name: 'n', value: null as unknown as number, unit: 's' })).toBe('n/a');
  });

  it('keeps two decimals for small values and ratios', () => {
    expect(formatValue({ name: 'n', value: 0.876, unit: 's' })).toBe('0.88');
    expect(formatValue({ name: 'n', value: 0.4, unit: 'ratio' })).toBe('0.40×');
  });
});
