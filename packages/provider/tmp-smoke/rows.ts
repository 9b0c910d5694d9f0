import { Temporal } from 'temporal-polyfill';
import { createLedger } from '../src/ledger/index.ts';
import { DEMO_INSTITUTIONS } from '../src/institutions/demo-institutions.ts';
import { kstDateTime, kstToEpochMs } from '../src/clock/kst.ts';
const now = kstToEpochMs(2025, 3, 15, 3, 0, 0);
const books = createLedger({ institutions: DEMO_INSTITUTIONS, customers: 30, seed: 'smoke', start: new Temporal.PlainDate(2023, 1, 1) });
const book = books.get('BKNURI0001')!;
let best: { n: number; run: () => readonly unknown[] } | undefined;
for (const ci of book.customers()) {
  const cb = book.customer(ci)!;
  for (const h of cb.holdings('은행-001', kstDateTime(now))) {
    if (h.scope !== 'bank.deposit' || h.status !== 'normal') continue;
    const request = { org_code: 'BKNURI0001', ...h.key, from_date: new Temporal.PlainDate(2024, 3, 16), to_date: new Temporal.PlainDate(2025, 3, 15), limit: 100 };
    const run = () => cb.series('은행-004', h, { request, now: kstDateTime(now) });
    const n = run().length;
    if (!best || n > best.n) best = { n, run };
  }
}
const a = best!.run(); const b = best!.run();
console.log('rows in 12 months', best!.n, 'same row objects on a second call:', a[0] === b[0], a[50] === b[50]);
function time(name: string, fn: () => unknown, n = 2000) { for (let i = 0; i < 200; i++) fn(); const t = process.hrtime.bigint(); for (let i = 0; i < n; i++) fn(); console.log(name, (Number(process.hrtime.bigint() - t) / n / 1000).toFixed(1), 'µs'); }
time('series (12 months)', best!.run);
