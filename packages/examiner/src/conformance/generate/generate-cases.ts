import type { ConformanceCase } from '../case-types.ts';
import type { Discovery } from '../discovery.ts';
import { MissingValue } from './valid-request.ts';
import type { ConformanceTarget, TokenSet } from '../target.ts';
import { assetCases } from './asset-cases.ts';
import { apiCases } from './case-kit.ts';
import { credentialCases } from './credential-cases.ts';
import { headerCases } from './header-cases.ts';
import { pagingCases } from './paging-cases.ts';
import { periodCases } from './period-cases.ts';
import { noAssetCase, positiveCases } from './positive-cases.ts';
import { orgCodeCases, parameterCases, versionCases } from './request-cases.ts';
import { routingCases } from './routing-cases.ts';
import { timestampCases } from './timestamp-cases.ts';
import { scopeCases, tokenCases } from './token-cases.ts';

/** The case generators, in the order of the report. */
const GENERATORS = [
  positiveCases,
  pagingCases,
  timestampCases,
  periodCases,
  headerCases,
  tokenCases,
  scopeCases,
  versionCases,
  orgCodeCases,
  parameterCases,
  assetCases,
  routingCases,
];

/**
 * Every case of every information API the target's industry offers, generated from the catalogue (paths,
 * methods, request fields and their wire types, period rules, paging, timestamps, scopes, headers) and from
 * what discovery learnt of the person's assets. Pure: no request is sent here.
 */
export function generateCases(
  target: Pick<ConformanceTarget, 'orgCode' | 'industry' | 'operatorOrgCode' | 'label'> & {
    readonly tokens?: Pick<TokenSet, 'client' | 'refresh'>;
  },
  discovery: Discovery,
): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  for (const api of discovery.apis) {
    const isAssetApi = api.assetKeys.length > 0;
    const asset = isAssetApi ? discovery.assets.get(api.id)?.usable[0] : undefined;
    const g = apiCases(api, target, discovery, asset);
    if (isAssetApi && !asset) {
      cases.push(noAssetCase(g));
      continue;
    }
    try {
      for (const generate of GENERATORS) cases.push(...generate(g));
    } catch (error) {
      if (!(error instanceof MissingValue)) throw error;
      cases.push({ ...noAssetCase(g), skip: error.message });
    }
  }
  // 개별인증-003/004 with the operator's credentials: last, in order (they use up a token pair).
  cases.push(...credentialCases(target, discovery));
  return cases;
}
