import type { DeltaEntry } from '../registry/portal-org.ts';
import { reduceChanges } from '../registry/reduce-changes.ts';
import type { EntityRecord, RegistryEntity, RegistryRepository } from '../store/registry-repository.ts';
import { epochMsOfKstTimestamp } from '../time/kst.ts';

/**
 * The search_timestamp handed back is this much before the answer: a change whose transaction began before the
 * answer was read but committed after it (its time is taken inside the transaction) is then still sent next
 * time. Callers apply entries idempotently, so seeing a change twice is harmless.
 */
export const TIMESTAMP_OVERLAP_MS = 2000;

/** What a delta answer holds: the entries and whether anything changed (else 00001). */
export interface RegistryDelta<R> {
  readonly entries: readonly DeltaEntry<R>[];
  readonly full: boolean;
}

/**
 * The changes of one entity since a search_timestamp (N(14), the KST second the caller last got back): every
 * current record as I for 0, otherwise the change log from the start of that second on, reduced to one entry
 * per key. Including that second means a change committed in the same second as the previous answer is sent
 * (perhaps twice: harmless, since callers upsert). Undefined for a timestamp that is no real time.
 */
export async function registryDelta<E extends RegistryEntity>(
  registry: RegistryRepository,
  entity: E,
  searchTimestamp: number,
): Promise<RegistryDelta<EntityRecord<E>> | undefined> {
  if (searchTimestamp === 0) {
    const current = (
      entity === 'org' ? (await registry.orgs()).map((o) => o.org) : await registry.services()
    ) as EntityRecord<E>[];
    return { entries: current.map((record) => ({ op: 'I', record })), full: true };
  }
  const sinceMs = epochMsOfKstTimestamp(String(searchTimestamp).padStart(14, '0'));
  if (sinceMs === undefined) return undefined;
  return { entries: reduceChanges(await registry.changesSince(entity, sinceMs)), full: false };
}
