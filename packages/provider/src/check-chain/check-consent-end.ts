import type { ConsentRecord } from '../consent/consent.ts';
import { dateNumber } from '../clock/kst.ts';
import { type CheckFailure, fail } from './check-failure.ts';

/**
 * Step 8, 40106: the consent's end date (전송요구 종료시점, the last day data may be sent) has not passed in
 * Korean time, even while the token is still valid (guideline 참고5).
 */
export function checkConsentEnd(consent: ConsentRecord, today: number): CheckFailure | undefined {
  if (today <= dateNumber(consent.endDate)) return undefined;
  return fail('40106', `종료일 ${consent.endDate.toString()}`, 'consent end date passed');
}
