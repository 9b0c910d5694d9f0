import { StoreRangeError } from './errors/store-range-error.ts';

const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const MIN = -MAX;

/** A 64-bit integer as a number, or {@link StoreRangeError} when it would lose precision. */
export function bigintToSafeNumber(value: bigint, column?: string): number {
  if (value > MAX || value < MIN) throw new StoreRangeError(column);
  return Number(value);
}

/**
 * A PostgreSQL int8 or numeric text value as a number. Integers must be safe integers; a fraction (avg(),
 * a numeric column) becomes the nearest double, as SQLite's REAL would, but only within the safe range.
 */
export function decimalTextToNumber(text: string, column?: string): number {
  const n = Number(text);
  if (Number.isNaN(n)) return n; // numeric 'NaN'
  if (Number.isInteger(n) ? !Number.isSafeInteger(n) : Math.abs(n) > Number.MAX_SAFE_INTEGER) {
    throw new StoreRangeError(column);
  }
  return n;
}
