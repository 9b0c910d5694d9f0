import type { Passed } from '../check-chain/run-check-chain.ts';
import { kstDateTime } from '../clock/kst.ts';
import { consentCovers } from '../consent/consent-assets.ts';
import type { Row } from '../ledger/ledger.ts';
import type { ItemFilter } from './compile-api.ts';

/**
 * Keep the items of a customer-level answer that are about consented assets only (통신-002 answers the
 * bills of every contract the customer has; the consent may cover fewer). Items naming no known asset stay.
 */
export function consentedItems(items: readonly Row[], filter: ItemFilter, passed: Passed): readonly Row[] {
  const refused = new Set<string>();
  for (const h of passed.customer.holdings(filter.listApi, kstDateTime(passed.now))) {
    const key = h.key[filter.keyField];
    if (key !== undefined && !consentCovers(passed.consent, h)) refused.add(key);
  }
  if (refused.size === 0) return items;
  return items.filter((item) => {
    const key = item[filter.keyField];
    return typeof key !== 'string' || !refused.has(key);
  });
}
