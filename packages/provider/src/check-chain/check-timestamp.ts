import { changeTimestamp } from '../clock/kst.ts';

/**
 * Step 18, 00001: the caller's search_timestamp already covers the data's last change, so nothing is sent
 * (규격 §2.5). 0 or none asks for everything. A change is stamped with the second after it
 * (`changeTimestamp`), so a timestamp handed out in the same second before a change never hides it.
 */
export function isUpToDate(searchTimestamp: unknown, changedAt: number): boolean {
  return typeof searchTimestamp === 'number' && searchTimestamp > 0 && searchTimestamp >= changeTimestamp(changedAt);
}
