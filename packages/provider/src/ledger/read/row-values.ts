import { Decimal } from 'decimal.js';
import { dayOfTs, epochMsOfTs, ymdOf } from '../time/day-number.ts';
import { plainDateOf, plainDateTimeOf, yearMonthOf } from '../time/temporal-values.ts';

/**
 * Inner values of rows, built only when a read answers: KRW integers and foreign cents become Decimal,
 * rates (thousandths of a percent) become Decimal with at most 3 places, days and times become Temporal.
 */
export const krw = (n: number): Decimal => new Decimal(Math.round(n));
export const cents = (c: number): Decimal => new Decimal(Math.round(c)).div(100);
export const units = (q: number): Decimal => new Decimal(Math.round(q * 1000)).div(1000);
export const rate = (milli: number): Decimal => new Decimal(milli).div(1000);
export const amountIn = (currency: string, n: number): Decimal => (currency === 'KRW' ? krw(n) : cents(n));
export const date = plainDateOf;
export const dtime = plainDateTimeOf;
export const month = yearMonthOf;
export const ms = epochMsOfTs;

/** A day of month as the standard's aN(2) (repay_date, charge_day, pay_date). */
export const dom = (day: number): string => String(ymdOf(day) % 100).padStart(2, '0');

/** A transaction number unique within the product: month and sequence. */
export function transNo(mi: number, no: number, prefix = ''): string {
  const y = Math.floor(mi / 12);
  const m = (mi % 12) + 1;
  return `${prefix}${y}${String(m).padStart(2, '0')}${String(no).padStart(5, '0')}`;
}

/** A transaction number unique within a product: the day and the number within its month. */
export function dayTransNo(ts: number, no: number): string {
  return `${ymdOf(dayOfTs(ts))}${String(no).padStart(4, '0')}`;
}
