// The child process of the ledger-generation benchmark: a fresh heap, so its memory is the ledger's.
import { setTimeout as sleep } from 'node:timers/promises';
import { createLedger, DEMO_INSTITUTIONS, kstDate, kstToEpochMs, materialise, populationOf } from '@hannun/provider';
import { runAsBenchChild, tellParent } from './bench-child.ts';
import type { LedgerGenerationDone, LedgerGenerationJob } from './ledger-generation-protocol.ts';

/** An ISO date as the provider's PlainDate, without a Temporal import of our own. */
function plainDate(iso: string) {
  const [year, month, day] = iso.split('-').map(Number);
  return kstDate(kstToEpochMs(year!, month!, day!, 12, 0, 0));
}

const gc = (globalThis as { gc?: () => void }).gc;

runAsBenchChild(async () => {
  const job = JSON.parse(process.argv[2] ?? '') as LedgerGenerationJob;
  gc?.();
  const rssBeforeBytes = process.memoryUsage().rss;
  const until = plainDate(job.until);

  const t0 = performance.now();
  const ledger = createLedger({
    institutions: DEMO_INSTITUTIONS,
    customers: job.customers,
    seed: job.seed,
    start: plainDate(job.start),
    end: until,
  });
  const t1 = performance.now();
  const result = materialise(ledger, until);
  const t2 = performance.now();

  const rssPeakBytes = process.resourceUsage().maxRSS * 1024;
  // Garbage of the generation can leave V8's heap grown; it gives the pages back after full GCs and idle time.
  gc?.();
  gc?.();
  await sleep(job.settleSeconds * 1000);
  gc?.();
  const memory = process.memoryUsage();
  // A slot of kind cardIssuer is the card company's customer-level data, listed by no list API.
  const holdings = populationOf(ledger).plans.reduce(
    (n, plan) => n + plan.slots.filter((slot) => slot.kind !== 'cardIssuer').length,
    0,
  );
  await tellParent({
    type: 'done',
    planMs: t1 - t0,
    generateMs: t2 - t1,
    customers: result.customers,
    months: result.months,
    transactions: result.transactions,
    holdings,
    stateBytes: result.stateBytes,
    rssBeforeBytes,
    rssAfterBytes: memory.rss,
    rssPeakBytes,
    heapUsedBytes: memory.heapUsed,
    heapTotalBytes: memory.heapTotal,
    externalBytes: memory.external,
    gc: gc !== undefined,
  } satisfies LedgerGenerationDone);
  // The ledger stays reachable until the figures are sent; the parent ends this process.
  if (ledger.size === 0) throw new Error('empty ledger');
});
