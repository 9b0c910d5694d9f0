import type { DeltaEntry, RegistryChange } from './portal-org.ts';

/**
 * What a caller that last synced before these changes must apply: one entry per key, with the latest record.
 * The op is D when the last change removed it; I when its first change in the window registered it (the
 * caller never saw it); M otherwise (including removed and registered again). Callers apply I and M alike
 * (upsert) and D as removal, so an entry repeated in the next window is harmless. In log order of each key's
 * last change.
 */
export function reduceChanges<R>(changes: readonly RegistryChange<R>[]): DeltaEntry<R>[] {
  const byKey = new Map<string, { first: RegistryChange<R>; last: RegistryChange<R> }>();
  for (const c of changes) {
    const seen = byKey.get(c.key);
    if (seen) {
      byKey.delete(c.key); // re-inserted below: the map keeps the order of each key's last change
      byKey.set(c.key, { first: seen.first, last: c });
    } else byKey.set(c.key, { first: c, last: c });
  }
  return [...byKey.values()].map(({ first, last }) => ({
    op: last.op === 'D' ? 'D' : first.op === 'I' ? 'I' : 'M',
    record: last.record,
  }));
}
