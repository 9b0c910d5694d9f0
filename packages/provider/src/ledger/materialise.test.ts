import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { DEMO_INSTITUTIONS } from '../institutions/demo-institutions.ts';
import { createLedger } from './create-ledger.ts';
import { materialise } from './materialise.ts';

describe('materialise', () => {
  it('generates every customer’s months once, counting transactions, and keeps only compact state', () => {
    const ledger = createLedger({
      institutions: DEMO_INSTITUTIONS,
      customers: 30,
      seed: 5,
      start: Temporal.PlainDate.from('2025-01-01'),
    });
    const year = materialise(ledger, Temporal.PlainDate.from('2025-12-31'));
    expect(year.customers).toBe(30);
    expect(year.months).toBe(30 * 12);
    expect(year.transactions).toBeGreaterThan(30 * 12 * 20);
    expect(year.stateBytes / year.months).toBeLessThan(4096);
    const again = materialise(ledger, Temporal.PlainDate.from('2025-12-31'));
    expect(again.months).toBe(0);
    expect(again.transactions).toBe(0);
    const more = materialise(ledger, Temporal.PlainDate.from('2026-01-15'), { customers: 10 });
    expect(more.months).toBe(10);
  });
});
