import type { Institution } from '../../institutions/institution.ts';
import { Rng } from '../random/rng.ts';
import { addMonths, ymdOf } from '../time/day-number.ts';
import type { InstitutionPool } from './institution-pool.ts';
import type { Person, Slot, SlotKind, SlotOf } from './plan-types.ts';

const NAMES = new Map<string, string>();

/** One shared copy of a repeated string. */
export function intern(s: string): string {
  const known = NAMES.get(s);
  if (known !== undefined) return known;
  NAMES.set(s, s);
  return s;
}

export interface PlanInputs {
  readonly seed: number;
  /** First day of the ledger's history. */
  readonly start: number;
  /** Last day a new product may be opened. */
  readonly horizon: number;
  readonly pool: InstitutionPool;
}

/**
 * Collects the slots of one plan: numbering, opening days (existing before the history or opened during
 * it), the institutions used. Product factories (product-factory.ts) add slots through it.
 */
export class PlanBuilder {
  readonly slots: Slot[] = [];
  readonly rng: Rng;
  /** The first day the person could hold a product of their own (19th birthday, or 17th for a first account). */
  readonly adultDay: number;

  constructor(
    readonly inputs: PlanInputs,
    readonly index: number,
    readonly person: Person,
  ) {
    this.rng = Rng.of(inputs.seed, index, 0x91a);
    this.adultDay = addMonths(person.birthDay, 19 * 12);
  }

  get pool(): InstitutionPool {
    return this.inputs.pool;
  }

  add<K extends SlotKind>(make: (idx: number) => SlotOf<K>): SlotOf<K> {
    const made = make(this.slots.length);
    // Product names repeat across thousands of customers: keep one copy of each.
    const slot = { ...made, prodName: intern(made.prodName) };
    this.slots.push(slot);
    return slot;
  }

  /** A day before the history begins, at most `years` back and not before adulthood. */
  existingDay(years = 8, minDaysBefore = 30): number {
    const earliest = Math.max(this.adultDay, this.inputs.start - Math.round(years * 365));
    const latest = this.inputs.start - minDaysBefore;
    if (earliest >= latest) return latest;
    return this.rng.between(earliest, latest);
  }

  /** A day inside the history, up to the horizon for new products. */
  duringDay(fromOffset = 5): number {
    const from = this.inputs.start + fromOffset;
    return this.rng.between(from, Math.max(from, this.inputs.horizon));
  }

  /** Existing (before history) with probability pExisting, else opened during it; never before `notBefore`. */
  openingDay(pExisting: number, notBefore = 0, years = 8): number {
    const day = this.rng.chance(pExisting) ? this.existingDay(years) : this.duringDay();
    return Math.max(day, notBefore);
  }

  /**
   * The random stream of a product's later life (closed, lost, dormant, repaid early): its own per slot, so
   * deciding it draws nothing from the plan's stream and leaves every other product as it was.
   */
  fateRng(idx: number): Rng {
    return Rng.of(this.inputs.seed, this.index, 0xfa7e, idx);
  }

  /**
   * A day inside the history's first 14 months (so before a reader's usual `now`), at least `afterDays`
   * after `notBefore`; undefined when there is no such day.
   */
  fateDay(rng: Rng, notBefore: number, afterDays: number): number | undefined {
    const from = Math.max(this.inputs.start + 30, notBefore + afterDays);
    const to = Math.min(this.inputs.horizon, this.inputs.start + 420);
    return from > to ? undefined : rng.between(from, to);
  }

  /**
   * A day moved, when needed, to between `atMost` and `days` days before the history begins: a product whose
   * end a showcase must show starts early enough for that end to fall inside the history's first months (and
   * late enough for it not to end before the history).
   */
  beforeHistory(day: number, days: number, atMost = Number.POSITIVE_INFINITY): number {
    return Math.max(this.inputs.start - atMost, Math.min(day, this.inputs.start - days));
  }

  openedSec(): number {
    return this.rng.between(9 * 3600, 20 * 3600);
  }

  orgs(): Set<string> {
    return new Set(this.slots.map((s) => s.org));
  }

  yearOf(day: number): number {
    return Math.floor(ymdOf(day) / 10_000);
  }

  /** Opening day of a slot by index. */
  openedOf(idx: number): number {
    const slot = this.slots[idx];
    if (!slot) throw new Error(`no slot ${idx}`);
    return slot.opened;
  }

  institution(org: string, industry: Institution['industry']): Institution | undefined {
    return this.pool.all(industry).find((inst) => inst.orgCode === org);
  }
}
