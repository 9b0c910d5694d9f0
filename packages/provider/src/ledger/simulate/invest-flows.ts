import { irpValue, irpWithholding } from '../finance/closing-payouts.ts';
import { securityAt } from '../market/securities-universe.ts';
import type { IrpSlot, PensionSlot, SecuritiesSlot } from '../plan/plan-types.ts';
import { type Rng, STREAM } from '../random/rng.ts';
import { dueDay, monthNumberOf, monthOfDay, weekday } from '../time/day-number.ts';
import type { InvestTx, IrpTx } from './events.ts';
import { A, B, C } from './live-state.ts';
import { push } from './month-bundle.ts';
import type { MonthContext } from './month-context.ts';

/**
 * Securities, pension (연금저축) and IRP accounts: monthly transfers in from the customer's bank account,
 * trades at the day's market price (KRX in KRW, US stocks in USD after a currency exchange), dividends in
 * April, pension payouts back to the bank, and IRP contributions spread over the IRP's products.
 */
export function investFlows(ctx: MonthContext): void {
  for (const slot of ctx.plan.slots) {
    if (slot.kind === 'securities') securities(ctx, slot, ctx.rng(STREAM.invest, slot.idx));
    else if (slot.kind === 'pension') pension(ctx, slot, ctx.rng(STREAM.invest, slot.idx));
    else if (slot.kind === 'irp') irp(ctx, slot, ctx.rng(STREAM.invest, slot.idx));
  }
}

const KRX_FEE = 0.00015;
const KRX_SELL_TAX = 0.0018;
const US_FEE = 0.0025;

class Account {
  private no = 0;
  constructor(
    private readonly ctx: MonthContext,
    readonly slot: number,
  ) {}

  get cash(): number {
    return this.ctx.state.get(this.slot, A);
  }

  get usd(): number {
    return this.ctx.state.get(this.slot, B);
  }

  record(
    ts: number,
    type: InvestTx['type'],
    detail: string,
    sec: number,
    qty: number,
    price: number,
    amt: number,
    settle: number,
    cur: 'KRW' | 'USD',
  ): void {
    const field = cur === 'KRW' ? A : B;
    this.ctx.state.add(this.slot, field, settle);
    this.ctx.state.touch(this.slot, ts);
    const tx: InvestTx = {
      ts,
      type,
      detail,
      sec,
      qty,
      price,
      amt,
      settle,
      bal: this.ctx.state.get(this.slot, field),
      cur,
      no: ++this.no,
    };
    push(this.ctx.bundle.invest, this.slot, tx);
    this.ctx.counted();
  }
}

function tradingDay(ctx: MonthContext, rng: Rng): number | undefined {
  for (let tries = 0; tries < 6; tries++) {
    const day = ctx.first + rng.int(ctx.last - ctx.first + 1);
    if (weekday(day) !== 0 && weekday(day) !== 6 && ctx.inRange(day)) return day;
  }
  return undefined;
}

function transferIn(ctx: MonthContext, acc: Account, from: number, ts: number, amt: number, memo: string): void {
  ctx.post(from, ts, -amt, '타행이체', memo);
  acc.record(ts, '03', '이체입금', -1, 0, 0, amt, amt, 'KRW');
}

function securities(ctx: MonthContext, slot: SecuritiesSlot, rng: Rng): void {
  const acc = new Account(ctx, slot.idx);
  const memo = ctx.world.name(slot.org);
  // Decide when things happen first, then run them in time order: each depends on the cash before it.
  const actions: { ts: number; kind: 'deposit' | 'trade' | 'dividend' | 'withdraw' }[] = [];
  const openedNow = slot.opened >= ctx.plan.since && ctx.inRange(slot.opened);
  const payDay = openedNow ? slot.opened : dueDay(ctx.mi, slot.payDom);
  if (ctx.inRange(payDay) && ctx.live(slot, payDay)) {
    actions.push({
      ts: openedNow ? payDay * 86_400 + slot.openedSec : ctx.at(payDay, rng.next(), 9, 12),
      kind: 'deposit',
    });
  }
  for (let k = rng.poisson(slot.tradesPerMonth); k > 0; k--) {
    const day = tradingDay(ctx, rng);
    if (day === undefined || !ctx.live(slot, day) || (openedNow && day < payDay)) continue;
    actions.push({ ts: ctx.at(day, rng.next(), 9, 15.5), kind: 'trade' });
  }
  if (monthNumberOf(ctx.mi) === 4) {
    const day = dueDay(ctx.mi, 20);
    if (ctx.inRange(day) && ctx.live(slot, day)) actions.push({ ts: ctx.at(day, 0.1, 8, 9), kind: 'dividend' });
  }
  if (rng.chance(0.04)) {
    const day = tradingDay(ctx, rng);
    if (day !== undefined && ctx.live(slot, day) && day > payDay)
      actions.push({ ts: ctx.at(day, rng.next(), 16, 18), kind: 'withdraw' });
  }
  actions.sort((x, y) => x.ts - y.ts);
  const market = ctx.world.market;
  for (const { ts, kind } of actions) {
    const day = ctx.dayOf(ts);
    if (kind === 'deposit') {
      transferIn(ctx, acc, slot.from, ts, slot.monthly * (openedNow && day === slot.opened ? 3 : 1), memo);
    } else if (kind === 'dividend') {
      for (const [sec, qty] of ctx.state.positions(slot.idx)) {
        if (securityAt(sec).market !== 'krx') continue;
        const gross = Math.floor(qty * market.price(sec, day) * 0.015);
        const net = gross - Math.floor((gross * 0.154) / 10) * 10;
        if (net > 0) acc.record(ts, '05', '배당금입금', sec, qty, 0, net, net, 'KRW');
      }
    } else if (kind === 'withdraw') {
      if (acc.cash <= 500_000) continue;
      const amt = Math.floor((acc.cash * 0.3) / 10_000) * 10_000;
      acc.record(ts, '04', '이체출금', -1, 0, 0, amt, -amt, 'KRW');
      ctx.post(slot.from, ts, amt, '타행이체', memo);
    } else trade(ctx, slot, acc, rng, ts, day);
  }
}

