import type { GuaranteeSlot, PolicySlot } from '../plan/plan-types.ts';
import { STREAM } from '../random/rng.ts';
import { addMonths, dueDay, monthNumberOf, monthOfDay, ymdOf } from '../time/day-number.ts';
import { payThrough } from './card-charge.ts';
import type { PremiumTx } from './events.ts';
import { push } from './month-bundle.ts';
import type { MonthContext } from './month-context.ts';

/** The day of monthly premium k (1 = at signing). */
export function premiumDay(slot: PolicySlot, k: number): number {
  return k === 1 ? slot.opened : dueDay(monthOfDay(slot.opened) + k - 1, slot.payDom);
}

/** Whether premium k is paid: within the payment term, before a lapse and before maturity. */
export function premiumDue(slot: PolicySlot, day: number): boolean {
  if (day > slot.payEndDay) return false;
  if (slot.lapseDay !== undefined && day >= slot.lapseDay) return false;
  if (slot.expDay !== undefined && day >= slot.expDay) return false;
  return day >= slot.opened;
}

/** The yearly premium of a car policy for the year starting on its renewal day (±8 % a year). */
export function carPremium(slot: PolicySlot, renewalDay: number, seed: number): number {
  const year = Math.floor(ymdOf(renewalDay) / 10_000);
  const wiggle = (((year * 7919 + slot.idx * 31 + seed) % 17) - 8) / 100;
  return Math.round((slot.premium * (1 + wiggle)) / 10) * 10;
}

/** The renewal day of a car policy in a month, if it renews that month. */
export function carRenewalIn(slot: PolicySlot, mi: number): number | undefined {
  const openedMonth = monthOfDay(slot.opened);
  if (monthNumberOf(mi) !== monthNumberOf(openedMonth) || mi < openedMonth) return undefined;
  return addMonths(slot.opened, mi - openedMonth);
}

/**
 * Premiums: monthly ones on the payment day (the first at signing), by automatic transfer or card; the car
 * policy's yearly premium on its renewal day; a guarantee policy's single premium at issue.
 */
export function insuranceFlows(ctx: MonthContext): void {
  const rng = ctx.rng(STREAM.insurance);
  for (const slot of ctx.plan.slots) {
    if (slot.kind === 'policy') policy(ctx, slot, rng.next());
    else if (slot.kind === 'guarantee') guarantee(ctx, slot);
  }
}

function policy(ctx: MonthContext, slot: PolicySlot, r: number): void {
  const instIndex = ctx.world.index(slot.org);
  const memo = ctx.world.name(slot.org);
  if (slot.payCycle === '1Y') {
    const day = carRenewalIn(slot, ctx.mi);
    if (day === undefined || !ctx.inRange(day)) return;
    const amt = carPremium(slot, day, ctx.world.seed);
    const ts = day === slot.opened ? day * 86_400 + slot.openedSec : ctx.at(day, r, 10, 16);
    const method = payThrough(ctx, slot.payVia, ts, amt, instIndex, memo);
    const tx: PremiumTx = {
      ts,
      appliedMi: ctx.mi,
      amt,
      method,
      no: Math.floor((ctx.mi - monthOfDay(slot.opened)) / 12) + 1,
    };
    push(ctx.bundle.premiums, slot.idx, tx);
    ctx.counted();
    return;
  }
  const firstK = Math.max(1, ctx.mi - monthOfDay(slot.opened));
  for (let k = firstK; k <= firstK + 1; k++) {
    const day = premiumDay(slot, k);
    if (day < ctx.first || day > ctx.last || !ctx.inRange(day) || !premiumDue(slot, day)) continue;
    const ts = k === 1 ? day * 86_400 + slot.openedSec : ctx.at(day, r, 5, 8);
    const method = payThrough(ctx, slot.payVia, ts, slot.premium, instIndex, memo);
    const tx: PremiumTx = { ts, appliedMi: monthOfDay(day), amt: slot.premium, method, no: k };
    push(ctx.bundle.premiums, slot.idx, tx);
    ctx.counted();
  }
}

function guarantee(ctx: MonthContext, slot: GuaranteeSlot): void {
  if (slot.opened < ctx.plan.since || !ctx.inRange(slot.opened)) return;
  const ts = slot.opened * 86_400 + slot.openedSec;
  const method = payThrough(ctx, slot.payVia, ts, slot.premium, ctx.world.index(slot.org), ctx.world.name(slot.org));
  const tx: PremiumTx = { ts, appliedMi: ctx.mi, amt: slot.premium, method, no: 1 };
  push(ctx.bundle.premiums, slot.idx, tx);
  ctx.counted();
}
