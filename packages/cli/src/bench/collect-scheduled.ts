import { createCollectionEngine } from '@hannun/operator';
import { sql } from '@hannun/store';
import { forkBenchChild } from './bench-child.ts';
import type { Benchmark, BenchResult, Measurement } from './bench-types.ts';
import { CLIENT_SECRET, operatorRegistry } from './collect-consent.ts';
import { COLLECT_CLIENT_ID, COLLECT_OPERATOR_ORG } from './collect-consent-protocol.ts';
import type { ScaleProviderReady } from './collect-scale-protocol.ts';
import {
  BENCH_PG_URL,
  connectPeople,
  openStand,
  providerCpuMs,
  type StandDialect,
  setProviderClock,
} from './collect-stand.ts';

export interface CollectScheduledOptions {
  /** People connected to every institution holding their products. */
  readonly people: number;
}

export const COLLECT_SCHEDULED_DEFAULTS: CollectScheduledOptions = { people: 30 };

const DAY = 86_400_000;
const DIALECTS: readonly StandDialect[] = ['sqlite', 'postgres'];

/** One pass of the engine over the queue, measured. */
interface Pass {
  readonly jobs: number;
  readonly seconds: number;
  readonly operatorCpuMs: number;
  readonly providerCpuMs: number;
  readonly calls: number;
  readonly rows: number;
}

/**
 * Scheduled collection on one machine, the providers on the same box (issue #6, Performance): people
 * connected to every institution holding their products are collected once (user-consent, 12 months: the
 * set-up, measured too), then a week later every consent's weekly cycle is due: `scheduleDue` queues one
 * scheduled job per person × institution and the engine (default settings, as `hannun up` and `hannun
 * worker` run it) works the queue. Institution-collections per second and CPU per collection, on SQLite and
 * on PostgreSQL, against one provider process on loopback.
 */
export function collectScheduledBenchmark(overrides: Partial<CollectScheduledOptions> = {}): Benchmark {
  const opts = { ...COLLECT_SCHEDULED_DEFAULTS, ...overrides };
  if (!Number.isInteger(opts.people) || opts.people < 1) {
    throw new RangeError('collect-scheduled: people must be 1 or more');
  }
  return {
    name: 'collect-scheduled',
    description:
      'Scheduled collection on one machine: people at every institution holding their products, collected once (user-consent, 12 months), then a week later every weekly cycle due at once; institution-collections per second and CPU per collection, SQLite and PostgreSQL, the provider engine in another process on loopback',
    async run(): Promise<BenchResult> {
      const child = forkBenchChild(new URL('./collect-scale-provider.ts', import.meta.url), {
        args: [String(opts.people), '26'],
      });
      try {
        const ready = await child.next<ScaleProviderReady>('ready', 180_000);
        const registry = operatorRegistry(ready);
        const measurements: Measurement[] = [];
        const pairs = ready.people.reduce((n, p) => n + p.orgs.length, 0);
        for (const dialect of DIALECTS) {
          await setProviderClock(child, ready.now);
          const stand = await openStand(dialect, registry, ready.now);
          try {
            const ids = await connectPeople(stand, child, ready, ready.people);
            const engine = createCollectionEngine({
              domain: stand.domain,
              registry,
              orgCode: COLLECT_OPERATOR_ORG,
              service: { clientId: COLLECT_CLIENT_ID, clientSecret: CLIENT_SECRET },
            });
            // Works the queue; jobs waiting for their institution's np_time window (some open at 16:00 or
            // 18:00 only) run when both clocks are moved to it. Only the engine's work is timed.
            const pass = async (what: string, apiType: string, enqueue: () => Promise<number>): Promise<Pass> => {
              const expected = await enqueue();
              let done = 0;
              let seconds = 0;
              let operatorCpuMs = 0;
              let providerMs = 0;
              for (;;) {
                const p0 = await providerCpuMs(child);
                const o0 = process.cpuUsage();
                const t0 = performance.now();
                const report = await engine.runUntilIdle();
                seconds += (performance.now() - t0) / 1000;
                const o1 = process.cpuUsage(o0);
                providerMs += (await providerCpuMs(child)) - p0;
                operatorCpuMs += (o1.user + o1.system) / 1000;
                done += report.ended.done;
                const next = await stand.store.db
                  .selectFrom('op_collect_job')
                  .select((eb) => eb.fn.min('not_before').as('at'))
                  .where('status', '=', 'queued')
                  .executeTakeFirst();
                if (next?.at === null || next?.at === undefined) break;
                if (Number(next.at) <= stand.now) throw new Error(`${dialect} ${what}: jobs due but not run`);
                stand.now = Number(next.at);
                await setProviderClock(child, stand.now);
              }
              if (done !== expected) throw new Error(`${dialect} ${what}: ${done} of ${expected} jobs done`);
              const r = await sql<{
                calls: number;
                rows: number;
              }>`select count(*) as calls, coalesce(sum(rows_stored), 0) as rows from op_transmission where api_type = ${apiType}`.execute(
                stand.store.db,
              );
              return {
                jobs: expected,
                seconds,
                operatorCpuMs,
                providerCpuMs: providerMs,
                calls: Number(r.rows[0]?.calls ?? 0),
                rows: Number(r.rows[0]?.rows ?? 0),
              };
            };
            const initial = await pass('user-consent', 'user-consent', async () => {
              let n = 0;
              for (const id of ids) n += (await engine.afterConsent(id)).length;
              return n;
            });
            const weekLater = ready.now + 7 * DAY;
            await setProviderClock(child, weekLater);
            stand.now = weekLater;
            const scheduled = await pass('scheduled', 'scheduled', async () => (await engine.scheduleDue()).length);
            const label = dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
            measurements.push(
              {
                name: `scheduled collection, ${label}: institution-collections per second`,
                value: Number((scheduled.jobs / scheduled.seconds).toFixed(1)),
                unit: 'ops/s',
                note: `${scheduled.jobs} collections in ${scheduled.seconds.toFixed(2)} s; ${scheduled.calls} calls, ${scheduled.rows} rows stored (a week of data)`,
              },
              {
                name: `CPU per scheduled collection, ${label}: operator`,
                value: Number((scheduled.operatorCpuMs / scheduled.jobs).toFixed(1)),
                unit: 'ms',
                note: `provider process ${(scheduled.providerCpuMs / scheduled.jobs).toFixed(1)} ms per collection`,
              },
              {
                name: `first collection (user-consent, 12 months), ${label}: institution-collections per second`,
                value: Number((initial.jobs / initial.seconds).toFixed(1)),
                unit: 'ops/s',
                note: `${initial.jobs} collections in ${initial.seconds.toFixed(1)} s; ${initial.calls} calls, ${initial.rows} rows; CPU per collection: operator ${(initial.operatorCpuMs / initial.jobs).toFixed(0)} ms, provider ${(initial.providerCpuMs / initial.jobs).toFixed(0)} ms`,
              },
            );
          } finally {
            await stand.close();
          }
        }
        return {
          measurements,
          parameters: {
            people: ready.people.length,
            'person × institution pairs': pairs,
            institutions: ready.institutions.length,
            customers: ready.customers,
            engine: 'default settings (16 jobs at once, 4 calls in flight per institution)',
            postgres: BENCH_PG_URL.replace(/:[^:@/]+@/, ':***@'),
            transport: 'plain HTTP on loopback',
          },
        };
      } finally {
        await child.kill();
      }
    },
  };
}
