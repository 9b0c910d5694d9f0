import { CATEGORIES } from '../merchants/merchant-categories.ts';
import { merchantAt, merchantRegno, pickAmount, pickMerchant } from '../merchants/merchant-picker.ts';
import { ORDER_TITLES } from '../merchants/order-titles.ts';
import { maskedPhone } from '../plan/identifiers.ts';
import type { EfinMoneySlot, EfinPaySlot } from '../plan/plan-types.ts';
import { type Rng, STREAM } from '../random/rng.ts';
import { dueDay } from '../time/day-number.ts';
import { chargeCard } from './card-charge.ts';
import type { Approval, MoneyTx, PayTx } from './events.ts';
import { A, B } from './live-state.ts';
import type { MonthContext } from './month-context.ts';

/**
 * 간편결제 and its money (선불전자지급수단): online orders with their titles and categories, paid with the
 * provider's money (topped up from the bank account when short, or on a fixed day), a registered card
 * (an approval on that card, relayed by the provider) or the bank account directly; refunds of cancelled
 * orders by the same means; transfers between users and monthly rewards.
 */
export function efinFlows(ctx: MonthContext): void {
  const queues = new Map<number, MoneyOp[]>();
  const queue = (slot: number, op: MoneyOp) => {
    const list = queues.get(slot);
    if (list) list.push(op);
    else queues.set(slot, [op]);
  };
  for (const slot of ctx.plan.slots) {
    if (slot.kind === 'efinMoney')
      plannedMoneyOps(ctx, slot, ctx.rng(STREAM.efin, 100 + slot.idx), (op) => queue(slot.idx, op));
  }
  for (const slot of ctx.plan.slots) {
    if (slot.kind === 'efinPay') payments(ctx, slot, ctx.rng(STREAM.efin, slot.idx), queue);
  }
  for (const slot of ctx.plan.slots) {
    if (slot.kind === 'efinMoney') settleMoney(ctx, slot, queues.get(slot.idx) ?? []);
  }
}

/** Something that moves money, applied in time order so auto-charges happen when the balance is short. */
interface MoneyOp {
  ts: number;
  kind: 'scheduled' | 'pay' | 'refund' | 'sendOut' | 'receive';
  amt: number;
  id: string;
  order: number;
}

let opOrder = 0;

function plannedMoneyOps(ctx: MonthContext, slot: EfinMoneySlot, rng: Rng, queue: (op: MoneyOp) => void): void {
  if (slot.chargeOption === '02') {
    const day = dueDay(ctx.mi, slot.chargeDom);
    if (ctx.inRange(day) && ctx.live(slot, day))
      queue({ ts: ctx.at(day, 0.2, 6, 8), kind: 'scheduled', amt: slot.chargeAmt, id: '', order: opOrder++ });
  }
  for (let k = rng.poisson(1.2); k > 0; k--) {
    const day = ctx.first + rng.int(ctx.last - ctx.first + 1);
    if (!ctx.inRange(day) || !ctx.live(slot, day)) continue;
    const ts = ctx.at(day, rng.next(), 9, 23);
    const amt = rng.between(1, 10) * 10_000;
    const peer = maskedPhone(ctx.plan.index, 40 + rng.int(20));
    queue({ ts, kind: rng.chance(0.4) ? 'receive' : 'sendOut', amt, id: peer, order: opOrder++ });
  }
}

export function maskAccount(accountNum: string): string {
  return accountNum.replace(
    /-(\d{3})-(\d{3})(\d+)$/,
    (_m, a: string, _b: string, c: string) => `-${a}-***${c.slice(-3)}`,
  );
}

