import { Temporal } from 'temporal-polyfill';
import { kstDate } from '../../clock/kst.ts';

/** A KST date as the statistics write it: YYYYMMDD. */
export type Yyyymmdd = string;

const compact = (d: Temporal.PlainDate): Yyyymmdd => d.toString().replaceAll('-', '');

/** YYYYMMDD → PlainDate, or undefined for anything that is no real date. */
export function plainDateOf(value: string): Temporal.PlainDate | undefined {
  const m = /^([0-9]{4})([0-9]{2})([0-9]{2})$/.exec(value);
  if (!m) return undefined;
  try {
    return Temporal.PlainDate.from(
      { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) },
      { overflow: 'reject' },
    );
  } catch {
    return undefined;
  }
}

export function isSunday(value: Yyyymmdd): boolean {
  return plainDateOf(value)?.dayOfWeek === 7;
}

/** The KST day of an instant, YYYYMMDD. */
export function kstDay(ms: number): Yyyymmdd {
  return compact(kstDate(ms));
}

/** The KST day of a day number (days since 1970-01-01 KST, as `kstDayNumber` counts them). */
export function dayOfNumber(dayNumber: number): Yyyymmdd {
  return compact(Temporal.PlainDate.from('1970-01-01').add({ days: dayNumber }));
}

/** The 7 days a week's statistics cover: the Sunday to Saturday before the inquiry date (a Sunday), oldest first. */
export function weekDays(inquiryDate: Yyyymmdd): Yyyymmdd[] {
  const sunday = plainDateOf(inquiryDate);
  if (sunday?.dayOfWeek !== 7) throw new RangeError(`inquiry_date ${inquiryDate} is not a Sunday`);
  return Array.from({ length: 7 }, (_, i) => compact(sunday.subtract({ days: 7 - i })));
}

/**
 * The week a provider owes on a given day: providers send on Monday (지원-005) for the Sunday–Saturday before,
 * so from a Monday up to the next Sunday the week owed is the one ending on the Sunday just before that Monday.
 */
export function dueInquiryDate(nowMs: number): Yyyymmdd {
  const today = kstDate(nowMs);
  const lastMonday = today.subtract({ days: today.dayOfWeek - 1 });
  return compact(lastMonday.subtract({ days: 1 }));
}

/** The first millisecond of a KST day. */
export function kstDayStartMs(day: Yyyymmdd): number {
  const d = plainDateOf(day);
  if (!d) throw new RangeError(`${day} is not a date`);
  return Date.UTC(d.year, d.month - 1, d.day) - 9 * 3_600_000;
}

/** The next Monday at `minuteOfDay` KST strictly after `nowMs` (when the weekly sending runs). */
export function nextMondayAt(nowMs: number, minuteOfDay: number): number {
  const today = kstDate(nowMs);
  const daysToMonday = (8 - today.dayOfWeek) % 7;
  let at = kstDayStartMs(compact(today.add({ days: daysToMonday }))) + minuteOfDay * 60_000;
  if (at <= nowMs) at += 7 * 86_400_000;
  return at;
}
