import { describe, expect, it } from 'vitest';
import { createBlindIndex } from './blind-index.ts';
import { generateStorageKey } from './storage-key.ts';

describe('blind index', () => {
  const key = generateStorageKey();
  const index = createBlindIndex(key);

  it('is the same for the same value and index, under the same storage key', () => {
    expect(index('ci', 'CI-A')).toBe(index('ci', 'CI-A'));
    expect(createBlindIndex(key)('ci', 'CI-A')).toBe(index('ci', 'CI-A'));
    expect(index('ci', 'CI-A')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('differs across values, index names and storage keys, and does not hold the value', () => {
    const a = index('ci', 'CI-A');
    expect(index('ci', 'CI-B')).not.toBe(a);
    expect(index('login', 'CI-A')).not.toBe(a);
    expect(createBlindIndex(generateStorageKey())('ci', 'CI-A')).not.toBe(a);
    expect(a).not.toContain('CI-A');
  });
});
