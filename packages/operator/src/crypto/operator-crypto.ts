import { BlindIndex } from './blind-index.ts';
import { type PersonCipher, personCipher } from './field-cipher.ts';
import { deriveKey, type KeyRing } from './key-ring.ts';
import { operatorCipher } from './operator-cipher.ts';
import { PersonKeys, type Queryable } from './person-keys.ts';

/** Everything of crypto/ a repository needs, built once per process from the key ring. */
export interface OperatorCrypto {
  readonly keys: PersonKeys;
  readonly index: BlindIndex;
  /** Values that outlive a person (the revocation outbox). */
  readonly operator: Omit<PersonCipher, 'personId'>;
  /** The person's cipher (their data keys loaded through `db`, which may be a transaction). */
  cipherFor(db: Queryable, personId: string): Promise<PersonCipher>;
  /** A 32-byte key for one purpose (password pepper, CSRF, row-id hashing), derived from the index key. */
  derive(purpose: string): Buffer;
}

export function createOperatorCrypto(
  ring: KeyRing,
  opts: { nowMs?: () => number; cacheMs?: number } = {},
): OperatorCrypto {
  const keys = new PersonKeys(ring, opts);
  const derived = new Map<string, Buffer>();
  return {
    keys,
    index: new BlindIndex(ring),
    operator: operatorCipher(ring),
    async cipherFor(db, personId) {
      return personCipher(await keys.load(db, personId));
    },
    derive(purpose) {
      let k = derived.get(purpose);
      if (!k) {
        k = deriveKey(ring, purpose);
        derived.set(purpose, k);
      }
      return k;
    },
  };
}
