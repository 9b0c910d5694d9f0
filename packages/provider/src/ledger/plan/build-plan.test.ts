import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { DEMO_INSTITUTIONS } from '../../institutions/demo-institutions.ts';
import { createLedger, populationOf } from '../create-ledger.ts';
import { materialise } from '../materialise.ts';
import { SEGMENTS } from '../merchants/merchant-categories.ts';
import { dayFromCivil } from '../time/day-number.ts';
import { buildPlan, monthlyFixedCosts } from './build-plan.ts';
import { InstitutionPool } from './institution-pool.ts';
import { isHolding, type Slot } from './plan-types.ts';

const pool = new InstitutionPool(DEMO_INSTITUTIONS);
const inputs = { seed: 11, start: dayFromCivil(2025, 1, 1), horizon: dayFromCivil(2027, 1, 1), pool };
const plans = Array.from({ length: 400 }, (_, i) => buildPlan(inputs, i));
const products = (i: number) => (plans[i]?.slots ?? []).filter(isHolding).length;
const institutions = (i: number) => new Set(plans[i]?.slots.map((s) => s.org)).size;

describe('plans: segments', () => {
  it('every segment is present, the first customers covering them all', () => {
    expect(new Set(plans.slice(0, 8).map((p) => p.persona.segment))).toEqual(new Set(SEGMENTS));
  });

  it('thin-file customers are young and hold at most 3 products', () => {
    const thin = plans.filter((p) => p.persona.segment === 'thin');
    expect(thin.length).toBeGreaterThan(20);
    for (const p of thin) {
      expect(products(p.index)).toBeLessThanOrEqual(3);
      expect(p.persona.income).toBeLessThan(2_000_000);
    }
  });

  it('heavy users bank with 10 or more institutions', () => {
    const heavy = plans.filter((p) => p.persona.segment === 'power');
    expect(heavy.length).toBeGreaterThan(5);
    for (const p of heavy) expect(institutions(p.index)).toBeGreaterThanOrEqual(10);
  });

  it('income covers the fixed costs every plan commits to', () => {
    for (const p of plans) {
      const fixed = monthlyFixedCosts(p.slots) + p.persona.rent + p.persona.maintenance + p.persona.utilities;
      expect(fixed).toBeLessThanOrEqual(p.persona.income * 0.75);
    }
  });

  it('every product is paid from, or pays into, an account of the same customer opened no later', () => {
    for (const p of plans) {
      for (const s of p.slots) {
        for (const k of ['from', 'repayFrom', 'payFrom', 'linked', 'chargeFrom'] as const) {
          const v = (s as unknown as Record<string, unknown>)[k];
          if (typeof v !== 'number') continue;
          const account = p.slots[v];
          expect(account?.kind).toBe('deposit');
          expect(account?.opened).toBeLessThanOrEqual(s.opened);
        }
      }
    }
  });

  it('money is in whole won and rates have at most 3 decimals (thousandths of a percent)', () => {
    for (const p of plans) {
      for (const s of p.slots) {
        if ('terms' in s) {
          expect(Number.isInteger(s.terms.principal)).toBe(true);
          expect(Number.isInteger(s.terms.rateMilli)).toBe(true);
        }
        if ('premium' in s) expect(Number.isInteger(s.premium)).toBe(true);
        if ('monthly' in s) expect(Number.isInteger(s.monthly)).toBe(true);
      }
    }
  });
});

describe('plans: the heaviest user', () => {
  it('has more than 50,000 transactions over four years of history', () => {
    const ledger = createLedger({
      institutions: DEMO_INSTITUTIONS,
      customers: 1,
      seed: 11,
      start: Temporal.PlainDate.from('2022-01-01'),
    });
    expect(populationOf(ledger).plan(0).persona.segment).toBe('power');
    const result = materialise(ledger, Temporal.PlainDate.from('2025-12-31'));
    expect(result.months).toBe(48);
    expect(result.transactions).toBeGreaterThan(50_000);
  });
});

describe('plans: later lives (closures the negative matrix answers 40305 for)', () => {
  const start = inputs.start;
  const closedIn = (s: Slot | undefined, from: number, to: number) =>
    s?.statusChange?.status === 'closed' && s.statusChange.day >= from && s.statusChange.day <= to;

  it('whatever the seed, the senior showcase terminates its insurer IRP and repays its policy loan early, and the indebted showcase settles its 채권, all within the history’s first 15 months', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const at = { ...inputs, seed };
      const senior = buildPlan(at, 4);
      const indebted = buildPlan(at, 3);
      expect(senior.persona.segment).toBe('senior');
      expect(indebted.persona.segment).toBe('indebted');
      const irp = senior.slots.find((s) => s.kind === 'irp' && s.industry === 'insu');
      const loan = senior.slots.find((s) => s.kind === 'policyLoan');
      const claim = indebted.slots.find((s) => s.kind === 'claim' && s.industry === 'bond');
      expect(closedIn(irp, start + 30, start + 420), `seed ${seed} IRP`).toBe(true);
      expect(closedIn(loan, start, start + 450), `seed ${seed} policy loan`).toBe(true);
      expect(closedIn(claim, start, start + 450), `seed ${seed} 채권`).toBe(true);
    }
  });

  it('some IRPs are terminated and some funds sold, inside the history’s first 14 months and not soon after opening', () => {
    const irps = plans.flatMap((p) => p.slots.filter((s) => s.kind === 'irp'));
    const funds = plans.flatMap((p) => p.slots.filter((s) => s.kind === 'bankFund'));
    const terminated = irps.filter((s) => s.statusChange);
    const sold = funds.filter((s) => s.statusChange);
    expect(terminated.length / irps.length).toBeGreaterThan(0.05);
    expect(terminated.length / irps.length).toBeLessThan(0.35);
    expect(sold.length / funds.length).toBeGreaterThan(0.1);
    expect(sold.length / funds.length).toBeLessThan(0.45);
    for (const s of terminated) {
      expect(closedIn(s, start + 30, start + 420)).toBe(true);
      expect(s.statusChange!.day - s.opened).toBeGreaterThanOrEqual(120);
    }
    for (const s of sold) {
      expect(closedIn(s, start + 30, start + 420)).toBe(true);
      expect(s.statusChange!.day - s.opened).toBeGreaterThanOrEqual(90);
    }
  });
});
