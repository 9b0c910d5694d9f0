import { kstToEpochMs } from '@hannun/provider';
import { describe, expect, it } from 'vitest';
import { benchLedger, listApisOf, standInOf } from './bench-stand-in.ts';
import { BENCH_CLONES, benchInstitutions } from './integrated-auth-world.ts';

describe('the ledger behind integrated-auth', () => {
  it('accepts the clones: every one of the 30 institutions has a customer with a live asset', () => {
    const nowMs = kstToEpochMs(2026, 11, 24, 10, 30, 0);
    const institutions = benchInstitutions();
    const ledger = benchLedger(institutions, nowMs);
    for (const institution of institutions) {
      const book = ledger.get(institution.orgCode);
      expect(book, institution.orgCode).toBeDefined();
      const ci = standInOf(book!, institution, nowMs);
      expect(book!.customer(ci)?.ci).toBe(ci);
    }
    expect(BENCH_CLONES.every((c) => ledger.has(c.orgCode))).toBe(true);
  });

  it('reads a customer’s assets from the industry’s list APIs', () => {
    expect(listApisOf({ industry: 'bank' })).toContain('은행-001');
    expect(listApisOf({ industry: 'card' })).toContain('카드-001');
    expect(listApisOf({ industry: 'bank' })).not.toContain('은행-004');
  });

  it('refuses a book with nobody holding a live asset', () => {
    const empty = { orgCode: 'BKNONE0001', customer: () => undefined, customers: () => [] };
    expect(() => standInOf(empty, benchInstitutions()[0]!, 0)).toThrow(/no customer of BKNURI0001/);
  });
});
