import { aeadOpen, aeadSeal, aeadVersion } from './aead.ts';
import { SealedValueError } from './crypto-errors.ts';
import type { PersonKeySet } from './person-keys.ts';

/** Where a sealed value lives: the AAD binds a ciphertext to exactly this place. */
export interface FieldPlace {
  readonly table: string;
  readonly column: string;
  readonly rowId: string;
}

const SAFE = /^[^|]+$/;

/** AAD = `table|column|rowId|keyVersion`: a ciphertext moved to another row, column or table does not open. */
export function fieldAad(place: FieldPlace, keyVersion: number): Buffer {
  for (const [what, v] of [
    ['table', place.table],
    ['column', place.column],
    ['rowId', place.rowId],
  ] as const) {
    if (!SAFE.test(v)) throw new TypeError(`seal: ${what} must be non-empty and without "|"`);
  }
  return Buffer.from(`${place.table}|${place.column}|${place.rowId}|${keyVersion}`, 'utf8');
}

const where = (p: FieldPlace) => `${p.table}.${p.column} of row ${p.rowId}`;

/**
 * Seals and opens one person's fields with their data key (AES-256-GCM, aead.ts format). `seal` uses the
 * current key version; `open` the version named in the value. Errors name the place, never the value.
 */
export interface PersonCipher {
  readonly personId: string;
  seal(table: string, column: string, rowId: string, plaintext: string): string;
  open(table: string, column: string, rowId: string, sealed: string): string;
  /** null stays null (an optional sealed column). */
  sealOptional(table: string, column: string, rowId: string, plaintext: string | null | undefined): string | null;
  openOptional(table: string, column: string, rowId: string, sealed: string | null): string | null;
}

export function personCipher(keys: PersonKeySet): PersonCipher {
  const seal = (table: string, column: string, rowId: string, plaintext: string) => {
    const { current } = keys;
    const aad = fieldAad({ table, column, rowId }, current.version);
    return aeadSeal(current.key, current.version, aad, Buffer.from(plaintext, 'utf8'));
  };
  const open = (table: string, column: string, rowId: string, sealed: string) => {
    const place = { table, column, rowId };
    const version = aeadVersion(sealed);
    if (version === undefined) throw new SealedValueError(`${where(place)} is not a sealed value`);
    const key = keys.byVersion(version);
    if (!key) throw new SealedValueError(`${where(place)} was sealed with key version ${version}, which is gone`);
    const plain = aeadOpen(key.key, fieldAad(place, version), sealed);
    if (!plain) {
      throw new SealedValueError(`${where(place)} does not open: sealed for another person, row or column, or altered`);
    }
    return plain.toString('utf8');
  };
  return {
    personId: keys.personId,
    seal,
    open,
    sealOptional: (t, c, r, p) => (p === null || p === undefined ? null : seal(t, c, r, p)),
    openOptional: (t, c, r, s) => (s === null ? null : open(t, c, r, s)),
  };
}
