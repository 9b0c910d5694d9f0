import { kstDateTime } from '../clock/kst.ts';
import type { CustomerBook, Holding } from '../ledger/ledger.ts';
import type { AuthInstitution } from './auth-deps.ts';

/** Every asset the customer holds at the institution now, over all of its industry's list APIs. */
export function customerHoldings(inst: AuthInstitution, customer: CustomerBook, now: number): Holding[] {
  const at = kstDateTime(now);
  return inst.listApis.flatMap((api) => customer.holdings(api, at));
}
