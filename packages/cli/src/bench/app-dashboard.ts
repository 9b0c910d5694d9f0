import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureAppBuilt, launchChromium } from '@hannun/app';
import { type AnalysisServer, analysisServer } from './analysis-server.ts';
import { analysisWorld } from './analysis-world.ts';
import type { Benchmark, BenchResult } from './bench-types.ts';
import { type Target, targetNote } from './target-note.ts';

export interface AppDashboardOptions {
  readonly transactions: number;
  readonly loads: number;
}

/** Issue #8: the dashboard route's initial JavaScript (gzip) and time to interactive. */
export const DASHBOARD_JS_TARGET: Target = { op: '≤', limit: 250, unit: ' kB' };
export const DASHBOARD_TTI_TARGET: Target = { op: '≤', limit: 1500, unit: ' ms' };

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/**
 * The person's web app in headless Chromium (Debian's) against the operator's real app server on loopback, for a
 * person whose history holds `transactions` card approvals (ingested through the model, rollups kept on ingest):
 * every load is a fresh browser context (no cache). Initial JavaScript: every script the dashboard route requests
 * before it is interactive, as sent (the operator gzips hashed assets). Time to interactive: from navigation start
 * until the dashboard shows net worth and every section's numbers and the main thread is free (the app's marks
 * `hannun:dashboard-rendered`, then `hannun:dashboard-interactive` in a task after the next frame). ECharts (the charts) loads after that and is reported apart, with the time the charts are drawn.
 */
export function appDashboardBenchmark(opts: Partial<AppDashboardOptions> = {}): Benchmark {
  const o = { transactions: 100_000, loads: 7, ...opts };
  return {
    name: 'app-dashboard',
    description: `The web app's dashboard in headless Chromium for a person with ${o.transactions.toLocaleString('en')} transactions`,
    async run(): Promise<BenchResult> {
      const build = await ensureAppBuilt();
      const dir = await mkdtemp(join(tmpdir(), 'hannun-bench-app-'));
      const w = await analysisWorld(dir);
      const browser = await launchChromium();
      let server: AnalysisServer | undefined;
      try {
        const t0 = performance.now();
        for (let i = 0; i < o.transactions; i += 500) await w.storePage(w.page(i, Math.min(500, o.transactions - i)));
        const ingestS = (performance.now() - t0) / 1000;
        server = await analysisServer(w, { appDir: build.dir });
        const { url, sessionId } = server;
        const loads: {
          tti: number;
          rendered: number;
          data: number;
          charts: number;
          jsGzip: number;
          jsRaw: number;
          scripts: number;
          lazyGzip: number;
        }[] = [];
        for (let i = 0; i < o.loads + 1; i++) {
          const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
          await context.addCookies([{ name: 'hannun_session', value: sessionId, url }]);
          const page = await context.newPage();
          // Page-side code as strings (this package is type-checked without the DOM's types), evaluated by
          // Playwright, never by the page (its CSP forbids evaluating strings).
          const mark = async (name: string): Promise<number> => {
            for (let tries = 0; tries < 3000; tries++) {
              const at = Number(await page.evaluate(`performance.getEntriesByName('${name}')[0]?.startTime ?? -1`));
              if (at >= 0) return at;
              await new Promise((r) => setTimeout(r, 20));
            }
            throw new Error(`the app never marked ${name}`);
          };
          await page.goto(`${url}/dashboard`, { waitUntil: 'commit' });
          // The app marks when its numbers are rendered, then the first free moment after that frame is painted.
          const rendered = await mark('hannun:dashboard-rendered');
          const tti = await mark('hannun:dashboard-interactive');
          await page.locator('.chart svg').nth(4).waitFor({ timeout: 60_000 });
          const charts = Number(await page.evaluate('performance.now()'));
          const scripts = (await page.evaluate(
            "performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js')).map((e) => ({ start: e.startTime, gzip: e.encodedBodySize, raw: e.decodedBodySize }))",
          )) as { start: number; gzip: number; raw: number }[];
          // ECharts is asked for only after the numbers are rendered.
          const initial = scripts.filter((x) => x.start < rendered);
          // When the last of the dashboard's data calls was answered (server time included).
          const data = Number(
            await page.evaluate(
              "Math.max(...performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/')).map((e) => e.responseEnd))",
            ),
          );
          if (i > 0) {
            loads.push({
              tti,
              rendered,
              data,
              charts,
              jsGzip: initial.reduce((s, x) => s + x.gzip, 0),
              jsRaw: initial.reduce((s, x) => s + x.raw, 0),
              scripts: initial.length,
              lazyGzip: scripts.filter((x) => x.start >= rendered).reduce((s, x) => s + x.gzip, 0),
            });
          }
          await context.close();
        }
        const tti = median(loads.map((l) => l.tti));
        const gz = median(loads.map((l) => l.jsGzip)) / 1024;
        return {
          measurements: [
            {
              name: 'dashboard initial JavaScript, gzip (kB)',
              value: Math.round(gz * 10) / 10,
              unit: 'count',
              note: targetNote(gz, DASHBOARD_JS_TARGET),
            },
            {
              name: 'dashboard initial JavaScript, uncompressed (kB)',
              value: Math.round(median(loads.map((l) => l.jsRaw)) / 1024),
              unit: 'count',
            },
            { name: 'scripts before interactive', value: median(loads.map((l) => l.scripts)), unit: 'count' },
            {
              name: 'charts (ECharts), loaded after interactive, gzip (kB)',
              value: Math.round(median(loads.map((l) => l.lazyGzip)) / 102.4) / 10,
              unit: 'count',
            },
            {
              name: 'last data call answered (median)',
              value: Math.round(median(loads.map((l) => l.data))),
              unit: 'ms',
              note: 'session, assets, analysis summary and spending',
            },
            { name: 'numbers rendered (median)', value: Math.round(median(loads.map((l) => l.rendered))), unit: 'ms' },
            { name: 'charts drawn (median)', value: Math.round(median(loads.map((l) => l.charts))), unit: 'ms' },
            {
              name: 'time to interactive (median)',
              value: Math.round(tti),
              unit: 'ms',
              note: targetNote(tti, DASHBOARD_TTI_TARGET),
            },
            {
              name: 'time to interactive (slowest)',
              value: Math.round(Math.max(...loads.map((l) => l.tti))),
              unit: 'ms',
            },
            { name: 'ingest of the history (pages of 500)', value: Math.round(ingestS * 10) / 10, unit: 's' },
          ],
          parameters: {
            transactions: o.transactions,
            loads: o.loads,
            viewport: '390×844',
            cache: 'none (fresh context per load)',
          },
        };
      } finally {
        await browser.close().catch(() => undefined);
        await server?.close();
        await w.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
