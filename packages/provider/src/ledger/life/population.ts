import type { Institution } from '../../institutions/institution.ts';
import { Market } from '../market/market.ts';
import { buildPlan } from '../plan/build-plan.ts';
import { InstitutionPool } from '../plan/institution-pool.ts';
import type { Plan } from '../plan/plan-types.ts';
import { World } from '../simulate/world.ts';
import { addMonths, monthOfDay } from '../time/day-number.ts';
import { BundleCache } from './bundle-cache.ts';
import { CustomerLife } from './customer-life.ts';

export interface PopulationOptions {
  readonly institutions: readonly Institution[];
  readonly customers: number;
  readonly seed: number;
  /** First day of the history (day number). */
  readonly start: number;
  /** Last day anything happens, or undefined to run with the clock. */
  readonly end?: number;
  /** Months kept in the bundle cache (default 4,000). */
  readonly cacheMonths?: number;
}

/**
 * Everyone of one ledger: the plans (built eagerly; they are small), each customer's life (created on
 * first use), the shared world and the bundle cache, and who banks where.
 */
export class Population {
  readonly plans: Plan[] = [];
  readonly world: World;
  readonly cache: BundleCache;
  readonly start: number;
  private readonly lives = new Map<number, CustomerLife>();
  private readonly byCi = new Map<string, number>();
  /** Customer indexes holding anything at each institution, in customer order. */
  readonly atInstitution = new Map<string, number[]>();
  private readonly bankCodes: ReadonlyMap<string, string>;

  constructor(opts: PopulationOptions) {
    this.start = opts.start;
    const horizon = opts.end ?? addMonths(opts.start, 24);
    const pool = new InstitutionPool(opts.institutions);
    this.bankCodes = pool.bankCodes;
    this.world = new World(
      opts.seed,
      new Market(opts.seed, monthOfDay(opts.start)),
      opts.institutions,
      opts.end ?? Number.POSITIVE_INFINITY,
    );
    this.cache = new BundleCache(opts.cacheMonths ?? 4000);
    for (const inst of opts.institutions) this.atInstitution.set(inst.orgCode, []);
    for (let i = 0; i < opts.customers; i++) {
      const plan = buildPlan({ seed: opts.seed, start: opts.start, horizon, pool }, i);
      this.plans.push(plan);
      this.byCi.set(plan.ci, i);
      for (const org of new Set(plan.slots.map((s) => s.org))) this.atInstitution.get(org)?.push(i);
    }
  }

  /** The 3-digit code of a bank (linked_bank_code); '999' for a non-bank. */
  bankCode(org: string): string {
    return this.bankCodes.get(org) ?? '999';
  }

  indexOf(ci: string): number | undefined {
    return this.byCi.get(ci);
  }

  plan(index: number): Plan {
    const plan = this.plans[index];
    if (!plan) throw new Error(`no customer ${index}`);
    return plan;
  }

  life(index: number): CustomerLife {
    let life = this.lives.get(index);
    if (!life) {
      life = new CustomerLife(this.plan(index), this.world, this.cache);
      this.lives.set(index, life);
    }
    return life;
  }
}
