import type { ConsentRecord, ConsentStore } from './consent.ts';

/** The consent store in memory: what the engine runs on until the store issue gives it a database. */
export function createMemoryConsentStore(initial: Iterable<ConsentRecord> = []): ConsentStore & {
  /** Every consent held, for the demo and the test view. */
  all(): ConsentRecord[];
} {
  const byId = new Map<string, ConsentRecord>();
  for (const consent of initial) byId.set(consent.id, consent);
  return {
    get: (id) => byId.get(id),
    put(consent) {
      byId.set(consent.id, consent);
    },
    revoke(id, at) {
      const consent = byId.get(id);
      if (!consent) return;
      // A consent revoked once stays revoked from the first time.
      if (consent.revokedAt !== undefined && consent.revokedAt <= at) return;
      byId.set(id, { ...consent, revokedAt: at });
    },
    all: () => [...byId.values()],
  };
}
