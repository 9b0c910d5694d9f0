import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summaryView } from '@hannun/operator';
import { type AnalysisServer, analysisServer } from './analysis-server.ts';
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

/** Times `calls` sequential runs of `f` after `warmup` unmeasured ones (ms each). */
async function timed(f: () => Promise<unknown>, warmup: number, calls: number): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await f();
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  return times;
}

const ms = (x: number) => Math.round(x * 10) / 10;

/**
 * `GET /api/analysis/summary` over the operator's real HTTP API (the app server on loopback, a logged-in session's
 * cookie, keep-alive, sequential requests after a warm-up; the body read and parsed as the app does): net worth
 * from the model, this month's spending, recurring payments and income from the rollups, credit, recommendations,
 * for one person whose history holds `transactions` card approvals over 3 years, ingested page by page through the
 * model (rollups kept on ingest). SQLite, one process. The view function alone (summaryView, no HTTP) is the
 * second figure.
 */
export function analysisSummaryBenchmark(opts: Partial<AnalysisSummaryOptions> = {}): Benchmark {
  const o = { transactions: 100_000, calls: 200, ...opts };
  const warmup = 10;
  return {
    name: 'analysis-summary',
    description: `Dashboard summary (one glance) of a person with ${o.transactions.toLocaleString('en')} transactions, over the operator's HTTP API (SQLite, rollups kept on ingest)`,
    async run(): Promise<BenchResult> {
      const dir = await mkdtemp(join(tmpdir(), 'hannun-bench-summary-'));
      const w = await analysisWorld(dir);
      let server: AnalysisServer | undefined;
      try {
        const t0 = performance.now();
        for (let i = 0; i < o.transactions; i += 500) await w.storePage(w.page(i, Math.min(500, o.transactions - i)));
        const ingestMs = performance.now() - t0;
        server = await analysisServer(w);
        const { url, cookie } = server;
        let bytes = 0;
        const http = await timed(
          async () => {
            const r = await fetch(`${url}/api/analysis/summary`, { headers: { cookie, accept: 'application/json' } });
            if (r.status !== 200) throw new Error(`GET /api/analysis/summary answered ${r.status}`);
            const text = await r.text();
            bytes = text.length;
            JSON.parse(text);
          },
          warmup,
          o.calls,
        );
        // The spending page's call too: its per-payment unusual flags read the person's last 12 months of rows the
        // first time (timed apart), then are kept while the month's rollups are unchanged.
        const getSpending = async () => {
          const r = await fetch(`${url}/api/analysis/spending`, { headers: { cookie, accept: 'application/json' } });
          if (r.status !== 200) throw new Error(`GET /api/analysis/spending answered ${r.status}`);
          JSON.parse(await r.text());
        };
        const [firstSpending] = await timed(getSpending, 0, 1);
        const spending = await timed(getSpending, 3, Math.max(10, Math.round(o.calls / 4)));
        const ctx = { domain: w.domain, personId: w.personId, name: (org: string) => org };
        const view = await timed(() => summaryView(ctx), warmup, o.calls);
        const p95 = pct(http, 95);
        return {
          measurements: [
            { name: 'summary over HTTP p50', value: ms(pct(http, 50)), unit: 'ms' },
            {
              name: 'summary over HTTP p95',
              value: ms(p95),
              unit: 'ms',
              note: targetNote(p95, SUMMARY_TARGET),
            },
            { name: 'summary over HTTP p99', value: ms(pct(http, 99)), unit: 'ms' },
            { name: 'summary view alone (no HTTP) p50', value: ms(pct(view, 50)), unit: 'ms' },
            { name: 'summary view alone (no HTTP) p95', value: ms(pct(view, 95)), unit: 'ms' },
            {
              name: 'spending over HTTP, first call (unusual payments judged)',
              value: ms(firstSpending ?? Number.NaN),
              unit: 'ms',
            },
            { name: 'spending over HTTP p50 (with unusual payments)', value: ms(pct(spending, 50)), unit: 'ms' },
            { name: 'spending over HTTP p95 (with unusual payments)', value: ms(pct(spending, 95)), unit: 'ms' },
            {
              name: 'ingest of the history (pages of 500, model + rollups)',
              value: Math.round(ingestMs / 100) / 10,
              unit: 's',
            },
          ],
          parameters: {
            transactions: o.transactions,
            calls: o.calls,
            warmup,
            transport: 'HTTP/1.1 keep-alive on loopback, session cookie',
            responseBytes: bytes,
          },
        };
      } finally {
        await server?.close();
        await w.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
