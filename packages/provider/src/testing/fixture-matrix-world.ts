import { kstToEpochMs } from '../clock/kst.ts';
import { createHarness, type Harness } from './engine-harness.ts';
import { FIXTURE_NOW, FIXTURE_ORGS, type FixtureOrg, KIM_CI } from './fixture-world.ts';
import type { AssetCase, MatrixWorld } from './matrix-world.ts';

/** 2025-03-15 10:00 KST: outside every fixture institution's np_time. */
const OUTSIDE_NP_TIME = kstToEpochMs(2025, 3, 15, 10, 0, 0);

const fixtureOrg = (org: string): FixtureOrg => {
  if (!(FIXTURE_ORGS as readonly string[]).includes(org)) throw new Error(`${org} is not a fixture institution`);
  return org as FixtureOrg;
};

/**
 * The negative matrix's world over the fixture institutions (bank, card, insu, telecom): every API is
 * about Kim, whose holdings come in every variant (a second one, a closed one, one left out of the
 * consent) beside Lee's.
 */
export function fixtureMatrixWorld(h: Harness = createHarness()): MatrixWorld {
  const holding = (org: string, apiId: string, variant: Parameters<Harness['assetFor']>[2]) => {
    const found = h.assetFor(fixtureOrg(org), apiId, variant);
    if (!found) throw new Error(`${apiId} is about no asset`);
    return found;
  };
  return {
    engine: h.engine,
    clock: h.clock,
    now: FIXTURE_NOW,
    cases: FIXTURE_ORGS.flatMap((org) => h.fixtures[org].apis.map((api) => [org, api.id] as const)),
    api: (org, apiId) => h.api(fixtureOrg(org), apiId),
    subjectOf: () => KIM_CI,
    grant: (org, _apiId, opts) => h.grant(fixtureOrg(org), opts),
    validRequest: (org, apiId, opts) => h.validRequest(fixtureOrg(org), apiId, opts),
    assetCases(org, apiId): AssetCase[] {
      if (!h.api(fixtureOrg(org), apiId).asset) return [];
      return [
        {
          title: 'an asset not in the consent answers 40105',
          holding: holding(org, apiId, 'unconsented'),
          code: '40105',
        },
        { title: "someone else's asset answers 40402", holding: holding(org, apiId, 'theirs'), code: '40402' },
        { title: 'a closed asset answers 40305', holding: holding(org, apiId, 'closed'), code: '40305' },
      ];
    },
    secondAsset: (org, apiId) => h.assetFor(fixtureOrg(org), apiId, 'second'),
    items: (org, apiId) => {
      const api = h.api(fixtureOrg(org), apiId);
      return api.paginated || api.kind === 'list' ? 2 : 1;
    },
    oldTimestamp: '20240101000000',
    call: (org, apiId, opts) => h.call(fixtureOrg(org), apiId, opts),
    inWindow: () => FIXTURE_NOW,
    outsideWindow: () => OUTSIDE_NP_TIME,
    otherOrg: (org) => FIXTURE_ORGS.find((o) => o !== org)!,
    completeRows: true,
    close: () => h.close(),
  };
}
