import type { Plan } from '../plan/plan-types.ts';
import { initialState } from '../simulate/initial-state.ts';
import { LiveState, StateLayout } from '../simulate/live-state.ts';
import type { MonthBundle } from '../simulate/month-bundle.ts';
import { simulateMonth } from '../simulate/simulate-month.ts';
import type { World } from '../simulate/world.ts';
import { monthOfDay } from '../time/day-number.ts';
import type { BundleCache } from './bundle-cache.ts';

/**
 * One customer's life as it unfolds: the packed state at the start of every month simulated so far
 * (kept), and the months' bundles (in the shared cache, regenerated from those states when evicted).
 * Months are simulated lazily, in order, the first time anything at or after them is read.
 */
export class CustomerLife {
  readonly layout: StateLayout;
  readonly firstMonth: number;
  /** states[k]: the packed state at the start of month firstMonth + k. */
  private readonly states: Float64Array[] = [];

  constructor(
    readonly plan: Plan,
    readonly world: World,
    private readonly cache: BundleCache,
  ) {
    this.layout = new StateLayout(plan);
    this.firstMonth = monthOfDay(plan.since);
    this.states.push(initialState(plan, world, this.layout).pack());
  }

  private key(mi: number): number {
    return this.plan.index * 4096 + (mi & 4095);
  }

  /** Months simulated so far. */
  get simulatedMonths(): number {
    return this.states.length - 1;
  }

  /** The state at the start of month mi (before the history: the initial state). */
  stateAt(mi: number): LiveState {
    this.advanceTo(mi);
    const k = Math.max(0, mi - this.firstMonth);
    const packed = this.states[k];
    if (!packed) throw new Error(`no state for month ${mi}`);
    return LiveState.unpack(this.layout, packed);
  }

  /**
   * Simulate up to (not including) month mi, keeping each month's starting state; returns the number of
   * transactions generated on the way.
   */
  advanceTo(mi: number, keepBundles = true): number {
    let generated = 0;
    while (this.firstMonth + this.states.length - 1 < mi) {
      const month = this.firstMonth + this.states.length - 1;
      const start = this.states.at(-1);
      if (!start) throw new Error('no starting state');
      const { bundle, end } = simulateMonth(this.plan, this.world, month, LiveState.unpack(this.layout, start));
      if (keepBundles) this.cache.set(this.key(month), bundle);
      this.states.push(end.pack());
      generated += bundle.count;
    }
    return generated;
  }

  /** The bundle of month mi (undefined before the history began). */
  bundle(mi: number): MonthBundle | undefined {
    if (mi < this.firstMonth) return undefined;
    const hit = this.cache.get(this.key(mi));
    if (hit) return hit;
    this.advanceTo(mi + 1);
    const again = this.cache.get(this.key(mi));
    if (again) return again;
    const start = this.states[mi - this.firstMonth];
    if (!start) throw new Error(`no state for month ${mi}`);
    const { bundle } = simulateMonth(this.plan, this.world, mi, LiveState.unpack(this.layout, start));
    this.cache.set(this.key(mi), bundle);
    return bundle;
  }

  /** Bytes held by the kept states. */
  stateBytes(): number {
    let bytes = 0;
    for (const s of this.states) bytes += s.byteLength + 64;
    return bytes;
  }
}
