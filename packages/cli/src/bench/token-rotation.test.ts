import { describe, expect, it } from 'vitest';
import { tokenRotation } from './token-rotation.ts';

describe('tokenRotation (the cold-cache route of provider-chain)', () => {
  it('hands out every token once before any comes back, then starts over in the same order', () => {
    const next = tokenRotation(['a', 'b', 'c']);
    expect(Array.from({ length: 7 }, next)).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a']);
  });

  it('refuses an empty list rather than handing out undefined', () => {
    expect(() => tokenRotation([])).toThrow(RangeError);
  });
});
