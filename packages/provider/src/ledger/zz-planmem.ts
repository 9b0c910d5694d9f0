import { Temporal } from 'temporal-polyfill';
import { DEMO_INSTITUTIONS } from '../institutions/demo-institutions.ts';
import { createLedger, populationOf } from './index.ts';
global.gc?.();
const base = process.memoryUsage().heapUsed;
const ledger = createLedger({
  institutions: DEMO_INSTITUTIONS,
  customers: 10000,
  seed: 'bench',
  start: Temporal.PlainDate.from('2025-01-01'),
});
global.gc?.();
const after = process.memoryUsage().heapUsed;
const pop = populationOf(ledger);
let slots = 0;
for (const p of pop.plans) slots += p.slots.length;
console.log(
  'plans MB',
  ((after - base) / 1e6).toFixed(1),
  'per plan KB',
  ((after - base) / 1e4 / 1024).toFixed(2),
  'slots',
  slots,
);
const kinds: Record<string, number> = {};
for (const p of pop.plans) for (const s of p.slots) kinds[s.kind] = (kinds[s.kind] ?? 0) + 1;
console.log(kinds);
