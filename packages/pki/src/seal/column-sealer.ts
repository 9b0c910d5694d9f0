import { aeadOpen, aeadSeal, aeadVersion } from './aead.ts';
import { type BlindIndex, createBlindIndex } from './blind-index.ts';
import { SealError } from './seal-error.ts';
import { deriveStorageSubkey } from './storage-key.ts';

/** The row a sealed value belongs to: its key, or the parts of a composite key. */
export type RowKey = string | readonly string[];

/**
 * Seals a service's sensitive columns (a CI, account numbers, signed consents) with AES-256-GCM under a key
 * derived from its storage key (aead.ts format). The additional authenticated data binds each value to its
 * table, column, row and key version: a value copied to another row or column does not open.
 */
export interface ColumnSealer {
  seal(table: string, column: string, row: RowKey, plaintext: string): string;
  /** The plaintext; a SealError naming the place when it does not open. */
  open(table: string, column: string, row: RowKey, sealed: string): string;
  /** null stays null (an optional column). */
  sealOptional(table: string, column: string, row: RowKey, plaintext: string | null | undefined): string | null;
  openOptional(table: string, column: string, row: RowKey, sealed: string | null): string | null;
  /** The blind index of `value` for lookups by equality (see blind-index.ts). */
  readonly index: BlindIndex;
}

/** The key version of values sealed now. A later rotation adds version 2 and keeps opening version 1. */
const VERSION = 1;

/** Unambiguous whatever the names hold: a JSON array, after a label of this format. */
function columnAad(table: string, column: string, row: RowKey, version: number): Buffer {
  const parts = typeof row === 'string' ? [row] : [...row];
  if (!table || !column || parts.length === 0 || parts.some((p) => p === '')) {
    throw new TypeError('seal: table, column and row key must be non-empty');
  }
  return Buffer.from(`hannun-column/1${JSON.stringify([table, column, parts, version])}`, 'utf8');
}

export function createColumnSealer(storageKey: Buffer): ColumnSealer {
  const current = deriveStorageSubkey(storageKey, `column-seal|${VERSION}`);
  const keys = new Map([[VERSION, current]]);
  const seal = (table: string, column: string, row: RowKey, plaintext: string) =>
    aeadSeal(current, VERSION, columnAad(table, column, row, VERSION), Buffer.from(plaintext, 'utf8'));
  const open = (table: string, column: string, row: RowKey, sealed: string) => {
    const where = `${table}.${column} of row ${typeof row === 'string' ? row : row.join('/')}`;
    const version = aeadVersion(sealed);
    if (version === undefined) throw new SealError(`${where} is not a sealed value`);
    const key = keys.get(version);
    if (!key)
      throw new SealError(`${where} was sealed with storage key version ${version}, which this service does not have`);
    const plain = aeadOpen(key, columnAad(table, column, row, version), sealed);
    if (!plain)
      throw new SealError(
        `${where} does not open: sealed with another storage key, for another row or column, or altered`,
      );
    return plain.toString('utf8');
  };
  return {
    seal,
    open,
    sealOptional: (t, c, r, p) => (p === null || p === undefined ? null : seal(t, c, r, p)),
    openOptional: (t, c, r, s) => (s === null ? null : open(t, c, r, s)),
    index: createBlindIndex(storageKey),
  };
}
