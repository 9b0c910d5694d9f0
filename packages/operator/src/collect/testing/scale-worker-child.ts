// One of the scale test's worker processes: the collection engine's long-running worker loop (`start`,
// as `hannun worker` runs it) over the shared PostgreSQL job table, until SIGTERM stops it cleanly. It
// tells the parent, over IPC, how many information calls it made.
import { createProviderClient, type ProviderClient } from '../provider-client.ts';
import { OPERATOR } from './collect-world.ts';
import { engineFromEnv } from './worker-from-env.ts';

let calls = 0;
const { store, engine } = await engineFromEnv({
  settings: {
    leaseMs: 1_500,
    pollMs: 100,
    maxJobs: 6,
    callTimeoutMs: 700,
    retry: { attempts: 4, baseMs: 5, capMs: 50, maxRetryAfterMs: 1_000 },
    breaker: { threshold: 8, cooldownMs: 300 },
    unavailableMs: 200,
    housekeepingMs: 3_600_000,
  },
  client(clock): ProviderClient {
    const real = createProviderClient({ orgCode: OPERATOR, timeoutMs: 700, now: () => clock.nowMs() });
    return {
      call(c) {
        calls++;
        return real.call(c);
      },
    };
  },
});
const report = setInterval(() => process.send?.({ type: 'calls', calls }), 100);
engine.start();
process.once('SIGTERM', () => {
  void engine.stop().then(async () => {
    clearInterval(report);
    process.send?.({ type: 'stopped', calls });
    await store.close();
    process.exit(0);
  });
});
