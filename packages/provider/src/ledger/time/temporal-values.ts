import { Temporal } from 'temporal-polyfill';
import { dayFromCivil, dayOfTs, SECONDS_PER_DAY, ymdOf } from './day-number.ts';

/** Conversions between the integer time of the ledger and Temporal values, used only when building rows. */

export function plainDateOf(day: number): Temporal.PlainDate {
  const ymd = ymdOf(day);
  return new Temporal.PlainDate(Math.floor(ymd / 10_000), Math.floor(ymd / 100) % 100, ymd % 100);
}

export function plainDateTimeOf(ts: number): Temporal.PlainDateTime {
  const day = dayOfTs(ts);
  const ymd = ymdOf(day);
  let s = ts - day * SECONDS_PER_DAY;
  const hour = Math.floor(s / 3600);
  s -= hour * 3600;
  const minute = Math.floor(s / 60);
  return new Temporal.PlainDateTime(
    Math.floor(ymd / 10_000),
    Math.floor(ymd / 100) % 100,
    ymd % 100,
    hour,
    minute,
    s - minute * 60,
  );
}

export function yearMonthOf(mi: number): Temporal.PlainYearMonth {
  return new Temporal.PlainYearMonth(Math.floor(mi / 12), (mi % 12) + 1);
}

export function dayOfPlainDate(d: Temporal.PlainDate): number {
  return dayFromCivil(d.year, d.month, d.day);
}

export function tsOfPlainDateTime(d: Temporal.PlainDateTime): number {
  return dayFromCivil(d.year, d.month, d.day) * SECONDS_PER_DAY + d.hour * 3600 + d.minute * 60 + d.second;
}

export function monthOfYearMonth(ym: Temporal.PlainYearMonth): number {
  return ym.year * 12 + ym.month - 1;
}
