import { Temporal } from 'temporal-polyfill';

/**
 * Korean Standard Time (UTC+9, no daylight saving since 1988) from epoch milliseconds, computed with plain
 * arithmetic: the engine reads the time on every request, and time-zone lookups are slow in the polyfill.
 */
export const KST_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

/** The fields of a KST wall-clock time. */
export interface KstParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

export function kstParts(ms: number): KstParts {
  const d = new Date(ms + KST_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

// The last conversions, remembered: a request reads the time several times, and Temporal objects are
// immutable, so one per second (and per day) serves them all.
let lastSecond = Number.NaN;
let lastDateTime: Temporal.PlainDateTime | undefined;
let lastDay = Number.NaN;
let lastDate: Temporal.PlainDate | undefined;

/** The KST wall-clock time of an instant, to the second. */
export function kstDateTime(ms: number): Temporal.PlainDateTime {
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond || !lastDateTime) {
    const p = kstParts(ms);
    lastDateTime = new Temporal.PlainDateTime(p.year, p.month, p.day, p.hour, p.minute, p.second);
    lastSecond = second;
  }
  return lastDateTime;
}

export function kstDate(ms: number): Temporal.PlainDate {
  const day = kstDayNumber(ms);
  if (day !== lastDay || !lastDate) {
    const p = kstParts(ms);
    lastDate = new Temporal.PlainDate(p.year, p.month, p.day);
    lastDay = day;
  }
  return lastDate;
}

/** The KST day as a number of days since 1970-01-01 (KST): equal for two instants of the same Korean day. */
export function kstDayNumber(ms: number): number {
  return Math.floor((ms + KST_OFFSET_MS) / DAY_MS);
}

/** Minutes since KST midnight, 0…1439. */
export function kstMinuteOfDay(ms: number): number {
  const inDay = (((ms + KST_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return Math.floor(inDay / 60_000);
}

/** YYYYMMDD as a number (20250315), for cheap comparisons of Korean dates. */
export function kstDateNumber(ms: number): number {
  const p = kstParts(ms);
  return p.year * 10_000 + p.month * 100 + p.day;
}

export function dateNumber(date: Temporal.PlainDate): number {
  return date.year * 10_000 + date.month * 100 + date.day;
}

/** The standard's search_timestamp N(14), YYYYMMDDhhmmss in KST, as a number; the second is cut off. */
export function kstTimestamp(ms: number): number {
  const p = kstParts(ms);
  return ((((p.year * 100 + p.month) * 100 + p.day) * 100 + p.hour) * 100 + p.minute) * 100 + p.second;
}

/**
 * The search_timestamp that marks a change at `ms`: the KST second *after* any fraction, so a timestamp
 * handed out in the same second before the change never reads as "up to date" for it.
 */
export function changeTimestamp(ms: number): number {
  return kstTimestamp(Math.ceil(ms / 1000) * 1000);
}

/** Epoch ms of a KST wall-clock time (the inverse of kstParts). */
export function kstToEpochMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute, second) - KST_OFFSET_MS;
}

/** Epoch ms of a KST PlainDateTime. */
export function epochMsOfKst(dt: Temporal.PlainDateTime): number {
  return kstToEpochMs(dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second) + dt.millisecond;
}
