import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { DEMO_INSTITUTIONS } from '../../institutions/demo-institutions.ts';
import { createLedger, populationOf } from '../create-ledger.ts';
import { materialise } from '../materialise.ts';
import { SEGMENTS } from '../merchants/merchant-categories.ts';
import { dayFromCivil } from '../time/day-number.ts';
import { buildPlan, monthlyFixedCosts } from './build-plan.ts';
import { InstitutionPool } from './institution-pool.ts';
import { isHolding } from './plan-types.ts';

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
