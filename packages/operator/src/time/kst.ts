import { Temporal } from 'temporal-polyfill';

/** Korea Standard Time: every calendar rule of the standard (end dates, ages, inactivity) is in KST. */
export const KST = 'Asia/Seoul';

/** YYYYMMDD → PlainDate, or undefined when it is not a real date. */
export function parseYmd(yyyymmdd: string): Temporal.PlainDate | undefined {
  if (!/^\d{8}$/.test(yyyymmdd)) return undefined;
  try {
    return Temporal.PlainDate.from(
      { year: Number(yyyymmdd.slice(0, 4)), month: Number(yyyymmdd.slice(4, 6)), day: Number(yyyymmdd.slice(6, 8)) },
      { overflow: 'reject' },
    );
  } catch {
    return undefined;
  }
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

export function formatYmd(d: Temporal.PlainDate): string {
  return `${pad(d.year, 4)}${pad(d.month, 2)}${pad(d.day, 2)}`;
}

/** The KST calendar date of an instant. */
export function kstDate(epochMs: number): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(KST).toPlainDate();
}

/** YYYYMMDDhhmmss in KST (the standard's DTIME, e.g. consent_date). */
export function kstDateTime(epochMs: number): string {
  const d = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(KST);
  return `${formatYmd(d.toPlainDate())}${pad(d.hour, 2)}${pad(d.minute, 2)}${pad(d.second, 2)}`;
}

/** The instant a KST calendar date begins. */
export function kstStartOfDay(d: Temporal.PlainDate): number {
  return d.toZonedDateTime({ timeZone: KST }).epochMilliseconds;
}

/** The instant `months` calendar months (KST) after `epochMs`: day clamped to the month's end. */
export function addKstMonths(epochMs: number, months: number): number {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(KST).add({ months }).epochMilliseconds;
}

/** Whole years between a birth date and a day (만 나이): a birthday on 29 February counts on 1 March. */
export function ageOn(birth: Temporal.PlainDate, day: Temporal.PlainDate): number {
  return birth.until(day, { largestUnit: 'years' }).years;
}
