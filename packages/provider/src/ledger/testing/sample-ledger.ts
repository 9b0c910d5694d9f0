import { apiById, type ListNode, type Shape } from '@hannun/spec';
import { Temporal } from 'temporal-polyfill';
import { DEMO_INSTITUTIONS } from '../../institutions/demo-institutions.ts';
import { createLedger, planOf } from '../create-ledger.ts';
import type { CustomerBook, Holding, InstitutionBook, Row } from '../ledger.ts';
import type { Plan } from '../plan/plan-types.ts';

/**
 * Ledgers for the tests: the demo institutions, a history from 2025-01-01, read on 2026-03-15 13:00 KST
 * unless a test moves the clock. The first ten customers cover every segment (customer 0 is the heaviest).
 */
export const START = Temporal.PlainDate.from('2025-01-01');
export const NOW = Temporal.PlainDateTime.from('2026-03-15T13:00:00');

const CACHE = new Map<string, Map<string, InstitutionBook>>();

export function sampleLedger(customers = 24, seed: number | string = 7): Map<string, InstitutionBook> {
  const key = `${customers}:${seed}`;
  let ledger = CACHE.get(key);
  if (!ledger) {
    ledger = createLedger({ institutions: DEMO_INSTITUTIONS, customers, seed, start: START });
    CACHE.set(key, ledger);
  }
  return ledger;
}

export function book(ledger: ReadonlyMap<string, InstitutionBook>, org: string): InstitutionBook {
  const b = ledger.get(org);
  if (!b) throw new Error(`no book ${org}`);
  return b;
}

/** Every (institution, customer book) pair of a ledger. */
export function* customerBooks(ledger: ReadonlyMap<string, InstitutionBook>): Generator<[string, CustomerBook]> {
  for (const [org, b] of ledger) {
    for (const ci of b.customers()) {
      const cb = b.customer(ci);
      if (cb) yield [org, cb];
    }
  }
}

export function plan(ledger: ReadonlyMap<string, InstitutionBook>, ci: string): Plan {
  const p = planOf(ledger, ci);
  if (!p) throw new Error('no plan');
  return p;
}

export function listOf(shape: Shape): ListNode | undefined {
  return shape.find((n): n is ListNode => n.kind === 'list');
}

/** A request over dates (and months) for the series APIs. */
export function period(from: string, to: string, extra: Record<string, unknown> = {}): Row {
  const f = Temporal.PlainDate.from(from);
  const t = Temporal.PlainDate.from(to);
  return {
    from_date: f,
    to_date: t,
    from_month: Temporal.PlainYearMonth.from({ year: f.year, month: f.month }),
    to_month: Temporal.PlainYearMonth.from({ year: t.year, month: t.month }),
    ...extra,
  };
}

/** The holdings an API's asset is listed by. */
export function holdingsFor(cb: CustomerBook, apiId: string, now = NOW): readonly Holding[] {
  const api = apiById(apiId);
  return api.listedBy ? cb.holdings(api.listedBy, now) : [];
}

export const num = (v: unknown): number => Number(String(v));