function trade(ctx: MonthContext, slot: SecuritiesSlot, acc: Account, rng: Rng, ts: number, day: number): void {
  const market = ctx.world.market;
  const held = ctx.state.positions(slot.idx);
  const buy = held.length === 0 || (acc.cash > 200_000 && rng.chance(0.65));
  if (buy) {
    const us = slot.us.length > 0 && rng.chance(0.35);
    if (us) {
      const sec = rng.pick(slot.us);
      const rate = market.rate('USD', day);
      const price = Math.round(market.price(sec, day) * 100);
      const budgetCents = Math.floor(((acc.cash * (0.2 + rng.next() * 0.4)) / rate) * 100) + acc.usd;
      const qty = Math.floor(budgetCents / (price * (1 + US_FEE)));
      if (qty < 1) return;
      const cost = qty * price;
      const fee = Math.round(cost * US_FEE);
      const needCents = Math.max(0, cost + fee - acc.usd);
      if (needCents > 0) {
        const krw = Math.ceil((needCents * rate) / 100);
        if (krw > acc.cash) return;
        acc.record(ts - 60, '06', '환전 원화→달러', -1, 0, rate, krw, -krw, 'KRW');
        acc.record(ts - 59, '06', '환전 달러입금', -1, 0, rate, needCents, needCents, 'USD');
      }
      acc.record(ts, '01', '해외주식 매수', sec, qty, price, cost, -(cost + fee), 'USD');
      ctx.state.move(slot.idx, sec, qty, cost + fee);
    } else {
      const sec = rng.pick(slot.krx);
      const price = market.price(sec, day);
      const qty = Math.floor((acc.cash * (0.2 + rng.next() * 0.5)) / (price * (1 + KRX_FEE)));
      if (qty < 1) return;
      const cost = qty * price;
      const fee = Math.floor((cost * KRX_FEE) / 10) * 10;
      acc.record(ts, '01', '장내매수', sec, qty, price, cost, -(cost + fee), 'KRW');
      ctx.state.move(slot.idx, sec, qty, cost + fee);
    }
    return;
  }
  const [sec, qtyHeld, costHeld] = rng.pick(held);
  const qty = Math.max(1, Math.round(qtyHeld * (0.3 + rng.next() * 0.7)));
  const us = securityAt(sec).market === 'us';
  const price = us ? Math.round(market.price(sec, day) * 100) : market.price(sec, day);
  const proceeds = qty * price;
  const fee = us ? Math.round(proceeds * US_FEE) : Math.floor((proceeds * KRX_FEE) / 10) * 10;
  const tax = us ? 0 : Math.floor(proceeds * KRX_SELL_TAX);
  acc.record(
    ts,
    '02',
    us ? '해외주식 매도' : '장내매도',
    sec,
    qty,
    price,
    proceeds,
    proceeds - fee - tax,
    us ? 'USD' : 'KRW',
  );
  ctx.state.move(slot.idx, sec, -qty, -Math.round((costHeld * qty) / qtyHeld));
}

function buyFunds(ctx: MonthContext, acc: Account, slot: PensionSlot, ts: number, day: number, budget: number): void {
  const share = Math.floor(budget / slot.funds.length);
  for (const fund of slot.funds) {
    const sec = securityAt(fund);
    const price = ctx.world.market.price(fund, day);
    if (sec.market === 'fund') {
      const units = Math.round((share / price) * 1000 * 1000) / 1000;
      acc.record(ts, '01', '펀드매수', fund, units, price, share, -share, 'KRW');
      ctx.state.move(slot.idx, fund, units, share);
    } else {
      const qty = Math.floor(share / price);
      if (qty < 1) continue;
      acc.record(ts, '01', 'ETF매수', fund, qty, price, qty * price, -qty * price, 'KRW');
      ctx.state.move(slot.idx, fund, qty, qty * price);
    }
  }
}

