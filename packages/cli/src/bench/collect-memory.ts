import { forkBenchChild } from './bench-child.ts';
import type { Benchmark, BenchResult, Measurement } from './bench-types.ts';
import type { CollectMemoryDone, CollectMemoryJob } from './collect-memory-protocol.ts';
import { type Target, targetNote } from './target-note.ts';

export interface CollectMemoryOptions {
  readonly people: number;
  /** Institutions each person is connected to (the first ones holding their products). */
  readonly orgsPerPerson: number;
}

export const COLLECT_MEMORY_DEFAULTS: CollectMemoryOptions = { people: 1_000, orgsPerPerson: 2 };

/** Issue #6: operator memory while 1,000 people collect at once, at most 400 MB RSS. */
export const COLLECT_MEMORY_TARGET: Target = { op: '≤', limit: 400 };

const MB = 1024 * 1024;

/**
 * `maxJobs` of the two rounds: the engine's default, and one job per person (the worker then claims as many as
 * its units in flight can take; the others wait in the job table).
 */
const ROUNDS = [
  { label: 'maxJobs 16 (the default)', maxJobs: 16 },
  { label: 'maxJobs = people', maxJobs: 0 },
] as const;

async function round(job: CollectMemoryJob): Promise<CollectMemoryDone> {
  const child = forkBenchChild(new URL('./collect-memory-operator.ts', import.meta.url), {
    args: [JSON.stringify(job)],
    execArgv: ['--expose-gc'],
  });
  try {
    const d = await child.next<CollectMemoryDone>('done', 1_800_000);
    if (d.done !== d.jobs) throw new Error(`collect-memory: ${d.done} of ${d.jobs} jobs done`);
    return d;
  } finally {
    await child.kill();
  }
}

/**
 * Operator memory while many people collect at once (issue #6, Performance): the operator alone in a fresh
 * process (engine, domain, SQLite), its provider in another; every person's user-consent jobs (12 months)
 * queued at the same moment, a progress subscriber per person, RSS sampled throughout. Two rounds: the
 * engine's default concurrency (`hannun up`, `hannun worker`), and a job per person running at once.
 */
export function collectMemoryBenchmark(overrides: Partial<CollectMemoryOptions> = {}): Benchmark {
  const opts = { ...COLLECT_MEMORY_DEFAULTS, ...overrides };
  for (const [k, v] of Object.entries(opts)) {
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`collect-memory: ${k} must be 1 or more`);
  }
  return {
    name: 'collect-memory',
    description: `Operator memory while ${opts.people.toLocaleString('en')} people collect at once: everyone’s first collection (user-consent, 12 months, ${opts.orgsPerPerson} institutions each) queued at the same moment, a progress subscriber per person; the operator alone in its own process (SQLite), the provider engine in another`,
    async run(): Promise<BenchResult> {
      const measurements: Measurement[] = [];
      for (const r of ROUNDS) {
        const maxJobs = r.maxJobs === 0 ? opts.people : r.maxJobs;
        const d = await round({ ...opts, maxJobs, sampleMs: 20 });
        const peak = d.rssPeakBytes / MB;
        measurements.push(
          {
            name: `operator RSS peak, ${r.label}`,
            value: Math.round(peak),
            unit: 'MB',
            note: `${targetNote(peak, COLLECT_MEMORY_TARGET)}; up to ${d.runningPeak} jobs seen running; ${Math.round(d.rssBeforeBytes / MB)} MB before (everyone connected); V8 heap used peak ${Math.round(d.heapPeakBytes / MB)} MB, external ${Math.round(d.externalPeakBytes / MB)} MB`,
          },
          {
            name: `institution-collections, ${r.label}`,
            value: d.jobs,
            unit: 'count',
            note: `in ${d.seconds.toFixed(1)} s (${(d.jobs / d.seconds).toFixed(1)} per second); ${d.rows.toLocaleString('en')} rows stored; ${d.events.toLocaleString('en')} progress events delivered`,
          },
        );
      }
      return {
        measurements,
        parameters: {
          people: opts.people,
          'institutions per person': opts.orgsPerPerson,
          'units in flight': 'engine default (24)',
          'RSS sampled every': '20 ms',
          store: 'sqlite',
          transport: 'plain HTTP on loopback',
        },
      };
    },
  };
}