function settleMoney(ctx: MonthContext, slot: EfinMoneySlot, ops: MoneyOp[]): void {
  ops.sort((x, y) => x.ts - y.ts || x.order - y.order);
  const bank = ctx.slot(slot.chargeFrom);
  const source = maskAccount(bank.kind === 'deposit' ? bank.accountNum : '');
  const list: MoneyTx[] = [];
  let no = 0;
  // Movements keep time order even when an auto-charge is squeezed in just before a payment.
  let clock = 0;
  const record = (at: number, type: MoneyTx['type'], amt: number, org: string, id: string) => {
    const ts = Math.max(at, clock);
    clock = ts;
    ctx.state.add(slot.idx, type === '05' ? B : A, amt);
    ctx.state.touch(slot.idx, ts);
    list.push({ ts, type, amt, bal: ctx.state.get(slot.idx, A) + ctx.state.get(slot.idx, B), org, id, no: ++no });
    ctx.counted();
  };
  const charge = (at: number, amt: number) => {
    const ts = Math.max(at, clock);
    ctx.post(slot.chargeFrom, ts, -amt, '간편결제충전', `${ctx.world.name(slot.org)} 충전`);
    record(ts, '01', amt, bank.org, source);
  };
  let spent = 0;
  for (const op of ops) {
    switch (op.kind) {
      case 'scheduled':
        charge(op.ts, op.amt);
        break;
      case 'pay':
      case 'sendOut': {
        const short = op.amt - ctx.state.get(slot.idx, A);
        if (short > 0) charge(op.ts - 1, Math.ceil(short / slot.chargeAmt) * slot.chargeAmt);
        record(op.ts, op.kind === 'pay' ? '02' : '03', -op.amt, slot.org, op.id);
        if (op.kind === 'pay') spent += op.amt;
        if (slot.chargeOption === '01' && ctx.state.get(slot.idx, A) < slot.chargeBase)
          charge(op.ts + 1, slot.chargeAmt);
        break;
      }
      case 'refund':
        record(op.ts, '04', op.amt, slot.org, op.id);
        break;
      case 'receive':
        record(op.ts, '03', op.amt, slot.org, op.id);
        break;
    }
  }
  const reward = Math.floor(spent * 0.01);
  if (reward > 0 && ctx.inRange(ctx.toDay) && ctx.live(slot, ctx.toDay))
    record(ctx.at(ctx.toDay, 0.99, 23, 23.9), '05', reward, slot.org, '');
  if (list.length > 0) ctx.bundle.money[slot.idx] = list;
}

function payments(ctx: MonthContext, slot: EfinPaySlot, rng: Rng, queue: (slot: number, op: MoneyOp) => void): void {
  const { persona } = ctx.plan;
  const pgIndex = ctx.world.index(slot.org);
  const efinName = ctx.world.name(slot.org);
  const pays: PayTx[] = [];
  for (let k = rng.poisson(slot.perMonth * ctx.spendFactor); k > 0; k--) {
    const day = ctx.first + rng.int(ctx.last - ctx.first + 1);
    if (!ctx.inRange(day) || !ctx.live(slot, day)) continue;
    const m = pickMerchant(rng, persona.segment, persona.car !== undefined, true);
    const merchant = merchantAt(m);
    const category = CATEGORIES[merchant.category];
    const ts = ctx.at(day, rng.next(), 7, 24);
    const amt = Math.max(
      merchant.unit,
      Math.round((pickAmount(rng, merchant) * persona.ticketScale) / merchant.unit) * merchant.unit,
    );
    const titles = ORDER_TITLES[category?.key ?? 'online'] ?? ORDER_TITLES['online'] ?? [''];
    const title = rng.pick(titles);
    let methodIdx = rng.chance(0.6) ? slot.primary : rng.int(slot.methods.length);
    let method = slot.methods[methodIdx];
    if (!method) continue;
    let inst = 0;
    let approval: Approval | undefined;
    if (method.kind === 'card') {
      inst = amt >= 100_000 && rng.chance(0.15) ? rng.pick([2, 3, 6]) : 0;
      const card = chargeCard(ctx, method.slot, ts, m, amt, { inst, pg: pgIndex });
      if (card) approval = ctx.bundle.approvals[card.idx]?.at(-1);
      else {
        methodIdx = slot.methods.findIndex((x) => x.kind === 'bank');
        method = slot.methods[methodIdx];
        inst = 0;
        if (!method) continue;
      }
    }
    const regno = merchantRegno(m, 0);
    if (method.kind === 'money') queue(method.slot, { ts, kind: 'pay', amt, id: regno, order: opOrder++ });
    else if (method.kind === 'bank') ctx.post(method.slot, ts, -amt, '간편결제', `${efinName} ${merchant.name}`);
    const pay: PayTx = { ts, type: '01', amt, method: methodIdx, m, b: 0, title, inst, no: 0 };
    pays.push(pay);
    ctx.counted();
    if (inst === 0 && category && rng.chance(category.cancel)) {
      const cancelTs = Math.min(ts + rng.between(1, 3) * 86_400 + rng.int(3600), (ctx.toDay + 1) * 86_400 - 1);
      if (cancelTs <= ts || !ctx.live(slot, ctx.dayOf(cancelTs))) continue;
      pays.push({ ...pay, ts: cancelTs, type: '02', amt: -amt });
      ctx.counted();
      if (method.kind === 'money')
        queue(method.slot, { ts: cancelTs, kind: 'refund', amt, id: regno, order: opOrder++ });
      else if (method.kind === 'bank')
        ctx.post(method.slot, cancelTs, amt, '간편결제취소', `${efinName} ${merchant.name} 취소`);
      else if (approval) {
        approval.status = 2;
        approval.changeTs = cancelTs;
      }
    }
  }
  if (pays.length > 0) {
    pays.sort((x, y) => x.ts - y.ts);
    pays.forEach((p, i) => {
      p.no = i + 1;
    });
    ctx.bundle.pays[slot.idx] = pays;
  }
}