function pension(ctx: MonthContext, slot: PensionSlot, rng: Rng): void {
  const acc = new Account(ctx, slot.idx);
  const memo = ctx.world.name(slot.org);
  const day = slot.opened >= ctx.plan.since && ctx.inRange(slot.opened) ? slot.opened : dueDay(ctx.mi, slot.payDom);
  if (!ctx.inRange(day) || !ctx.live(slot, day)) return;
  const ts = ctx.at(day, rng.next(), 9, 12);
  if (slot.monthly > 0 && day < slot.rcvStartDay) {
    transferIn(ctx, acc, slot.from, ts, slot.monthly, `${memo} 연금저축`);
    ctx.state.add(slot.idx, B, slot.monthly);
    buyFunds(ctx, acc, slot, ts + 1, day, Math.max(0, acc.cash));
  } else if (slot.payout > 0 && day >= slot.rcvStartDay) {
    const fund = slot.funds[0] ?? 0;
    const sec = securityAt(fund);
    const price = ctx.world.market.price(fund, day);
    const held = ctx.state.qty(slot.idx, fund);
    const perUnit = sec.market === 'fund' ? price / 1000 : price;
    const units = Math.min(
      held,
      sec.market === 'fund' ? Math.round((slot.payout / perUnit) * 1000) / 1000 : Math.ceil(slot.payout / perUnit),
    );
    if (units <= 0) return;
    const proceeds = Math.floor(units * perUnit);
    acc.record(ts, '02', sec.market === 'fund' ? '펀드환매' : 'ETF매도', fund, units, price, proceeds, proceeds, 'KRW');
    ctx.state.move(slot.idx, fund, -units, -Math.round((ctx.state.cost(slot.idx, fund) * units) / held));
    const paid = Math.floor((proceeds * 0.945) / 10) * 10;
    acc.record(ts + 600, '04', '연금지급', -1, 0, 0, proceeds, -proceeds, 'KRW');
    ctx.state.add(slot.idx, C, proceeds);
    ctx.post(slot.from, ts + 600, paid, '연금', `${memo} 연금`);
  }
}

function irp(ctx: MonthContext, slot: IrpSlot, rng: Rng): void {
  const memo = ctx.world.name(slot.org);
  const contribute = (ts: number, day: number, amt: number, type: IrpTx['type']) => {
    slot.products.forEach((p, i) => {
      const part = Math.floor(amt * p.share);
      if (p.security < 0) ctx.state.move(slot.idx, i, part, part);
      else {
        const price = ctx.world.market.price(p.security, day);
        const per = securityAt(p.security).market === 'fund' ? price / 1000 : price;
        ctx.state.move(slot.idx, i, Math.round((part / per) * 1000) / 1000, part);
      }
    });
    ctx.state.add(slot.idx, A, amt);
    if (type === '01') ctx.state.add(slot.idx, B, amt);
    ctx.state.touch(slot.idx, ts);
    push(ctx.bundle.irp, slot.idx, { ts, type, amt });
    ctx.counted();
  };
  if (slot.opened >= ctx.plan.since && ctx.inRange(slot.opened) && slot.employerAmt > 0) {
    contribute(slot.opened * 86_400 + slot.openedSec, slot.opened, slot.employerAmt, '02');
  }
  const day = dueDay(ctx.mi, slot.payDom);
  if (ctx.inRange(day) && ctx.live(slot, day) && monthOfDay(slot.opened) !== ctx.mi) {
    const ts = ctx.at(day, rng.next(), 9, 12);
    ctx.post(slot.from, ts, -slot.monthly, '자동이체', `${memo} IRP`);
    contribute(ts, day, slot.monthly, '01');
  }
  const closing = slot.statusChange?.status === 'closed' ? slot.statusChange.day : -1;
  if (ctx.inRange(closing)) terminateIrp(ctx, slot, ctx.at(closing, rng.next(), 10, 15), memo);
}

/**
 * 중도해지: every product is sold or cashed at the day's value, the IRP paid out to zero (IRP-004 04 with the
 * whole value) and the payout, less the tax withheld, credited to the paying account at the same time.
 */
function terminateIrp(ctx: MonthContext, slot: IrpSlot, ts: number, memo: string): void {
  const day = ctx.dayOf(ts);
  const held = slot.products.map((_, i) => ({
    units: ctx.state.qty(slot.idx, i),
    principal: ctx.state.cost(slot.idx, i),
  }));
  const payout = irpValue(ctx.world.market, slot, held, day);
  const employerAmt = ctx.state.get(slot.idx, A) - ctx.state.get(slot.idx, B);
  held.forEach((h, i) => {
    ctx.state.move(slot.idx, i, -h.units, -h.principal);
  });
  ctx.state.set(slot.idx, A, 0);
  ctx.state.set(slot.idx, B, 0);
  ctx.state.touch(slot.idx, ts);
  push(ctx.bundle.irp, slot.idx, { ts, type: '04', amt: payout });
  ctx.counted();
  const net = payout - irpWithholding(payout, employerAmt);
  if (net > 0) ctx.post(slot.from, ts, net, '해지', `${memo} IRP 해지`);
}
