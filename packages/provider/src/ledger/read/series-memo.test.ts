import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeriesMemo } from './series-memo.ts';

describe('series memo', () => {
  it('property: never holds more than its row budget, and returns what was last set for a key', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 400 })), { maxLength: 200 }),
        (ops) => {
          const memo = new SeriesMemo(8, 1000);
          for (const [k, n] of ops) {
            const rows = Array.from({ length: n }, (_, i) => ({ i }));
            memo.set(String(k), rows);
            expect(memo.size).toBeLessThanOrEqual(1000);
            const hit = memo.get(String(k));
            if (hit) expect(hit).toBe(rows);
          }
        },
      ),
    );
  });
});
