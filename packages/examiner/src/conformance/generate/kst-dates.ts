import { DATE, decodeValue, encodeValue, MONTH, type ValueOf } from '@hannun/spec';

/** A calendar date as the spec's codecs give it (Temporal.PlainDate), without a dependency of our own. */
export type PlainDate = ValueOf<typeof DATE>;
export type PlainYearMonth = ValueOf<typeof MONTH>;

const KST_OFFSET_MS = 9 * 3_600_000;
const ctx = { field: 'date', location: 'query' } as const;

/** Today in Korean time (the providers' calendar), at `nowMs`. */
export function kstToday(nowMs: number = Date.now()): PlainDate {
  const d = new Date(nowMs + KST_OFFSET_MS);
  const ymd = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
  return decodeValue(DATE, ymd, ctx);
}

export const dateWire = (d: PlainDate): string => encodeValue(DATE, d, ctx);
export const monthWire = (m: PlainYearMonth): string => encodeValue(MONTH, m, ctx);
export const parseDate = (s: string): PlainDate => decodeValue(DATE, s, ctx);
export const parseMonth = (s: string): PlainYearMonth => decodeValue(MONTH, s, ctx);
