/**
 * The normalised model, declared as data: each table's columns and key, from which the migration (DDL),
 * the writer (wire values → columns, sealing, upsert) and the reader are derived. Column names are the
 * standard's field names (trans_amt, approved_dtime …) so a row reads like the message it came from.
 *
 * | kind    | stored as                                                       | read back as            |
 * |---------|-----------------------------------------------------------------|-------------------------|
 * | text    | text (codes, product names, provider ids)                       | string                  |
 * | int     | int64 (N: counts, points)                                       | number                  |
 * | amount  | `<c>` int64 when whole KRW, else `<c>_dec` text (FX, fractions) | number (KRW) or string  |
 * | decimal | text, canonical decimal (rates, units, prices)                  | string                  |
 * | date    | text YYYYMMDD; dtime YYYYMMDDhhmmss (KST); month YYYYMM         | string                  |
 * | bool    | boolean                                                         | boolean                 |
 * | sealed  | `<c>_sealed` (person's data key, AAD = table|column|row|version), optional `<c>_bidx` | string |
 * | json    | text: a nested list as wire strings (int_list)                  | parsed JSON             |
 * | sealedJson | `<c>_sealed`: a nested list with personal data (insured_list) | parsed JSON             |
 */
export type ColumnKind =
  | 'text'
  | 'int'
  | 'amount'
  | 'decimal'
  | 'date'
  | 'dtime'
  | 'month'
  | 'bool'
  | 'sealed'
  | 'json'
  | 'sealedJson';

export interface ColumnDef {
  readonly kind: ColumnKind;
  /** sealed: also keep a blind index `<c>_bidx` for equality search. */
  readonly bidx?: boolean;
  /** amount: the currency is always KRW (krw_amt of an overseas approval), whatever the row's currency. */
  readonly krw?: boolean;
}

export interface ModelTableDef {
  readonly name: string;
  /** asset: rows belong to one asset (op_asset); org: to the person at one provider. */
  readonly scope: 'asset' | 'org';
  /**
   * Columns that identify a row within its scope (with the API family): [] = one row per scope. A second
   * write with the same key replaces the row only when its content changed.
   */
  readonly key: readonly string[];
  /**
   * When this key column is absent (an optional trans_no), the row is identified by its whole content and
   * its occurrence among identical rows of the same write instead ('*' = always).
   */
  readonly fingerprintWhenMissing?: string;
  /** The column that holds the currency of the row's amounts (KRW when absent or empty). */
  readonly currency?: string;
  /** A time column to index with the person (transaction lists are read by time). */
  readonly time?: string;
  readonly columns: Readonly<Record<string, ColumnDef>>;
}

export const c = {
  text: { kind: 'text' },
  int: { kind: 'int' },
  amount: { kind: 'amount' },
  krwAmount: { kind: 'amount', krw: true },
  decimal: { kind: 'decimal' },
  date: { kind: 'date' },
  dtime: { kind: 'dtime' },
  month: { kind: 'month' },
  bool: { kind: 'bool' },
  sealed: { kind: 'sealed' },
  sealedIndexed: { kind: 'sealed', bidx: true },
  json: { kind: 'json' },
  sealedJson: { kind: 'sealedJson' },
} as const satisfies Record<string, ColumnDef>;

export function table<const T extends ModelTableDef>(def: T): T {
  for (const k of def.key) if (!(k in def.columns)) throw new Error(`${def.name}: key column ${k} is not a column`);
  return def;
}

/** The database columns of one model column. */
export function storedColumns(name: string, def: ColumnDef): string[] {
  switch (def.kind) {
    case 'amount':
      return [name, `${name}_dec`];
    case 'sealed':
      return def.bidx ? [`${name}_sealed`, `${name}_bidx`] : [`${name}_sealed`];
    case 'sealedJson':
      return [`${name}_sealed`];
    default:
      return [name];
  }
}

/** Columns every model table has: identity, owner, provenance and the content hash of idempotent writes. */
export const PROVENANCE_COLUMNS = [
  'id',
  'person_id',
  'org_code',
  'asset_id',
  'api_id',
  'api_type',
  'collected_at',
  'content_hash',
] as const;
