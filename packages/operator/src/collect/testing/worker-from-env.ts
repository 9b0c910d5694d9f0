// The collection engine of a worker process in the multi-process tests, built from the environment
// (HANNUN_COLLECT_*) alone: nothing comes from the parent's memory, as for a worker on another machine.
import { createRegistry, type RegisteredOrg, type RegisteredService } from '@hannun/registry';
import { openStore, type Store } from '@hannun/store';
import { keyRingFromJson } from '../../crypto/key-ring.ts';
import { createOperatorDomain } from '../../operator-domain.ts';
import { prepareOperatorStore } from '../../schema/open-operator-store.ts';
import type { OperatorDatabase } from '../../schema/operator-database.ts';
import type { Clock } from '../../time/clock.ts';
import { type CollectionEngine, type CollectSettings, createCollectionEngine } from '../collect-engine.ts';
import type { ProviderClient } from '../provider-client.ts';
import { CLIENT_ID, CLIENT_SECRET, OPERATOR } from './collect-world.ts';

const env = (name: string): string => {
  const v = process.env[name];
  if (v === undefined) throw new Error(`${name} is not set`);
  return v;
};

/**
 * Opens the store the parent migrated (HANNUN_COLLECT_STORE_URL, HANNUN_COLLECT_SCHEMA), the key ring
 * (HANNUN_COLLECT_KEYS), the registry (HANNUN_COLLECT_REGISTRY) and builds the engine as worker
 * HANNUN_COLLECT_WORKER. The clock: HANNUN_COLLECT_NOW, frozen, or (with HANNUN_COLLECT_T0, the parent's
 * Date.now() at that instant) moving on in real time, the same for every worker.
 */
export async function engineFromEnv(o: {
  readonly settings: Partial<CollectSettings>;
  /** Another provider client (the scale test counts calls), made with the worker's clock. */
  readonly client?: (clock: Clock) => ProviderClient;
}): Promise<{ store: Store<OperatorDatabase>; engine: CollectionEngine }> {
  const schema = process.env.HANNUN_COLLECT_SCHEMA;
  const store = await openStore<OperatorDatabase>({
    url: env('HANNUN_COLLECT_STORE_URL'),
    ...(schema ? { schema } : {}),
  });
  await prepareOperatorStore(store);
  const base = Number(env('HANNUN_COLLECT_NOW'));
  const t0 = process.env.HANNUN_COLLECT_T0;
  const clock: Clock = t0 === undefined ? { nowMs: () => base } : { nowMs: () => base + (Date.now() - Number(t0)) };
  const registryJson = JSON.parse(env('HANNUN_COLLECT_REGISTRY')) as {
    orgs: RegisteredOrg[];
    services: RegisteredService[];
  };
  const registry = createRegistry({ ...registryJson, takenAt: base });
  const domain = createOperatorDomain({
    store,
    keyRing: keyRingFromJson(env('HANNUN_COLLECT_KEYS')),
    clock,
    registry,
    recipient: { orgCode: OPERATOR, clientId: CLIENT_ID },
  });
  const client = o.client?.(clock);
  const engine = createCollectionEngine({
    domain,
    registry,
    orgCode: OPERATOR,
    service: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    workerId: env('HANNUN_COLLECT_WORKER'),
    settings: o.settings,
    ...(client ? { client } : {}),
  });
  return { store, engine };
}
