import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analysisWorld } from './analysis-world.ts';
import type { Benchmark, BenchResult } from './bench-types.ts';
import { median } from './measure.ts';
import { type Target, targetNote } from './target-note.ts';

export interface AnalysisIngestOptions {
  /** Transactions the person already has. */
  readonly history: number;
  readonly pages: number;
}

/** Issue #7: ingesting one page of 500 transactions updates every rollup in ≤ 20 ms. */
export const INGEST_TARGET: Target = { op: '≤', limit: 20, unit: ' ms' };

/**
 * One page of 500 new card approvals of one period (the last 31 days, as a scheduled collection brings them) stored through the model (validation, sealing, upsert) with the
 * analysis hook in the same transaction (categorise, op_an_tx, merchant, month, merchant-month and day
 * rollups): the page's whole write, and the hook's share of it measured inside the transaction. The person
 * already has `history` transactions. SQLite.
 */
export function analysisIngestBenchmark(opts: Partial<AnalysisIngestOptions> = {}): Benchmark {
  const o = { history: 20_000, pages: 30, ...opts };
  return {
    name: 'analysis-ingest',
    description: `Ingest of one 500-transaction page updating every rollup (person with ${o.history.toLocaleString('en')} transactions, SQLite)`,
    async run(): Promise<BenchResult> {
      const dir = await mkdtemp(join(tmpdir(), 'hannun-bench-ingest-'));
      const w = await analysisWorld(dir, 23);
      try {
        for (let i = 0; i < o.history; i += 500) await w.storePage(w.page(i, 500));
        const hook = w.domain.analysis;
        const original = hook.rowsStored.bind(hook);
        let hookMs = 0;
        hook.rowsStored = async (trx, e) => {
          const t = performance.now();
          await original(trx, e);
          hookMs += performance.now() - t;
        };
        const whole: number[] = [];
        const rollups: number[] = [];
        for (let p = 0; p < o.pages + 3; p++) {
          // A page as collection brings it: one period (the last 31 days).
          const body = w.page(1_000_000 + p * 500, 500, 31);
          hookMs = 0;
          const t = performance.now();
          await w.storePage(body);
          const ms = performance.now() - t;
          if (p < 3) continue;
          whole.push(ms);
          rollups.push(hookMs);
        }
        const r = median(rollups);
        return {
          measurements: [
            {
              name: 'categorise + update every rollup (per page)',
              value: Math.round(r * 10) / 10,
              unit: 'ms',
              note: targetNote(r, INGEST_TARGET),
            },
            { name: 'whole page write (model + rollups)', value: Math.round(median(whole) * 10) / 10, unit: 'ms' },
          ],
          parameters: { history: o.history, pages: o.pages, pageSize: 500 },
        };
      } finally {
        await w.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
