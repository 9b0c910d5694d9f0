// The operator process of the collection-memory benchmark: a fresh heap holding only the operator (engine,
// domain, SQLite store) and its provider in a process of its own. Everyone is connected first; then all their
// user-consent jobs are queued at the same moment, each person with a progress subscriber (as the app's
// server-sent events hold one), and the engine runs up to `maxJobs` of them at once while RSS is sampled.
import { createCollectionEngine } from '@hannun/operator';
import { sql } from '@hannun/store';
import { forkBenchChild, runAsBenchChild, tellParent } from './bench-child.ts';
import { CLIENT_SECRET, operatorRegistry } from './collect-consent.ts';
import { COLLECT_CLIENT_ID, COLLECT_OPERATOR_ORG } from './collect-consent-protocol.ts';
import type { CollectMemoryDone, CollectMemoryJob } from './collect-memory-protocol.ts';
import type { ScaleProviderReady } from './collect-scale-protocol.ts';
import { connectPeople, openStand } from './collect-stand.ts';

const gc = (globalThis as { gc?: () => void }).gc;

runAsBenchChild(async () => {
  const job = JSON.parse(process.argv[2] ?? '') as CollectMemoryJob;
  const provider = forkBenchChild(new URL('./collect-scale-provider.ts', import.meta.url), {
    args: [String(job.people), String(job.orgsPerPerson)],
  });
  try {
    const ready = await provider.next<ScaleProviderReady>('ready', 300_000);
    const registry = operatorRegistry(ready);
    const stand = await openStand('sqlite', registry, ready.now);
    try {
      const ids = await connectPeople(stand, provider, ready, ready.people);
      const engine = createCollectionEngine({
        domain: stand.domain,
        registry,
        orgCode: COLLECT_OPERATOR_ORG,
        service: { clientId: COLLECT_CLIENT_ID, clientSecret: CLIENT_SECRET },
        settings: { maxJobs: job.maxJobs },
      });
      let events = 0;
      for (const id of ids) engine.progress.subscribe(id, () => events++);
      gc?.();
      gc?.();
      const rssBeforeBytes = process.memoryUsage().rss;
      let rssPeakBytes = rssBeforeBytes;
      let heapPeakBytes = 0;
      let externalPeakBytes = 0;
      let runningPeak = 0;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          const m = process.memoryUsage();
          rssPeakBytes = Math.max(rssPeakBytes, m.rss);
          heapPeakBytes = Math.max(heapPeakBytes, m.heapUsed);
          externalPeakBytes = Math.max(externalPeakBytes, m.external);
          await new Promise((r) => setTimeout(r, job.sampleMs));
        }
      })();
      const counting = setInterval(() => {
        void sql<{ n: number }>`select count(*) as n from op_collect_job where status = 'running'`
          .execute(stand.store.db)
          .then((r) => {
            runningPeak = Math.max(runningPeak, Number(r.rows[0]?.n ?? 0));
          });
      }, 250);

      const t0 = performance.now();
      let jobs = 0;
      for (const id of ids) jobs += (await engine.afterConsent(id)).length;
      const report = await engine.runUntilIdle();
      const seconds = (performance.now() - t0) / 1000;
      clearInterval(counting);
      sampling = false;
      await sampler;
      const rows = await sql<{ n: number }>`select coalesce(sum(rows_stored), 0) as n from op_transmission`.execute(
        stand.store.db,
      );
      await tellParent({
        type: 'done',
        people: ids.length,
        jobs,
        done: report.ended.done,
        seconds,
        rows: Number(rows.rows[0]?.n ?? 0),
        events,
        rssBeforeBytes,
        rssPeakBytes,
        maxRssBytes: process.resourceUsage().maxRSS * 1024,
        heapPeakBytes,
        externalPeakBytes,
        runningPeak,
      } satisfies CollectMemoryDone);
    } finally {
      await stand.close();
    }
  } finally {
    await provider.kill();
  }
});
