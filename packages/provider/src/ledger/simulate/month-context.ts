import type { Plan, Slot } from '../plan/plan-types.ts';
import { statusOn } from '../plan/plan-types.ts';
import { Rng } from '../random/rng.ts';
import { dayOfTs, daysInMonth, firstDayOfMonth, SECONDS_PER_DAY } from '../time/day-number.ts';
import { A, type LiveState } from './live-state.ts';
import { MonthBundle } from './month-bundle.ts';
import type { World } from './world.ts';

/** A bank movement before the account is settled (sorted and given balances). */
export interface RawBank {
  ts: number;
  amt: number;
  cls: string;
  memo: string;
  cnt: number;
  order: number;
}

/**
 * The working context of one customer-month: the plan, the world, the month's days, the state being
 * carried forward, the bundle being filled, and the pending bank movements every sector posts to.
 */
export class MonthContext {
  readonly first: number;
  readonly last: number;
  /** The days events may happen on: inside the month, the customer's history and the ledger's end. */
  readonly fromDay: number;
  readonly toDay: number;
  readonly bundle: MonthBundle;
  readonly raw: (RawBank[] | undefined)[] = [];
  /**
   * How freely the customer spends this month: less when the main account ran low, a little more when it
   * is comfortable (people look at their balance). Applies to discretionary spending only.
   */
  readonly spendFactor: number;
  /** Main account balance over monthly income at the start of the month. */
  readonly comfort: number;
  private order = 0;

  constructor(
    readonly plan: Plan,
    readonly world: World,
    readonly mi: number,
    readonly state: LiveState,
  ) {
    this.first = firstDayOfMonth(mi);
    this.last = this.first + daysInMonth(mi) - 1;
    this.fromDay = Math.max(this.first, plan.since);
    this.toDay = Math.min(this.last, world.endDay);
    this.bundle = new MonthBundle(mi);
    const main = plan.slots[plan.persona.main];
    const limit = main?.kind === 'deposit' ? main.minusLimit : 0;
    const ratio = (state.get(plan.persona.main, A) + limit) / Math.max(1, plan.persona.income);
    this.comfort = ratio;
    this.spendFactor = ratio < 0.5 ? 0.5 : ratio < 1 ? 0.75 : ratio > 8 ? 1.15 : 1;
  }

  rng(stream: number, slot = 0): Rng {
    return Rng.of(this.world.seed, this.plan.index, this.mi, stream, slot);
  }

  /** Whether something on this day belongs to the generated history. */
  inRange(day: number): boolean {
    return day >= this.fromDay && day <= this.toDay;
  }

  /** Whether a product is open and normal on a day (opened, not yet closed, lost, lapsed …). */
  live(slot: Slot, day: number): boolean {
    return day >= slot.opened && statusOn(slot, day) === 'normal';
  }

  slot(idx: number): Slot {
    const slot = this.plan.slots[idx];
    if (!slot) throw new Error(`no slot ${idx}`);
    return slot;
  }

  /** Post a movement to a deposit-type account (signed amount). */
  post(account: number, ts: number, amt: number, cls: string, memo: string, cnt = 0): void {
    const item: RawBank = { ts, amt, cls, memo, cnt, order: this.order++ };
    const list = this.raw[account];
    if (list) list.push(item);
    else this.raw[account] = [item];
  }

  /** A random time of a day between two hours. */
  at(day: number, rngValue: number, fromHour: number, toHour: number): number {
    return day * SECONDS_PER_DAY + Math.floor((fromHour + (toHour - fromHour) * rngValue) * 3600);
  }

  dayOf(ts: number): number {
    return dayOfTs(ts);
  }

  counted(n = 1): void {
    this.bundle.count += n;
  }
}
