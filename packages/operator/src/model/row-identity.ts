import { createHmac } from 'node:crypto';

/** A plain (unsealed) row: column → wire string, nested list, or null. */
export type PlainValue = string | readonly unknown[] | null;
export type PlainRow = Readonly<Record<string, PlainValue>>;

/** A row's column names in canonical (sorted) order, each also as JSON: compute once for rows of the same columns. */
export interface CanonicalKeys {
  readonly names: readonly string[];
  readonly quoted: readonly string[];
}

export function canonicalKeys(row: PlainRow): CanonicalKeys {
  const names = Object.keys(row).sort();
  return { names, quoted: names.map((k) => JSON.stringify(k)) };
}

/**
 * The row as `JSON.stringify` of its [column, value] pairs, columns sorted (values absent → null), written
 * without building the pairs. `keys` must be the row's own keys (canonicalKeys of a row with the same columns).
 */
function canonical(row: PlainRow, keys: CanonicalKeys = canonicalKeys(row)): string {
  const { names, quoted } = keys;
  let out = '[';
  for (let i = 0; i < names.length; i++) {
    const v = row[names[i]!] ?? null;
    out += `${i === 0 ? '' : ','}[${quoted[i]},${v === null ? 'null' : JSON.stringify(v)}]`;
  }
  return `${out}]`;
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
export function fingerprint(row: PlainRow, keys?: CanonicalKeys): string {
  return canonical(row, keys);
}

/** What a write compares to tell "the same again" from "changed": HMAC over the canonical content. */
export function contentHash(key: Buffer, row: PlainRow, keys?: CanonicalKeys): string {
  return createHmac('sha256', key).update(canonical(row, keys), 'utf8').digest('base64url');
}
