import { aeadOpen, aeadSeal, aeadVersion } from './aead.ts';
import { KeyRingError, SealedValueError } from './crypto-errors.ts';
import { fieldAad, type PersonCipher } from './field-cipher.ts';
import type { KeyRing } from './key-ring.ts';

/**
 * Seals with the operator's own KEK rather than a person's data key, for the few values that must outlive
 * the person: a refresh token waiting to be revoked at the provider after the person left (vault/
 * revocation outbox), deleted as soon as the revocation is done. Same format and AAD rule as person fields.
 */
export function operatorCipher(ring: KeyRing): Omit<PersonCipher, 'personId'> {
  const kek = (v: number) => {
    const k = ring.keks.get(v);
    if (!k) throw new KeyRingError(`operator keys: KEK version ${v} is not in the key ring`);
    return k;
  };
  const seal = (table: string, column: string, rowId: string, plaintext: string) =>
    aeadSeal(
      kek(ring.current),
      ring.current,
      fieldAad({ table, column, rowId: `operator:${rowId}` }, ring.current),
      Buffer.from(plaintext, 'utf8'),
    );
  const open = (table: string, column: string, rowId: string, sealed: string) => {
    const version = aeadVersion(sealed);
    const plain =
      version === undefined
        ? undefined
        : aeadOpen(kek(version), fieldAad({ table, column, rowId: `operator:${rowId}` }, version), sealed);
    if (!plain) throw new SealedValueError(`${table}.${column} of row ${rowId} does not open`);
    return plain.toString('utf8');
  };
  return {
    seal,
    open,
    sealOptional: (t, c, r, p) => (p === null || p === undefined ? null : seal(t, c, r, p)),
    openOptional: (t, c, r, s) => (s === null ? null : open(t, c, r, s)),
  };
}
