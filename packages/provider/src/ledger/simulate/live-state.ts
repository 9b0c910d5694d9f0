import type { Plan } from '../plan/plan-types.ts';

/**
 * The state carried from one month to the next: a few numbers per stateful product (balances, counts,
 * the card bill due, points), security positions and open instalment purchases. It is stored packed in
 * one Float64Array per customer-month, so a year of 10,000 customers costs tens of megabytes, and any
 * month can be regenerated from the state at its start.
 */
export const A = 0;
export const B = 1;
export const C = 2;
/** Last change of the product, as ts (for changedAt). */
export const LAST = 3;
const REC = 4;

/** Products whose state a month carries forward. */
const STATEFUL = new Set([
  'deposit',
  'savings',
  'timeDeposit',
  'bankFund',
  'irp',
  'cardIssuer',
  'prepaidCard',
  'securities',
  'pension',
  'efinMoney',
  'telecom',
]);

export class StateLayout {
  readonly offsets: Int16Array;
  readonly size: number;

  constructor(plan: Plan) {
    this.offsets = new Int16Array(plan.slots.length).fill(-1);
    let at = 0;
    for (const slot of plan.slots) {
      if (STATEFUL.has(slot.kind)) {
        this.offsets[slot.idx] = at;
        at += REC;
      }
    }
    this.size = at;
  }
}

/** A position: slot, security or product index, quantity (units), cost (KRW, or cents for US). */
export const POS = 4;
/**
 * An open instalment purchase: card slot, approval ts, merchant, branch, pg, amount, instalments, parts
 * already billed, approval number.
 */
export const INST = 9;

export class LiveState {
  constructor(
    readonly layout: StateLayout,
    readonly f: Float64Array,
    public pos: number[],
    public inst: number[],
  ) {}

  static empty(layout: StateLayout): LiveState {
    return new LiveState(layout, new Float64Array(layout.size), [], []);
  }

  private at(slot: number, field: number): number {
    const off = this.layout.offsets[slot] ?? -1;
    if (off < 0) throw new Error(`slot ${slot} carries no state`);
    return off + field;
  }

  get(slot: number, field: number): number {
    return this.f[this.at(slot, field)] ?? 0;
  }

  set(slot: number, field: number, value: number): void {
    this.f[this.at(slot, field)] = value;
  }

  add(slot: number, field: number, delta: number): void {
    this.f[this.at(slot, field)] = (this.f[this.at(slot, field)] ?? 0) + delta;
  }

  touch(slot: number, ts: number): void {
    const i = this.at(slot, LAST);
    if ((this.f[i] ?? 0) < ts) this.f[i] = ts;
  }

  /** Quantity of a position (0 if none). */
  qty(slot: number, key: number): number {
    for (let i = 0; i < this.pos.length; i += POS)
      if (this.pos[i] === slot && this.pos[i + 1] === key) return this.pos[i + 2] ?? 0;
    return 0;
  }

  cost(slot: number, key: number): number {
    for (let i = 0; i < this.pos.length; i += POS)
      if (this.pos[i] === slot && this.pos[i + 1] === key) return this.pos[i + 3] ?? 0;
    return 0;
  }

  /** Change a position by a quantity and a cost (negative to sell); drops it when emptied. */
  move(slot: number, key: number, dQty: number, dCost: number): void {
    for (let i = 0; i < this.pos.length; i += POS) {
      if (this.pos[i] === slot && this.pos[i + 1] === key) {
        const qty = (this.pos[i + 2] ?? 0) + dQty;
        if (qty <= 1e-9) this.pos.splice(i, POS);
        else {
          this.pos[i + 2] = qty;
          this.pos[i + 3] = (this.pos[i + 3] ?? 0) + dCost;
        }
        return;
      }
    }
    if (dQty > 0) this.pos.push(slot, key, dQty, dCost);
  }

  /** Positions of one slot as [key, qty, cost]. */
  positions(slot: number): [number, number, number][] {
    const out: [number, number, number][] = [];
    for (let i = 0; i < this.pos.length; i += POS) {
      if (this.pos[i] === slot) out.push([this.pos[i + 1] ?? 0, this.pos[i + 2] ?? 0, this.pos[i + 3] ?? 0]);
    }
    return out;
  }

  clone(): LiveState {
    return new LiveState(this.layout, new Float64Array(this.f), [...this.pos], [...this.inst]);
  }

  pack(): Float64Array {
    const out = new Float64Array(this.f.length + 2 + this.pos.length + this.inst.length);
    out.set(this.f, 0);
    let at = this.f.length;
    out[at++] = this.pos.length;
    for (const v of this.pos) out[at++] = v;
    out[at++] = this.inst.length;
    for (const v of this.inst) out[at++] = v;
    return out;
  }

  static unpack(layout: StateLayout, packed: Float64Array): LiveState {
    const f = packed.slice(0, layout.size);
    let at = layout.size;
    const posLen = packed[at++] ?? 0;
    const pos = Array.from(packed.subarray(at, at + posLen));
    at += posLen;
    const instLen = packed[at++] ?? 0;
    const inst = Array.from(packed.subarray(at, at + instLen));
    return new LiveState(layout, f, pos, inst);
  }
}
