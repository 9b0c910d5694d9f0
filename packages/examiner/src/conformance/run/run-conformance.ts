import type { Industry } from '@hannun/spec';
import type { CaseResult, ConformanceCase, Exchange } from '../case-types.ts';
import { discover } from '../discovery.ts';
import { generateCases } from '../generate/generate-cases.ts';
import type { ConformanceTarget } from '../target.ts';
import { mapPool } from './pool.ts';
import { runCase } from './run-case.ts';
import { summarise, type Summary } from './summary.ts';

export interface ConformanceOptions {
  /** Requests in flight at once, over all targets. Default 16. */
  readonly concurrency?: number;
  /** The clock (epoch ms): today's date in Korean time is taken from it. */
  readonly now?: () => number;
}

/** One target as the report shows it (no token). */
export interface TargetReport {
  readonly orgCode: string;
  readonly label?: string;
  readonly industry: Industry;
  readonly baseUrl: string;
  /** The APIs examined, when not all of the industry's. */
  readonly apis?: readonly string[];
  /** What discovery found: assets per list API, and what went wrong. */
  readonly listed: Readonly<Record<string, number>>;
  readonly problems: readonly string[];
  readonly discovery: readonly Exchange[];
}

export interface ConformanceRun {
  readonly startedAt: string;
  readonly durationMs: number;
  readonly targets: readonly TargetReport[];
  readonly results: readonly CaseResult[];
  readonly summary: Summary;
}

/**
 * Examine providers: for each target, discover the person's assets, generate every case from the catalogue,
 * and run them all through one bounded pool (each case's own steps in order).
 */
export async function runConformance(
  targets: readonly ConformanceTarget[],
  opts: ConformanceOptions = {},
): Promise<ConformanceRun> {
  const now = opts.now ?? Date.now;
  const started = now();
  const t0 = performance.now();
  const concurrency = opts.concurrency ?? 16;
  const discovered = await mapPool(targets, Math.max(1, Math.floor(concurrency / 2)), (target) =>
    discover(target, now()),
  );
  const work: { c: ConformanceCase; target: ConformanceTarget }[] = [];
  targets.forEach((target, i) => {
    for (const c of generateCases(target, discovered[i]!)) work.push({ c, target });
  });
  const results = await mapPool(
    work.filter((w) => !w.c.serial),
    concurrency,
    ({ c, target }) => runCase(c, target),
  );
  // Cases that change the provider's state (refresh, revoke) run last, one at a time, in their order.
  for (const { c, target } of work.filter((w) => w.c.serial)) results.push(await runCase(c, target));
  return {
    startedAt: new Date(started).toISOString(),
    durationMs: Math.round(performance.now() - t0),
    targets: targets.map((target, i) => {
      const d = discovered[i]!;
      return {
        orgCode: target.orgCode,
        ...(target.label ? { label: target.label } : {}),
        industry: target.industry,
        ...(target.apis ? { apis: target.apis } : {}),
        baseUrl: target.baseUrl,
        listed: Object.fromEntries([...d.lists].map(([api, items]) => [api, items.length])),
        problems: d.problems,
        discovery: d.exchanges,
      };
    }),
    results,
    summary: summarise(results),
  };
}
