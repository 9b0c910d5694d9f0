import { apisForIndustry, INDUSTRY_LIST } from '@hannun/spec';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { kstToEpochMs } from '../clock/kst.ts';
import { DEMO_INSTITUTIONS } from '../institutions/demo-institutions.ts';
import { createLedgerWorld } from '../testing/ledger-world.ts';
import { negativeMatrix } from '../testing/negative-matrix.ts';

/**
 * The negative matrix (`testing/negative-matrix.ts`) over the synthetic ledger: every information API of
 * all 11 industries (IRP at bank, invest and insu; 선불 at bank and card; 채권 at bond and usury; 전금-101…103;
 * 공통-001/002 everywhere), each at the demo institution and about the customer where the data has what its
 * cases need. Cases the data cannot give are listed below, not faked.
 */
const world = createLedgerWorld({
  customers: 60,
  seed: 21,
  start: Temporal.PlainDate.from('2025-01-01'),
  now: kstToEpochMs(2026, 3, 15, 3, 0, 0),
});
const c = negativeMatrix(world);

describe('the ledger matrix covers every information API of every industry', () => {
  it('each industry: every API of apisForIndustry the engine serves is a case, at an institution of it', () => {
    for (const industry of INDUSTRY_LIST) {
      const orgs = new Set(DEMO_INSTITUTIONS.filter((i) => i.industry === industry).map((i) => i.orgCode));
      const served = world.engine.provider.apisOf([...orgs][0]!).map((a) => a.id);
      const covered = c.ALL.filter(([org]) => orgs.has(org)).map(([, id]) => id);
      expect(covered, industry).toEqual(served);
      expect(apisForIndustry(industry).map((a) => a.id)).toEqual(expect.arrayContaining(served));
    }
  });
  it('every paginated API has the limit cases, every dated API the malformed dates, every asset API an asset case', () => {
    const keys = (cases: readonly (readonly [string, string])[]) => cases.map(([org, id]) => `${org} ${id}`);
    expect(keys(c.LIMITED)).toEqual(expect.arrayContaining(keys(c.PAGED)));
    expect(keys(c.DATE_FIELDS)).toEqual(expect.arrayContaining(keys(c.DATED)));
    for (const [org, id] of c.ASSET) expect(world.assetCases(org, id).map((a) => a.code)).toContain('40105');
    expect(c.PAGES.length).toBeGreaterThan(20);
    expect(c.PAGES_SECOND_ASSET.length).toBeGreaterThan(5);
  });
  // What the ledger never makes: a second IRP, fund or prepaid card of one customer at one institution,
  // prepaid cards at a bank. What this sample lacks: a second IRP customer at one insurer (the other insurer
  // IRP, customer 4's at ISPUREUN01, is terminated), a recent use of the one normal prepaid card at CDHANEUL01
  // (the other one is lost). A series of monthly or yearly payments has at most one item a month or a year.
  // Every API about one asset has a closed, lost, dormant or repaid one somewhere in its industry (40305):
  // terminated IRPs (bank, invest, insu), sold funds, a repaid policy loan, a settled 채권 at BDSAECHL01. The
  // invest IRP-002/003 cases are at IVHANUL001, where the terminated IRP is; IRP-004 stays at IVGARAM001 for
  // its second item (a page to alter).
  it('the cases the data cannot give are exactly these', () => {
    expect(world.gaps).toEqual([
      'BKNURI0001 IRP-001: fewer than two items, no next_page to alter or replay',
      'BKNURI0001 IRP-003: no second asset to replay against',
      'BKNURI0001 IRP-004: fewer than two items, no next_page to alter or replay',
      'BKNURI0001 선불-001: fewer than two items, no next_page to alter or replay',
      'BKNURI0001 선불-001: an empty answer',
      'BKNURI0001 은행-007: fewer than two items, no next_page to alter or replay',
      'CDHANEUL01 선불-001: fewer than two items, no next_page to alter or replay',
      'CDHANEUL01 선불-003: fewer than two items, no next_page to alter or replay',
      'CDHANEUL01 선불-003: an empty answer',
      'CDHANEUL01 선불-004: fewer than two items, no next_page to alter or replay',
      'CDBYEOLB01 카드-009: no second asset to replay against',
      'IVGARAM001 IRP-001: fewer than two items, no next_page to alter or replay',
      'IVHANUL001 IRP-003: no second asset to replay against',
      'IVGARAM001 IRP-004: no second asset to replay against',
      'ISDEUNDN01 IRP-001: fewer than two items, no next_page to alter or replay',
      "ISDEUNDN01 IRP-002: no one else's asset (40402)",
      "ISDEUNDN01 IRP-003: no one else's asset (40402)",
      'ISDEUNDN01 IRP-003: no second asset to replay against',
      "ISDEUNDN01 IRP-004: no one else's asset (40402)",
      'ISDEUNDN01 IRP-004: fewer than two items, no next_page to alter or replay',
      'ISDEUNDN01 보험-007: fewer than two items, no next_page to alter or replay',
      'ISDEUNDN01 보험-011: no second asset to replay against',
      'EFMUNGGE01 전금-004: no second asset to replay against',
      'EFMUNGGE01 전금-103: no second asset to replay against',
      'CPNURI0001 할부금융-004: no second asset to replay against',
      'CPNURI0001 할부금융-006: no second asset to replay against',
      'GIDEUNDN01 보증보험-003: fewer than two items, no next_page to alter or replay',
      'PPJINGGM01 P2P-004: no second asset to replay against',
      'BDSAECHL01 채권-001: fewer than two items, no next_page to alter or replay',
      'BDSAECHL01 채권-003: no second asset to replay against',
      'USMIDEUM01 채권-001: fewer than two items, no next_page to alter or replay',
      'USMIDEUM01 채권-003: no second asset to replay against',
    ]);
  });
});
