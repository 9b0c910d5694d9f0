import pg from 'pg';
import { decimalTextToNumber } from '../safe-number.ts';

/** PostgreSQL type OIDs we parse ourselves. */
export const PG_OID = { int8: 20, numeric: 1700 } as const;

/**
 * Type parsers for one pool only (never pg's global ones): int8 (bigint, count(*)) and numeric (sum() of
 * bigint, avg()) as numbers, as SQLite returns them, with a {@link StoreRangeError} beyond
 * Number.MAX_SAFE_INTEGER rather than a silently rounded amount.
 */
export function storeTypeParsers(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  types.setTypeParser(PG_OID.int8, 'text', (text) => decimalTextToNumber(text));
  types.setTypeParser(PG_OID.numeric, 'text', (text) => decimalTextToNumber(text));
  return types;
}
