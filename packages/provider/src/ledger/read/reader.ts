import type { Temporal } from 'temporal-polyfill';
import type { CustomerLife } from '../life/customer-life.ts';
import type { Population } from '../life/population.ts';
import type { Plan, Slot } from '../plan/plan-types.ts';
import type { LiveState } from '../simulate/live-state.ts';
import { LAST } from '../simulate/live-state.ts';
import type { MonthBundle } from '../simulate/month-bundle.ts';
import type { World } from '../simulate/world.ts';
import { dayOfTs, monthOfDay, SECONDS_PER_DAY } from '../time/day-number.ts';
import { dayOfPlainDate, monthOfYearMonth, tsOfPlainDateTime } from '../time/temporal-values.ts';

/**
 * One read for one customer at one institution at one moment: the clock (capped at the ledger's end),
 * the customer's life, and helpers to walk the months a request selects, newest first.
 */
export class Reader {
  readonly nowTs: number;
  readonly nowDay: number;
  readonly nowMi: number;
  readonly life: CustomerLife;
  readonly plan: Plan;
  readonly world: World;
  private stateNow: LiveState | undefined;

  constructor(
    readonly pop: Population,
    readonly index: number,
    readonly org: string,
    now: Temporal.PlainDateTime,
  ) {
    const end = pop.world.endDay;
    const ts = tsOfPlainDateTime(now);
    this.nowTs = Number.isFinite(end) ? Math.min(ts, (end + 1) * SECONDS_PER_DAY - 1) : ts;
    this.nowDay = dayOfTs(this.nowTs);
    this.nowMi = monthOfDay(this.nowDay);
    this.life = pop.life(index);
    this.plan = this.life.plan;
    this.world = pop.world;
  }

  /** The state at the start of the current month. */
  get monthStart(): LiveState {
    this.stateNow ??= this.life.stateAt(this.nowMi);
    return this.stateNow;
  }

  bundle(mi: number): MonthBundle | undefined {
    if (mi > this.nowMi) return undefined;
    return this.life.bundle(mi);
  }

  slot(idx: number): Slot {
    const slot = this.plan.slots[idx];
    if (!slot) throw new Error(`no slot ${idx}`);
    return slot;
  }

  /** Whether a slot exists yet (opened on or before now). */
  exists(slot: Slot): boolean {
    const opened = slot.opened * SECONDS_PER_DAY + slot.openedSec;
    return opened <= this.nowTs;
  }

  /**
   * Items of a slot over a range of ts (inclusive, capped at now), newest first, from each month's bundle.
   */
  collect<T extends { ts: number }>(
    pick: (b: MonthBundle) => readonly T[] | undefined,
    fromTs: number,
    toTs: number,
  ): T[] {
    const to = Math.min(toTs, this.nowTs);
    const out: T[] = [];
    if (to < fromTs) return out;
    const firstMi = Math.max(monthOfDay(dayOfTs(fromTs)), this.life.firstMonth);
    for (let mi = monthOfDay(dayOfTs(to)); mi >= firstMi; mi--) {
      const bundle = this.bundle(mi);
      const list = bundle ? pick(bundle) : undefined;
      if (!list) continue;
      for (let i = list.length - 1; i >= 0; i--) {
        const item = list[i] as T;
        if (item.ts >= fromTs && item.ts <= to) out.push(item);
      }
    }
    return out;
  }

  /** The request's from_date/to_date as a ts range (whole days). */
  dateRange(request: Readonly<Record<string, unknown>>): [number, number] {
    const from = request['from_date'] as Temporal.PlainDate | undefined;
    const to = request['to_date'] as Temporal.PlainDate | undefined;
    const fromDay = from ? dayOfPlainDate(from) : this.nowDay - 30;
    const toDay = to ? dayOfPlainDate(to) : this.nowDay;
    return [fromDay * SECONDS_PER_DAY, (toDay + 1) * SECONDS_PER_DAY - 1];
  }

  /** The request's from_month/to_month as month indexes, capped at the current month. */
  monthRange(request: Readonly<Record<string, unknown>>): [number, number] {
    const from = request['from_month'] as Temporal.PlainYearMonth | undefined;
    const to = request['to_month'] as Temporal.PlainYearMonth | undefined;
    return [
      from ? monthOfYearMonth(from) : this.nowMi - 2,
      Math.min(this.nowMi, to ? monthOfYearMonth(to) : this.nowMi),
    ];
  }

  /** The last change of a stateful slot before the current month (ts), else its opening. */
  lastChangeBefore(slot: Slot): number {
    const last = this.monthStart.layout.offsets[slot.idx] ?? -1;
    const opened = slot.opened * SECONDS_PER_DAY + slot.openedSec;
    if (last < 0) return opened;
    return Math.max(opened, this.monthStart.get(slot.idx, LAST));
  }

  /** When a slot's list-level data last changed (opened, status change), capped at now. */
  listChangedTs(slot: Slot): number {
    const opened = slot.opened * SECONDS_PER_DAY + slot.openedSec;
    const change = slot.statusChange ? slot.statusChange.day * SECONDS_PER_DAY : 0;
    return change > opened && change <= this.nowTs ? change : opened;
  }
}
