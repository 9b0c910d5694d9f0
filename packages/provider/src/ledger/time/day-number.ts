/**
 * Calendar arithmetic on plain integers, so that generation never allocates a Temporal object.
 * - a *day* is the number of days since 1970-01-01 (the civil calendar, no time zone);
 * - a *ts* is a Korean wall-clock time in seconds: day × 86400 + seconds of the day (KST has no DST);
 * - a *month* (mi) is year × 12 + (month − 1).
 * Reads convert to Temporal (temporal-values.ts) only when they build rows.
 */

export const SECONDS_PER_DAY = 86_400;

/** Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil). */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The civil date of a day as yyyymmdd (e.g. 20261124). */
export function ymdOf(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 10_000 + m * 100 + d;
}

export const yearOfYmd = (ymd: number): number => Math.floor(ymd / 10_000);
export const monthOfYmd = (ymd: number): number => Math.floor(ymd / 100) % 100;
export const dayOfYmd = (ymd: number): number => ymd % 100;

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function monthIndex(year: number, month: number): number {
  return year * 12 + month - 1;
}

export function monthOfDay(day: number): number {
  const ymd = ymdOf(day);
  return monthIndex(yearOfYmd(ymd), monthOfYmd(ymd));
}

export const yearOfMonth = (mi: number): number => Math.floor(mi / 12);
export const monthNumberOf = (mi: number): number => (mi % 12) + 1;

export function firstDayOfMonth(mi: number): number {
  return dayFromCivil(yearOfMonth(mi), monthNumberOf(mi), 1);
}

export function daysInMonth(mi: number): number {
  return firstDayOfMonth(mi + 1) - firstDayOfMonth(mi);
}

/** The day of month `dom` in month mi, clamped to the month's last day (31 → 30 in April). */
export function dayInMonth(mi: number, dom: number): number {
  return firstDayOfMonth(mi) + Math.min(dom, daysInMonth(mi)) - 1;
}

/** Day of month (1–31) of a day. */
export function domOf(day: number): number {
  return ymdOf(day) % 100;
}

/**
 * Autopay dates move off weekends: Saturday and Sunday go to the next Monday, unless that leaves the
 * month, in which case they go back to Friday. Every sector uses this one rule, so a debit a loan
 * reports and the debit the paying bank account shows fall on the same day.
 */
export function businessDay(day: number): number {
  const wd = weekday(day);
  if (wd !== 0 && wd !== 6) return day;
  const forward = day + (wd === 6 ? 2 : 1);
  if (monthOfDay(forward) === monthOfDay(day)) return forward;
  return day - (wd === 6 ? 1 : 2);
}

/** The scheduled date of a monthly payment on day `dom`, moved to a business day. */
export function dueDay(mi: number, dom: number): number {
  return businessDay(dayInMonth(mi, dom));
}

/** Add n months to a day, keeping the day of month where possible (Jan 31 + 1 → Feb 28). */
export function addMonths(day: number, n: number): number {
  const ymd = ymdOf(day);
  const mi = monthIndex(yearOfYmd(ymd), monthOfYmd(ymd)) + n;
  return dayInMonth(mi, dayOfYmd(ymd));
}

export function tsOf(day: number, hour: number, minute = 0, second = 0): number {
  return day * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
}

export const dayOfTs = (ts: number): number => Math.floor(ts / SECONDS_PER_DAY);

/** Epoch milliseconds of a KST wall-clock ts (UTC+9, no daylight saving). */
export function epochMsOfTs(ts: number): number {
  return (ts - 9 * 3600) * 1000;
}

/** Whole years between a birth day and a day (만 나이). */
export function ageOn(birthDay: number, day: number): number {
  const b = ymdOf(birthDay);
  const d = ymdOf(day);
  return Math.floor((d - b) / 10_000);
}
