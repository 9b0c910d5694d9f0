import type { Temporal } from 'temporal-polyfill';
import type { Institution } from '../institutions/institution.ts';
import type { InstitutionBook } from './ledger.ts';
import { Population } from './life/population.ts';
import type { Plan } from './plan/plan-types.ts';
import { hashString } from './random/rng.ts';
import { LedgerInstitutionBook } from './read/institution-book.ts';
import { SeriesMemo } from './read/series-memo.ts';
import { dayOfPlainDate } from './time/temporal-values.ts';

export interface LedgerOptions {
  readonly institutions: readonly Institution[];
  /** Number of customers. */
  readonly customers: number;
  /** Same seed, same ledger; a string is hashed. */
  readonly seed: number | string;
  /** First day of the generated history. */
  readonly start: Temporal.PlainDate;
  /** Last day anything happens; without it the ledger runs with the clock (new data every day). */
  readonly end?: Temporal.PlainDate;
  /** Customer-months kept generated in memory (default 4,000); older ones are regenerated on demand. */
  readonly cacheMonths?: number;
}

const POPULATIONS = new WeakMap<ReadonlyMap<string, InstitutionBook>, Population>();

/**
 * Synthetic, deterministic and coherent financial lives for a population of customers, as one book per
 * institution. Plans are built at once (small); months are generated lazily as reads need them, and the
 * data grows day by day with the clock the engine passes.
 */
export function createLedger(opts: LedgerOptions): Map<string, InstitutionBook> {
  const seed = typeof opts.seed === 'number' ? opts.seed >>> 0 : hashString(opts.seed);
  const pop = new Population({
    institutions: opts.institutions,
    customers: opts.customers,
    seed,
    start: dayOfPlainDate(opts.start),
    ...(opts.end ? { end: dayOfPlainDate(opts.end) } : {}),
    ...(opts.cacheMonths !== undefined ? { cacheMonths: opts.cacheMonths } : {}),
  });
  const memo = new SeriesMemo();
  const ledger = new Map<string, InstitutionBook>();
  for (const inst of opts.institutions) ledger.set(inst.orgCode, new LedgerInstitutionBook(pop, inst, memo));
  POPULATIONS.set(ledger, pop);
  return ledger;
}

/** The population behind a ledger made by createLedger. */
export function populationOf(ledger: ReadonlyMap<string, InstitutionBook>): Population {
  const pop = POPULATIONS.get(ledger);
  if (!pop) throw new Error('not a ledger made by createLedger');
  return pop;
}

/** A customer's plan (persona and products), for the demo's read-only view and for tests. */
export function planOf(ledger: ReadonlyMap<string, InstitutionBook>, ci: string): Plan | undefined {
  const pop = populationOf(ledger);
  const index = pop.indexOf(ci);
  return index === undefined ? undefined : pop.plan(index);
}
