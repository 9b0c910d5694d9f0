import { merchantAt, pickAmount, pickBranch, pickMerchant, pickSecondOfDay } from '../merchants/merchant-picker.ts';
import { CATEGORIES } from '../merchants/merchant-categories.ts';
import type { PrepaidCardSlot } from '../plan/plan-types.ts';
import { STREAM } from '../random/rng.ts';
import { approvalNumber } from './card-charge.ts';
import type { Approval, MoneyTx } from './events.ts';
import { A } from './live-state.ts';
import type { MonthContext } from './month-context.ts';

/**
 * 선불카드 (card-issued prepaid cards): purchases at everyday merchants, in time order, paid from the card's
 * balance, topped up from the bank account whenever the balance would not cover a purchase.
 */
export function prepaidCardFlows(ctx: MonthContext): void {
  for (const slot of ctx.plan.slots) {
    if (slot.kind === 'prepaidCard') prepaid(ctx, slot);
  }
}

function prepaid(ctx: MonthContext, slot: PrepaidCardSlot): void {
  const rng = ctx.rng(STREAM.prepaid, slot.idx);
  const { person, persona } = ctx.plan;
  const purchases: Approval[] = [];
  for (let k = rng.poisson(slot.perMonth); k > 0; k--) {
    const day = ctx.first + rng.int(ctx.last - ctx.first + 1);
    if (!ctx.inRange(day) || !ctx.live(slot, day)) continue;
    const m = pickMerchant(rng, 'thin', false);
    const merchant = merchantAt(m);
    const hours = CATEGORIES[merchant.category]?.hours ?? [9, 21];
    const amt = Math.min(
      slot.topUp,
      Math.max(
        merchant.unit,
        Math.round((pickAmount(rng, merchant) * Math.min(1, persona.ticketScale)) / merchant.unit) * merchant.unit,
      ),
    );
    purchases.push({
      ts: day * 86_400 + pickSecondOfDay(rng, hours),
      card: slot.idx,
      m,
      b: merchant.style === 'plain' ? person.homeArea : pickBranch(rng, person.homeArea, person.workArea),
      pg: -1,
      amt,
      inst: 0,
      status: rng.chance(0.02) ? 2 : 1,
      changeTs: 0,
      modAmt: 0,
      ov: -1,
      krw: amt,
      num: approvalNumber(ctx, 70_000 + k),
    });
  }
  purchases.sort((x, y) => x.ts - y.ts);
  const moves: MoneyTx[] = [];
  const name = ctx.world.name(slot.org);
  for (const p of purchases) {
    if (p.status === 2) p.changeTs = Math.min(p.ts + 3600, (ctx.toDay + 1) * 86_400 - 1);
    if (ctx.state.get(slot.idx, A) < p.amt) {
      const ts = p.ts - 120;
      ctx.post(slot.from, ts, -slot.topUp, '선불충전', `${name} 선불충전`);
      ctx.state.add(slot.idx, A, slot.topUp);
      moves.push({
        ts,
        type: '01',
        amt: slot.topUp,
        bal: ctx.state.get(slot.idx, A),
        org: slot.org,
        id: '',
        no: moves.length + 1,
      });
    }
    if (p.status === 1) ctx.state.add(slot.idx, A, -p.amt);
    ctx.state.touch(slot.idx, p.ts);
  }
  ctx.counted(purchases.length + moves.length);
  if (purchases.length > 0) ctx.bundle.approvals[slot.idx] = purchases;
  if (moves.length > 0) ctx.bundle.money[slot.idx] = moves;
}
