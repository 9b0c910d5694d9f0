import { Temporal } from 'temporal-polyfill';
import { formatYmd, kstDate, parseYmd } from '../time/kst.ts';

/** The latest end date (MyData 2.0: 5 years after the consent). */
export const MAX_CONSENT_YEARS = 5;
/** An extension may be asked from this many months before the end date (GUIDE 3.4.4). */
export const EXTENSION_WINDOW_MONTHS = 1;

/** The last allowed end date for a consent given on `consentDay` (29 February + 5 years → 28 February). */
export function latestEndDate(consentDay: Temporal.PlainDate): Temporal.PlainDate {
  return consentDay.add({ years: MAX_CONSENT_YEARS });
}

/** Whether `endDate` (YYYYMMDD) is after today and at most 5 years from today (KST). */
export function isAllowedEndDate(endDate: string, nowMs: number): boolean {
  const end = parseYmd(endDate);
  if (!end) return false;
  const today = kstDate(nowMs);
  return Temporal.PlainDate.compare(end, today) > 0 && Temporal.PlainDate.compare(end, latestEndDate(today)) <= 0;
}

/** The first day an extension may be asked: one month before the end date. */
export function extensionOpensOn(endDate: string): string {
  const end = parseYmd(endDate);
  if (!end) throw new TypeError('end date is not YYYYMMDD');
  return formatYmd(end.subtract({ months: EXTENSION_WINDOW_MONTHS }));
}

/** Whether a consent ending on `endDate` may be extended today: from one month before, up to the end date. */
export function canExtend(endDate: string, nowMs: number): boolean {
  const end = parseYmd(endDate);
  if (!end) return false;
  const today = kstDate(nowMs);
  const opens = end.subtract({ months: EXTENSION_WINDOW_MONTHS });
  return Temporal.PlainDate.compare(today, opens) >= 0 && Temporal.PlainDate.compare(today, end) <= 0;
}

/** Whether a consent ending on `endDate` has expired at `now`: the end date is a whole day, so from the next day. */
export function isPastEnd(endDate: string, nowMs: number): boolean {
  const end = parseYmd(endDate);
  return end !== undefined && Temporal.PlainDate.compare(kstDate(nowMs), end) > 0;
}
