import { describe, expect, it } from 'vitest';
import { meetsTarget, targetNote } from './target-note.ts';

describe('targetNote', () => {
  it('says met when the value is on the right side of the limit, the limit itself included', () => {
    expect(targetNote(0.6, { op: '≥', limit: 0.6 })).toBe('target ≥ 0.6: met');
    expect(targetNote(60, { op: '≤', limit: 60, unit: ' s' })).toBe('target ≤ 60 s: met');
  });

  it('says NOT met on the wrong side', () => {
    expect(targetNote(0.59, { op: '≥', limit: 0.6 })).toBe('target ≥ 0.6: NOT met');
    expect(targetNote(512, { op: '≤', limit: 500, unit: ' MB' })).toBe('target ≤ 500 MB: NOT met');
  });

  it('never counts a missing measurement as met', () => {
    expect(meetsTarget(Number.NaN, { op: '≤', limit: 60 })).toBe(false);
    expect(meetsTarget(Number.NaN, { op: '≥', limit: 0.6 })).toBe(false);
  });
});
