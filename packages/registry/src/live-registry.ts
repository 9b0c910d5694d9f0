import { createRegistry } from './create-registry.ts';
import type { RegisteredOrg, RegisteredService, Registry, RegistrySnapshot } from './registry.ts';

/** One change to apply: a registration or modification (upsert), or a removal by key. */
export type OrgDelta =
  | { readonly op: 'I' | 'M'; readonly org: RegisteredOrg }
  | { readonly op: 'D'; readonly orgCode: string };

export type ServiceDelta =
  | { readonly op: 'I' | 'M'; readonly service: RegisteredService }
  | { readonly op: 'D'; readonly clientId: string };

export interface RegistryDeltas {
  readonly orgs?: readonly OrgDelta[];
  readonly services?: readonly ServiceDelta[];
  /** When the portal answered (epoch ms): the new snapshot's takenAt. */
  readonly takenAt: number;
}

/**
 * A Registry that updates in place: services hold this one object, and every lookup answers from the current
 * snapshot. `replace` swaps in a whole snapshot; `applyDeltas` applies 지원-002/003 changes (I and M upsert, D
 * removes; removing an organisation removes its services). A change that would break the registry's rules
 * (duplicate serials, a service of an unknown organisation) is refused whole: the registry stays as it was.
 */
export interface LiveRegistry extends Registry {
  replace(snapshot: RegistrySnapshot): void;
  applyDeltas(deltas: RegistryDeltas): void;
  /** Called after every replace or applied delta, with the new snapshot; returns the unsubscribe. */
  onChange(listener: (snapshot: RegistrySnapshot) => void): () => void;
}

const EMPTY: RegistrySnapshot = { orgs: [], services: [], takenAt: 0 };

export function createLiveRegistry(initial: RegistrySnapshot = EMPTY): LiveRegistry {
  let current = createRegistry(initial);
  const listeners = new Set<(snapshot: RegistrySnapshot) => void>();
  const swap = (next: Registry) => {
    current = next;
    for (const listener of listeners) listener(next.snapshot);
  };
  return {
    get snapshot() {
      return current.snapshot;
    },
    org: (code) => current.org(code),
    orgBySerial: (serial) => current.orgBySerial(serial),
    service: (clientId) => current.service(clientId),
    orgByClientId: (clientId) => current.orgByClientId(clientId),
    caByCode: (caCode) => current.caByCode(caCode),
    replace(snapshot) {
      swap(createRegistry(snapshot));
    },
    applyDeltas(deltas) {
      const orgs = new Map(current.snapshot.orgs.map((o) => [o.orgCode, o]));
      const services = new Map(current.snapshot.services.map((s) => [s.clientId, s]));
      for (const d of deltas.orgs ?? []) {
        if (d.op === 'D') {
          orgs.delete(d.orgCode);
          for (const [clientId, s] of services) if (s.orgCode === d.orgCode) services.delete(clientId);
        } else orgs.set(d.org.orgCode, d.org);
      }
      for (const d of deltas.services ?? []) {
        if (d.op === 'D') services.delete(d.clientId);
        else services.set(d.service.clientId, d.service);
      }
      swap(createRegistry({ orgs: [...orgs.values()], services: [...services.values()], takenAt: deltas.takenAt }));
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
