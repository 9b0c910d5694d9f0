import { randomBytes } from 'node:crypto';
import type { Kysely } from '@hannun/store';
import { aeadOpen, aeadSeal, aeadVersion } from './aead.ts';
import { DataKeyMissing, KeyRingError } from './crypto-errors.ts';
import type { OperatorDatabase } from '../schema/operator-database.ts';
import type { KeyRing } from './key-ring.ts';

/** A person's data key of one version, unwrapped (in memory only). */
export interface DataKey {
  readonly personId: string;
  readonly version: number;
  readonly key: Buffer;
}

/** Every data key of a person, newest (the one that seals) first. */
export interface PersonKeySet {
  readonly personId: string;
  readonly current: DataKey;
  byVersion(version: number): DataKey | undefined;
}

/** Something Kysely can query with: the store's `db` or a transaction. */
export type Queryable = Kysely<OperatorDatabase>;

const wrapAad = (personId: string, version: number) => Buffer.from(`op_person_key|dek|${personId}|${version}`, 'utf8');

/**
 * Each person's data keys (DEK, 256 bits), wrapped by the operator's KEK with its version, in op_person_key.
 * Destroying a person's rows is crypto-shredding: every value sealed for them becomes unreadable, in every
 * backup too. Unwrapped keys are cached for `cacheMs` (default 5 minutes) and forgotten on destroy.
 */
export class PersonKeys {
  readonly #ring: KeyRing;
  readonly #now: () => number;
  readonly #cacheMs: number;
  readonly #cache = new Map<string, { set: PersonKeySet; until: number }>();
  static readonly MAX_CACHED = 10_000;

  constructor(ring: KeyRing, opts: { nowMs?: () => number; cacheMs?: number } = {}) {
    this.#ring = ring;
    this.#now = opts.nowMs ?? Date.now;
    this.#cacheMs = opts.cacheMs ?? 5 * 60_000;
  }

  /** Creates the person's first data key and stores it wrapped; returns it for sealing at once. */
  async create(db: Queryable, personId: string): Promise<PersonKeySet> {
    return keySet(personId, [await this.#add(db, personId, 1)]);
  }

  /** A new data key version that seals from now on; the older ones still open what they sealed. */
  async rotate(db: Queryable, personId: string): Promise<PersonKeySet> {
    this.#cache.delete(personId);
    const older = await this.#read(db, personId);
    const added = await this.#add(db, personId, older[0]!.version + 1);
    // Not cached: the caller's transaction may still roll back.
    return keySet(personId, [added, ...older]);
  }

  async #add(db: Queryable, personId: string, version: number): Promise<DataKey> {
    const key = randomBytes(32);
    const kek = this.#kek(this.#ring.current);
    await db
      .insertInto('op_person_key')
      .values({
        person_id: personId,
        version,
        kek_version: this.#ring.current,
        wrapped_key: aeadSeal(kek, this.#ring.current, wrapAad(personId, version), key),
        created_at: this.#now(),
      })
      .execute();
    return { personId, version, key };
  }

  /** The person's keys; DataKeyMissing when there are none (destroyed or never created). */
  async load(db: Queryable, personId: string): Promise<PersonKeySet> {
    const cached = this.#cache.get(personId);
    if (cached && cached.until > this.#now()) return cached.set;
    const set = keySet(personId, await this.#read(db, personId));
    if (this.#cache.size >= PersonKeys.MAX_CACHED) this.#cache.clear();
    this.#cache.set(personId, { set, until: this.#now() + this.#cacheMs });
    return set;
  }

  /** Every key of the person, newest first, unwrapped; DataKeyMissing when there is none. */
  async #read(db: Queryable, personId: string): Promise<DataKey[]> {
    const rows = await db
      .selectFrom('op_person_key')
      .select(['version', 'kek_version', 'wrapped_key'])
      .where('person_id', '=', personId)
      .orderBy('version', 'desc')
      .execute();
    if (rows.length === 0) throw new DataKeyMissing(personId);
    return rows.map((r) => {
      const version = Number(r.version);
      const kekVersion = Number(r.kek_version);
      if (aeadVersion(r.wrapped_key) !== kekVersion)
        throw new KeyRingError(`op_person_key of ${personId} v${version} is malformed`);
      const key = aeadOpen(this.#kek(kekVersion), wrapAad(personId, version), r.wrapped_key);
      if (!key) throw new KeyRingError(`the data key of ${personId} v${version} does not open with KEK v${kekVersion}`);
      return { personId, version, key };
    });
  }

  /** Crypto-shredding: deletes every data key of the person; returns how many there were. */
  async destroy(db: Queryable, personId: string): Promise<number> {
    this.#cache.delete(personId);
    const result = await db.deleteFrom('op_person_key').where('person_id', '=', personId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Forget a cached key (another process destroyed it, or after a rolled-back transaction). */
  forget(personId: string): void {
    this.#cache.delete(personId);
  }

  /**
   * KEK rotation: rewraps every data key still wrapped by an older KEK with the current one, `batch` at a
   * time, each row compare-and-set on its old KEK version. Returns how many were rewrapped.
   */
  async rewrapAll(db: Queryable, batch = 500): Promise<number> {
    const current = this.#ring.current;
    const kek = this.#kek(current);
    let done = 0;
    for (;;) {
      const rows = await db
        .selectFrom('op_person_key')
        .select(['person_id', 'version', 'kek_version', 'wrapped_key'])
        .where('kek_version', '<>', current)
        .limit(batch)
        .execute();
      if (rows.length === 0) return done;
      for (const r of rows) {
        const version = Number(r.version);
        const aad = wrapAad(r.person_id, version);
        const key = aeadOpen(this.#kek(Number(r.kek_version)), aad, r.wrapped_key);
        if (!key) throw new KeyRingError(`the data key of ${r.person_id} v${version} does not open with its KEK`);
        const result = await db
          .updateTable('op_person_key')
          .set({ kek_version: current, wrapped_key: aeadSeal(kek, current, aad, key) })
          .where('person_id', '=', r.person_id)
          .where('version', '=', version)
          .where('kek_version', '=', r.kek_version)
          .executeTakeFirst();
        done += Number(result.numUpdatedRows);
      }
    }
  }

  #kek(version: number): Buffer {
    const kek = this.#ring.keks.get(version);
    if (!kek) throw new KeyRingError(`operator keys: KEK version ${version} is not in the key ring`);
    return kek;
  }
}

function keySet(personId: string, keys: readonly DataKey[]): PersonKeySet {
  const sorted = [...keys].sort((a, b) => b.version - a.version);
  const current = sorted[0];
  if (!current) throw new DataKeyMissing(personId);
  return { personId, current, byVersion: (v) => sorted.find((k) => k.version === v) };
}
