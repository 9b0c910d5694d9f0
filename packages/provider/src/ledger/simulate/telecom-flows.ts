import { CARRIER_BILLING } from '../merchants/order-titles.ts';
import type { TelecomSlot } from '../plan/plan-types.ts';
import { STREAM } from '../random/rng.ts';
import { dueDay, monthOfDay } from '../time/day-number.ts';
import { payThrough } from './card-charge.ts';
import type { CarrierPurchase, TelecomBill } from './events.ts';
import { A, B } from './live-state.ts';
import { push } from './month-bundle.ts';
import type { MonthContext } from './month-context.ts';

/** Whether a contract is billed for a month: opened before it and not closed before it starts. */
export function billedIn(slot: TelecomSlot, mi: number): boolean {
  if (monthOfDay(slot.opened) >= mi) return false;
  const change = slot.statusChange;
  if (change && monthOfDay(change.day) < mi) return false;
  return true;
}

/** The device instalment in a month's bill (24 months from the month after signing). */
export function deviceCharge(slot: TelecomSlot, mi: number): number {
  if (!slot.device) return 0;
  const n = mi - monthOfDay(slot.opened);
  return n >= 1 && n <= slot.device.months ? slot.device.monthly : 0;
}

/**
 * Telecom: each contract's monthly bill (plan fee, the device instalment and last month's carrier-billing
 * purchases), paid on its due date by automatic transfer or card; and this month's carrier-billing
 * purchases, which go on next month's bill (carried in the state).
 */
export function telecomFlows(ctx: MonthContext): void {
  for (const slot of ctx.plan.slots) {
    if (slot.kind !== 'telecom') continue;
    const rng = ctx.rng(STREAM.telecom, slot.idx);
    const carriedIn = ctx.state.get(slot.idx, A);
    if (billedIn(slot, ctx.mi)) {
      const amt = slot.planFee + deviceCharge(slot, ctx.mi) + carriedIn;
      const day = dueDay(ctx.mi, slot.billDom);
      const bill: TelecomBill = { mi: ctx.mi, amt, dueDay: day, paidTs: 0, method: '01' };
      if (ctx.inRange(day)) {
        bill.paidTs = ctx.at(day, rng.next(), 5, 8);
        bill.method = payThrough(
          ctx,
          slot.payVia,
          bill.paidTs,
          amt,
          ctx.world.index(slot.org),
          ctx.world.name(slot.org),
        );
        ctx.state.touch(slot.idx, bill.paidTs);
      }
      if (ctx.inRange(ctx.first) || ctx.inRange(day)) {
        ctx.bundle.telecomBill[slot.idx] = bill;
        ctx.counted();
      }
    }
    let purchases = 0;
    if (slot.carrierPerMonth > 0) {
      for (let k = rng.poisson(slot.carrierPerMonth); k > 0; k--) {
        const day = ctx.first + rng.int(ctx.last - ctx.first + 1);
        if (!ctx.inRange(day) || !ctx.live(slot, day)) continue;
        const merchant = rng.int(CARRIER_BILLING.length);
        const item = CARRIER_BILLING[merchant];
        if (!item) continue;
        const amt = Math.round(rng.between(item.amount[0], item.amount[1]) / 100) * 100;
        const tx: CarrierPurchase = {
          ts: ctx.at(day, rng.next(), 8, 24),
          amt,
          merchant,
          title: rng.int(item.titles.length),
        };
        push(ctx.bundle.carrier, slot.idx, tx);
        ctx.counted();
        purchases += amt;
      }
    }
    ctx.state.set(slot.idx, A, purchases);
    ctx.state.set(slot.idx, B, carriedIn);
  }
}
