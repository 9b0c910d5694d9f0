// A collection worker in its own process, for the kill -9 test: opens the operator's store the parent
// migrated, runs every job it can claim until none is left (waiting out the lease of a worker that died),
// then exits 0. Everything comes from the environment (HANNUN_COLLECT_*), nothing from the parent's memory.
import { engineFromEnv } from './worker-from-env.ts';

const { store, engine } = await engineFromEnv({
  settings: {
    leaseMs: Number(process.env.HANNUN_COLLECT_LEASE_MS ?? 1_500),
    maxJobs: 4,
    retry: { attempts: 3, baseMs: 5, capMs: 20, maxRetryAfterMs: 1_000 },
  },
});
// With an IPC channel (the fault suite's kill -9 test), say when the worker is about to claim jobs.
process.send?.({ type: 'ready' });
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
