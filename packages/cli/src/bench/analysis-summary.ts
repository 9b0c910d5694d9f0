import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summaryView } from '@hannun/operator';
import { analysisWorld } from './analysis-world.ts';
import type { Benchmark, BenchResult } from './bench-types.ts';
import { type Target, targetNote } from './target-note.ts';

export interface AnalysisSummaryOptions {
  readonly transactions: number;
  readonly calls: number;
}

/** Issue #7: the dashboard summary of a person with 100,000 transactions, p95 ≤ 50 ms. */
export const SUMMARY_TARGET: Target = { op: '≤', limit: 50, unit: ' ms' };

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN;
};

/**
 * GET /api/analysis/summary's work (summaryView: net worth from the model, this month's spending, recurring
 * payments and income from the rollups, credit, recommendations) for one person whose history holds
 * `transactions` card approvals over 3 years, ingested page by page through the model (rollups kept on
 * ingest). SQLite, one process; the HTTP layer (a few hundred µs) is not included.
 */
export function analysisSummaryBenchmark(opts: Partial<AnalysisSummaryOptions> = {}): Benchmark {
  const o = { transactions: 100_000, calls: 200, ...opts };
  return {
    name: 'analysis-summary',
    description: `Dashboard summary (one glance) of a person with ${o.transactions.toLocaleString('en')} transactions (SQLite, rollups kept on ingest)`,
    async run(): Promise<BenchResult> {
      const dir = await mkdtemp(join(tmpdir(), 'hannun-bench-summary-'));
      const w = await analysisWorld(dir);
      try {
        const t0 = performance.now();
        for (let i = 0; i < o.transactions; i += 500) await w.storePage(w.page(i, Math.min(500, o.transactions - i)));
        const ingestMs = performance.now() - t0;
        const ctx = { domain: w.domain, personId: w.personId, name: (org: string) => org };
        for (let i = 0; i < 10; i++) await summaryView(ctx);
        const times: number[] = [];
        for (let i = 0; i < o.calls; i++) {
          const t = performance.now();
          await summaryView(ctx);
          times.push(performance.now() - t);
        }
        const p95 = pct(times, 95);
        return {
          measurements: [
            { name: 'summary p50', value: Math.round(pct(times, 50) * 10) / 10, unit: 'ms' },
            {
              name: 'summary p95',
              value: Math.round(p95 * 10) / 10,
              unit: 'ms',
              note: targetNote(p95, SUMMARY_TARGET),
            },
            { name: 'summary p99', value: Math.round(pct(times, 99) * 10) / 10, unit: 'ms' },
            {
              name: 'ingest of the history (pages of 500, model + rollups)',
              value: Math.round(ingestMs / 100) / 10,
              unit: 's',
            },
          ],
          parameters: { transactions: o.transactions, calls: o.calls, warmup: 10 },
        };
      } finally {
        await w.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
