import type { CardSlot, Payer } from '../plan/plan-types.ts';
import type { Approval } from './events.ts';
import { push } from './month-bundle.ts';
import type { MonthContext } from './month-context.ts';

/**
 * Charges by one sector to a card of another (a premium, a phone bill, a 간편결제 payment): an approval
 * on the card, which the card's bill (or, for a check card, the linked account) then carries. When the
 * card is lost or closed that day, the replacement card of the same issuer takes it; with none, the bill
 * goes to the card's paying account instead (and false is returned).
 */
export function liveCardFor(ctx: MonthContext, cardIdx: number, day: number): CardSlot | undefined {
  const card = ctx.slot(cardIdx);
  if (card.kind !== 'card') return undefined;
  if (ctx.live(card, day)) return card;
  for (const other of ctx.plan.slots) {
    if (
      other.kind === 'card' &&
      other.issuer === card.issuer &&
      other.member === card.member &&
      other.cardType === card.cardType &&
      ctx.live(other, day)
    ) {
      return other;
    }
  }
  return undefined;
}

export function approvalNumber(ctx: MonthContext, salt: number): number {
  return (
    10_000_000 +
    (((Math.imul(ctx.plan.index + 1, 0x9e3779b1) ^ Math.imul(ctx.mi * 131 + salt, 0x85ebca6b)) >>> 0) % 90_000_000)
  );
}

export function chargeCard(
  ctx: MonthContext,
  cardIdx: number,
  ts: number,
  m: number,
  amt: number,
  opts: { inst?: number; pg?: number; b?: number } = {},
): CardSlot | undefined {
  const card = liveCardFor(ctx, cardIdx, ctx.dayOf(ts));
  if (!card) return undefined;
  const approval: Approval = {
    ts,
    card: card.idx,
    m,
    b: opts.b ?? 0,
    pg: opts.pg ?? -1,
    amt,
    inst: opts.inst ?? 0,
    status: 1,
    changeTs: 0,
    modAmt: 0,
    ov: -1,
    krw: amt,
    num: approvalNumber(ctx, (ts % 100_000) + amt),
  };
  push(ctx.bundle.approvals, card.idx, approval);
  ctx.counted();
  return card;
}

/** Pay through a Payer: debit the bank account, or charge the card (falling back to its paying account). */
export function payThrough(
  ctx: MonthContext,
  payer: Payer,
  ts: number,
  amt: number,
  institutionIndex: number,
  memo: string,
): '01' | '02' {
  if (payer.kind === 'card') {
    const card = chargeCard(ctx, payer.slot, ts, -(institutionIndex + 1), amt);
    if (card) return '02';
    const issuer = ctx.slot((ctx.slot(payer.slot) as CardSlot).issuer);
    const account = issuer.kind === 'cardIssuer' ? issuer.payFrom : ctx.plan.persona.main;
    ctx.post(account, ts, -amt, '자동이체', memo);
    return '01';
  }
  ctx.post(payer.slot, ts, -amt, '자동이체', memo);
  return '01';
}
