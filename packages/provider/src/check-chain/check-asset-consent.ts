import type { ConsentRecord } from '../consent/consent.ts';
import { consentCovers } from '../consent/consent-assets.ts';
import type { Holding } from '../ledger/ledger.ts';
import { type CheckFailure, fail } from './check-failure.ts';

/** Step 12, 40105: the asset must be one the person chose in this consent. */
export function checkAssetConsent(consent: ConsentRecord, holding: Holding): CheckFailure | undefined {
  if (consentCovers(consent, holding)) return undefined;
  return fail('40105', undefined, 'asset not in the consent');
}
