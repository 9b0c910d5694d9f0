import { describe, expect, it } from 'vitest';
import { fixtureMatrixWorld } from '../testing/fixture-matrix-world.ts';
import { negativeMatrix } from '../testing/negative-matrix.ts';

/**
 * The negative matrix (`testing/negative-matrix.ts`) over the fixture world: every information API of the
 * fixture institutions' industries (bank, card, insu, telecom), about Kim's hand-made holdings. The ledger
 * world (`ledger-negative-matrix.test.ts`) runs the same matrix over the synthetic ledger's 11 industries.
 */
const c = negativeMatrix(fixtureMatrixWorld());

describe('the matrix covers every information API of the fixture industries', () => {
  it('bank, card, insu and telecom: 공통, IRP, 선불 and their own APIs', () => {
    expect(c.ALL.length).toBeGreaterThanOrEqual(55);
    for (const id of ['은행-004', '카드-008', '보험-007', '통신-002', 'IRP-003', '선불-004', '공통-001', '공통-002']) {
      expect(c.ALL.some(([, a]) => a === id)).toBe(true);
    }
    const sets = [c.ASSET, c.DATED, c.PAGES_SECOND_ASSET, c.PAGES_DATED, c.TIMESTAMPED, c.GATED, c.V2_ONLY];
    expect(sets.every((s) => s.length > 0)).toBe(true);
    expect(c.PAGES).toEqual(c.PAGED);
  });
});
