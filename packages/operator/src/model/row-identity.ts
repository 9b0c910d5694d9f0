import { createHmac } from 'node:crypto';

/** A plain (unsealed) row: column → wire string, nested list, or null. */
export type PlainValue = string | readonly unknown[] | null;
export type PlainRow = Readonly<Record<string, PlainValue>>;

function canonical(row: PlainRow): string {
  return JSON.stringify(
    Object.keys(row)
      .sort()
      .map((k) => [k, row[k] ?? null]),
  );
}

/**
 * Row ids: HMAC-SHA256 (a key derived for the purpose) over the table, owner, provider, asset and the row's
 * key, so the same transaction always lands on the same row (idempotent writes) and the id says nothing
 * about the account number or amount inside it.
 */
export function rowId(key: Buffer, parts: readonly string[]): string {
  return createHmac('sha256', key).update(JSON.stringify(parts), 'utf8').digest('base64url');
}

/** The identity of a row without a usable key: its whole content. */
export function fingerprint(row: PlainRow): string {
  return canonical(row);
}

/** What a write compares to tell "the same again" from "changed": HMAC over the canonical content. */
export function contentHash(key: Buffer, row: PlainRow): string {
  return createHmac('sha256', key).update(canonical(row), 'utf8').digest('base64url');
}
