import type { InformationScope } from '@hannun/spec';
import type { Temporal } from 'temporal-polyfill';
import type { CustomerBook, Holding } from '../ledger/ledger.ts';
import { assetApplies } from './asset-applies.ts';
import { type CheckFailure, fail } from './check-failure.ts';

export interface AssetTarget {
  /** The list API that lists the API's assets (its `listedBy`). */
  readonly listApi: string;
  /** The request fields that name the asset, as far as the list API's items carry them. */
  readonly identityKeys: readonly string[];
  readonly scope: InformationScope;
}

/**
 * Step 11, 40402: the asset the request names must be one of this customer's, listed by the API's list
 * API, and one the API is about (은행-002 names no loan account). Someone else's asset is "not found" as
 * much as one that does not exist: the answer does not tell them apart.
 *
 * The asset checks run existence (40402), then consent (40105), then state (40305): the consent check
 * presupposes an asset to look for, and someone else's asset is never in the caller's consent.
 */
export function findAsset(
  customer: CustomerBook,
  target: AssetTarget,
  wire: Readonly<Record<string, string>>,
  now: Temporal.PlainDateTime,
): Holding | CheckFailure {
  for (const holding of customer.holdings(target.listApi, now)) {
    let same = true;
    for (const k of target.identityKeys) {
      if ((wire[k] ?? '') !== (holding.key[k] ?? '')) {
        same = false;
        break;
      }
    }
    if (!same) continue;
    if (!assetApplies(holding, target.scope)) break;
    return holding;
  }
  return fail('40402', undefined, 'no such asset of this customer for this API');
}
