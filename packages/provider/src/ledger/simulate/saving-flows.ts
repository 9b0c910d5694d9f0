import { depositInterest, interestTax, savingsInterest } from '../finance/amortization.ts';
import { fundProceeds, fundWithholding } from '../finance/closing-payouts.ts';
import type { BankFundSlot, SavingsSlot, TimeDepositSlot } from '../plan/plan-types.ts';
import { STREAM } from '../random/rng.ts';
import { dueDay, monthOfDay } from '../time/day-number.ts';
import type { FundTx } from './events.ts';
import { A, B } from './live-state.ts';
import { push } from './month-bundle.ts';
import type { MonthContext } from './month-context.ts';

/** The day of savings deposit k (1 = the opening deposit). */
export function savingsPayDay(slot: SavingsSlot, k: number): number {
  return k === 1 ? slot.opened : dueDay(monthOfDay(slot.opened) + k - 1, slot.payDom);
}

/** Net amount paid out when a savings account matures (principal + interest − tax). */
export function savingsPayout(slot: SavingsSlot): number {
  const interest = savingsInterest(slot.monthly, slot.rateMilli, slot.months);
  return slot.monthly * slot.months + interest - interestTax(interest);
}

export function timeDepositPayout(slot: TimeDepositSlot): number {
  const interest = depositInterest(slot.amount, slot.rateMilli, slot.months);
  return slot.amount + interest - interestTax(interest);
}

export function maturityOf(slot: SavingsSlot | TimeDepositSlot): number {
  return slot.statusChange?.day ?? Number.POSITIVE_INFINITY;
}

/** 적금, 정기예금 and 적립식 펀드: transfers from the paying account, and payouts at maturity. */
export function savingFlows(ctx: MonthContext): void {
  const rng = ctx.rng(STREAM.household, 31);
  for (const slot of ctx.plan.slots) {
    if (slot.kind === 'savings') savings(ctx, slot, rng.next());
    else if (slot.kind === 'timeDeposit') timeDeposit(ctx, slot);
    else if (slot.kind === 'bankFund') bankFund(ctx, slot, rng.next());
  }
}

function savings(ctx: MonthContext, slot: SavingsSlot, r: number): void {
  const maturity = maturityOf(slot);
  for (let k = 1; k <= slot.months; k++) {
    const day = savingsPayDay(slot, k);
    if (day > ctx.last) break;
    if (day < ctx.first || !ctx.inRange(day) || day >= maturity) continue;
    const ts = k === 1 ? day * 86_400 + slot.openedSec : ctx.at(day, r, 5, 7);
    ctx.post(slot.from, ts, -slot.monthly, '자동이체', slot.prodName);
    ctx.post(slot.idx, ts, slot.monthly, '입금', '자동이체입금', k);
  }
  if (ctx.inRange(maturity)) {
    const ts = ctx.at(maturity, 0.5, 9, 10);
    ctx.post(slot.idx, ts, -slot.monthly * slot.months, '해지', '만기해지');
    ctx.post(slot.from, ts, savingsPayout(slot), '만기', `${slot.prodName} 만기`);
  }
}

function timeDeposit(ctx: MonthContext, slot: TimeDepositSlot): void {
  if (slot.opened >= ctx.plan.since && ctx.inRange(slot.opened)) {
    const ts = slot.opened * 86_400 + slot.openedSec;
    ctx.post(slot.from, ts, -slot.amount, '타행이체', slot.prodName);
    ctx.post(slot.idx, ts, slot.amount, '신규', '신규입금');
  }
  const maturity = maturityOf(slot);
  if (ctx.inRange(maturity)) {
    const ts = ctx.at(maturity, 0.5, 9, 10);
    ctx.post(slot.idx, ts, -slot.amount, '해지', '만기해지');
    ctx.post(slot.from, ts, timeDepositPayout(slot), '만기', `${slot.prodName} 만기`);
  }
}

function bankFund(ctx: MonthContext, slot: BankFundSlot, r: number): void {
  const days: number[] = [];
  if (ctx.inRange(slot.opened) && slot.opened >= ctx.plan.since) days.push(slot.opened);
  const monthly = dueDay(ctx.mi, slot.payDom);
  if (monthly > slot.opened && ctx.inRange(monthly) && monthOfDay(slot.opened) !== ctx.mi && ctx.live(slot, monthly))
    days.push(monthly);
  for (const day of days) {
    const nav = ctx.world.market.price(slot.fund, day);
    const units = Math.round((slot.monthly / nav) * 1000 * 1000) / 1000;
    const ts = day === slot.opened ? day * 86_400 + slot.openedSec : ctx.at(day, r, 9, 11);
    ctx.post(slot.from, ts, -slot.monthly, '자동이체', slot.prodName);
    ctx.state.add(slot.idx, A, units);
    ctx.state.add(slot.idx, B, slot.monthly);
    ctx.state.touch(slot.idx, ts);
    const tx: FundTx = { ts, type: '01', nav, units, amt: slot.monthly, bal: ctx.state.get(slot.idx, B), no: 0 };
    push(ctx.bundle.funds, slot.idx, tx);
    ctx.counted();
  }
  const closing = slot.statusChange?.status === 'closed' ? slot.statusChange.day : -1;
  if (ctx.inRange(closing)) redeemFund(ctx, slot, ctx.at(closing, r, 11, 15));
}

/**
 * 전액 환매: every unit sold at the day's 기준가, the principal balance to zero, and the proceeds less the tax
 * on the gain credited to the paying account at the same time.
 */
function redeemFund(ctx: MonthContext, slot: BankFundSlot, ts: number): void {
  const nav = ctx.world.market.price(slot.fund, ctx.dayOf(ts));
  const units = ctx.state.get(slot.idx, A);
  const proceeds = fundProceeds(units, nav);
  const net = proceeds - fundWithholding(proceeds, ctx.state.get(slot.idx, B));
  ctx.state.set(slot.idx, A, 0);
  ctx.state.set(slot.idx, B, 0);
  ctx.state.touch(slot.idx, ts);
  push(ctx.bundle.funds, slot.idx, { ts, type: '02', nav, units, amt: proceeds, bal: 0, no: 0 });
  ctx.counted();
  if (net > 0) ctx.post(slot.from, ts, net, '환매', `${slot.prodName} 환매`);
}
