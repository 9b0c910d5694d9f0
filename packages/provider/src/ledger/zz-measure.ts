import { Temporal } from 'temporal-polyfill';
import { DEMO_INSTITUTIONS } from '../institutions/demo-institutions.ts';
import { createLedger, materialise } from './index.ts';
const N = Number(process.argv[2] ?? 2000);
const t0 = performance.now();
const ledger = createLedger({
  institutions: DEMO_INSTITUTIONS,
  customers: N,
  seed: 'bench',
  start: Temporal.PlainDate.from('2025-01-01'),
});
const t1 = performance.now();
const r = materialise(ledger, Temporal.PlainDate.from('2025-12-31'));
const t2 = performance.now();
// Read something for a few customers, as the provider would.
const now = Temporal.PlainDateTime.from('2025-12-31T20:00');
let rows = 0;
for (const [, book] of ledger) {
  let k = 0;
  for (const ci of book.customers()) {
    if (k++ > 20) break;
    const cb = book.customer(ci)!;
    for (const h of cb.holdings('은행-001', now))
      rows += cb.series('은행-004', h, {
        request: { from_date: Temporal.PlainDate.from('2025-12-01'), to_date: Temporal.PlainDate.from('2025-12-31') },
        now,
      }).length;
  }
}
global.gc?.();
const mu = process.memoryUsage();
console.log(
  JSON.stringify({
    customers: N,
    planMs: Math.round(t1 - t0),
    materialiseMs: Math.round(t2 - t1),
    totalS: ((t2 - t0) / 1000).toFixed(1),
    months: r.months,
    transactions: r.transactions,
    stateMB: (r.stateBytes / 1e6).toFixed(1),
    rssMB: Math.round(mu.rss / 1e6),
    heapUsedMB: Math.round(mu.heapUsed / 1e6),
    rows,
  }),
);
console.log(
  JSON.stringify(Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / 1e6)]))),
);
