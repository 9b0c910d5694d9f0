// A collection worker in its own process, for the kill -9 test: opens the operator's store the parent
// migrated, runs every job it can claim until none is left (waiting out the lease of a worker that died),
// then exits 0. Everything comes from the environment (HANNUN_COLLECT_*), nothing from the parent's memory.
import { createRegistry, type RegisteredOrg, type RegisteredService } from '@hannun/registry';
import { openStore } from '@hannun/store';
import { keyRingFromJson } from '../../crypto/key-ring.ts';
import { createOperatorDomain } from '../../operator-domain.ts';
import { prepareOperatorStore } from '../../schema/open-operator-store.ts';
import type { OperatorDatabase } from '../../schema/operator-database.ts';
import { createCollectionEngine } from '../collect-engine.ts';
import { CLIENT_ID, CLIENT_SECRET, OPERATOR } from './collect-world.ts';

const env = (name: string): string => {
  const v = process.env[name];
  if (v === undefined) throw new Error(`${name} is not set`);
  return v;
};

const schema = process.env.HANNUN_COLLECT_SCHEMA;
const store = await openStore<OperatorDatabase>({
  url: env('HANNUN_COLLECT_STORE_URL'),
  ...(schema ? { schema } : {}),
});
await prepareOperatorStore(store);
const now = Number(env('HANNUN_COLLECT_NOW'));
const registryJson = JSON.parse(env('HANNUN_COLLECT_REGISTRY')) as {
  orgs: RegisteredOrg[];
  services: RegisteredService[];
};
const registry = createRegistry({ ...registryJson, takenAt: now });
const domain = createOperatorDomain({
  store,
  keyRing: keyRingFromJson(env('HANNUN_COLLECT_KEYS')),
  clock: { nowMs: () => now },
  registry,
  recipient: { orgCode: OPERATOR, clientId: CLIENT_ID },
});
const engine = createCollectionEngine({
  domain,
  registry,
  orgCode: OPERATOR,
  service: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
  workerId: env('HANNUN_COLLECT_WORKER'),
  settings: { leaseMs: 1_500, maxJobs: 4, retry: { attempts: 3, baseMs: 5, capMs: 20, maxRetryAfterMs: 1_000 } },
});
for (;;) {
  await engine.runUntilIdle();
  const live = await store.db
    .selectFrom('op_collect_job')
    .select('id')
    .where('status', 'in', ['queued', 'running'])
    .execute();
  if (live.length === 0) break;
  await new Promise((resolve) => setTimeout(resolve, 200));
}
// Every write is committed: exit without waiting for the store to close (a kill -9 never waits either).
process.exit(0);
