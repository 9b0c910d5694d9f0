import { ChildTimeoutError, forkBenchChild } from './bench-child.ts';
import type { Benchmark, BenchResult, Measurement } from './bench-types.ts';
import type { LedgerGenerationDone, LedgerGenerationJob } from './ledger-generation-protocol.ts';
import { type Target, targetNote } from './target-note.ts';

export interface LedgerGenerationOptions extends LedgerGenerationJob {
  /** The child is stopped after this long and the run reported as unfinished. */
  readonly timeoutSeconds: number;
}

export const LEDGER_GENERATION_DEFAULTS: LedgerGenerationOptions = {
  customers: 10_000,
  seed: 'ledger-generation-bench',
  start: '2025-01-01',
  until: '2025-12-31',
  settleSeconds: 3,
  timeoutSeconds: 180,
};

/** Issue targets: 10,000 customers' year generated within 60 s, held in at most 500 MB. */
export const GENERATION_TARGET: Target = { op: '≤', limit: 60, unit: ' s' };
export const RSS_TARGET: Target = { op: '≤', limit: 500, unit: ' MB' };

const MB = 2 ** 20;

function measurements(done: LedgerGenerationDone & { readonly settleSeconds: number }): Measurement[] {
  const wall = (done.planMs + done.generateMs) / 1000;
  const rss = done.rssAfterBytes / MB;
  const peak = done.rssPeakBytes / MB;
  return [
    {
      name: 'wall time: plans + every month generated',
      value: wall,
      unit: 's',
      note: targetNote(wall, GENERATION_TARGET),
    },
    { name: 'plans (createLedger)', value: done.planMs / 1000, unit: 's' },
    { name: 'months generated (materialise)', value: done.generateMs / 1000, unit: 's' },
    { name: 'customer-months generated', value: done.months, unit: 'count' },
    { name: 'transactions generated', value: done.transactions, unit: 'count', note: 'of every kind' },
    {
      name: 'transactions generated per second',
      value: done.transactions / (done.generateMs / 1000),
      unit: 'ops/s',
    },
    { name: 'holdings in the plans', value: done.holdings, unit: 'count', note: 'accounts, cards, policies, loans …' },
    {
      name: 'RSS with the ledger loaded',
      value: rss,
      unit: 'MB',
      note: `${targetNote(rss, RSS_TARGET)}; ${done.gc ? 'after full GCs' : 'no forced GC (run without --expose-gc)'} and ${done.settleSeconds} s idle`,
    },
    {
      name: 'RSS peak while generating',
      value: peak,
      unit: 'MB',
      note:
        peak > RSS_TARGET.limit
          ? `above the target's ${RSS_TARGET.limit} MB: V8 grew its heap with the generation's garbage`
          : `within the target's ${RSS_TARGET.limit} MB`,
    },
    { name: 'RSS of the process before the ledger', value: done.rssBeforeBytes / MB, unit: 'MB' },
    { name: 'heap used with the ledger loaded', value: done.heapUsedBytes / MB, unit: 'MB' },
    { name: 'heap reserved with the ledger loaded', value: done.heapTotalBytes / MB, unit: 'MB' },
    { name: 'memory outside the heap', value: done.externalBytes / MB, unit: 'MB', note: 'typed arrays, buffers' },
    { name: 'carried month-to-month state', value: done.stateBytes / MB, unit: 'MB', note: 'as materialise counts it' },
  ];
}

function unfinished(reason: string): Measurement[] {
  return [
    {
      name: 'wall time: plans + every month generated',
      value: Number.NaN,
      unit: 's',
      note: `${reason}; target ${GENERATION_TARGET.op} ${GENERATION_TARGET.limit}${GENERATION_TARGET.unit}: NOT met`,
    },
  ];
}

/**
 * The synthetic ledger at the scale: 10,000 customers of the demo institutions, a year of history
 * generated whole (`materialise`), in a child process so its memory is the ledger's alone.
 */
export function ledgerGenerationBenchmark(opts: Partial<LedgerGenerationOptions> = {}): Benchmark {
  const o = { ...LEDGER_GENERATION_DEFAULTS, ...opts };
  return {
    name: 'ledger-generation',
    description: `Synthetic ledger generation: ${o.customers.toLocaleString('en-US')} customers of the demo institutions, a year of history generated whole`,
    async run(): Promise<BenchResult> {
      const job: LedgerGenerationJob = {
        customers: o.customers,
        seed: o.seed,
        start: o.start,
        until: o.until,
        settleSeconds: o.settleSeconds,
      };
      const child = forkBenchChild(new URL('./ledger-generation-child.ts', import.meta.url), {
        execArgv: ['--expose-gc'],
        args: [JSON.stringify(job)],
      });
      let result: Measurement[];
      try {
        const done = await child.next<LedgerGenerationDone>('done', (o.timeoutSeconds + o.settleSeconds) * 1000);
        result = measurements({ ...done, settleSeconds: o.settleSeconds });
      } catch (error) {
        if (!(error instanceof ChildTimeoutError)) throw error;
        result = unfinished(`did not finish within ${o.timeoutSeconds} s`);
      } finally {
        await child.kill();
      }
      return {
        parameters: {
          customers: o.customers,
          institutions: 'DEMO_INSTITUTIONS',
          history: `${o.start} – ${o.until}`,
          seed: o.seed,
          process: 'child process, node --expose-gc',
          'idle before memory is read (s)': o.settleSeconds,
          'time limit (s)': o.timeoutSeconds,
        },
        measurements: result,
      };
    },
  };
}
