import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Categoriser, rollUp } from '@hannun/analysis';
import { openStore, sql } from '@hannun/store';
import { syntheticTransactions } from './analysis-data.ts';
import type { Benchmark, BenchResult } from './bench-types.ts';
import { median } from './measure.ts';
import { type Target, targetNote } from './target-note.ts';

export interface AnalysisRollupOptions {
  readonly rows: number;
  readonly rounds: number;
}

/** Issue #7: categorise and roll up 1,000,000 transactions within twice a plain SQL GROUP BY of the same rows. */
export const ROLLUP_TARGET: Target = { op: '≤', limit: 2 };

/**
 * The whole categorisation pipeline (normalising, dictionary, business number, learned model, a person's
 * context) and every rollup (month × category, merchant × month, day) over `rows` movements in process,
 * against SQLite grouping the same rows (read from a table) by month and merchant: what a database does
 * with no categorisation at all. Both take turns each round; the median counts. The categoriser starts cold
 * every round (a new person), so its caches fill inside the timing.
 */
export function analysisRollupBenchmark(opts: Partial<AnalysisRollupOptions> = {}): Benchmark {
  const o = { rows: 1_000_000, rounds: 3, ...opts };
  return {
    name: 'analysis-rollup',
    description: `Categorise and roll up ${o.rows.toLocaleString('en')} transactions in process against a plain SQL GROUP BY of the same rows (SQLite)`,
    async run(): Promise<BenchResult> {
      const txs = syntheticTransactions(o.rows);
      const dir = await mkdtemp(join(tmpdir(), 'hannun-bench-analysis-'));
      const store = await openStore<Record<string, never>>({ url: `sqlite:${join(dir, 'bench.db')}` });
      try {
        await sql`create table bench_tx (id text primary key, day text not null, amount bigint not null, merchant text)`.execute(
          store.db,
        );
        for (let i = 0; i < txs.length; i += 5_000) {
          const chunk = txs.slice(i, i + 5_000);
          await store.transaction(async (trx) => {
            for (let j = 0; j < chunk.length; j += 200) {
              const part = chunk.slice(j, j + 200);
              await sql`insert into bench_tx (id, day, amount, merchant) values ${sql.join(part.map((t) => sql`(${t.id}, ${t.date}, ${t.amount}, ${t.merchant})`))}`.execute(
                trx,
              );
            }
          });
        }
        const base = new Categoriser();
        const ours: number[] = [];
        const theirs: number[] = [];
        let groups = 0;
        let rollupRows = 0;
        for (let r = 0; r < o.rounds; r++) {
          let t = performance.now();
          const res = await sql<{ month: string; merchant: string; total: number; n: number }>`
            select substr(day, 1, 6) as month, merchant, sum(amount) as total, count(*) as n from bench_tx group by substr(day, 1, 6), merchant`.execute(
            store.db,
          );
          theirs.push(performance.now() - t);
          groups = res.rows.length;
          t = performance.now();
          const person = base.forPerson();
          const rows = new Array(txs.length);
          for (let i = 0; i < txs.length; i++) rows[i] = { tx: txs[i]!, cat: person.categorise(txs[i]!) };
          const rolled = rollUp(rows);
          ours.push(performance.now() - t);
          rollupRows = rolled.months.length + rolled.merchants.length + rolled.days.length;
        }
        const a = median(ours);
        const b = median(theirs);
        const ratio = a / b;
        return {
          measurements: [
            { name: 'categorise + roll up (in process)', value: Math.round(a), unit: 'ms' },
            { name: 'SQL GROUP BY month, merchant (SQLite)', value: Math.round(b), unit: 'ms' },
            {
              name: 'ratio (ours / GROUP BY)',
              value: Math.round(ratio * 100) / 100,
              unit: 'ratio',
              note: targetNote(ratio, ROLLUP_TARGET),
            },
            { name: 'rows per second (ours)', value: Math.round((o.rows / a) * 1000), unit: 'ops/s' },
          ],
          parameters: { rows: o.rows, rounds: o.rounds, sqlGroups: groups, rollupRows },
        };
      } finally {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
