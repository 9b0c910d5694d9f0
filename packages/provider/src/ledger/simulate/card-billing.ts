import { walkSchedule } from '../finance/amortization.ts';
import { spendLoan } from './loan-flows.ts';
import { OVERSEAS_MERCHANTS } from '../merchants/overseas-merchants.ts';
import { merchantName } from '../merchants/merchant-picker.ts';
import type { CardIssuerSlot, CardSlot } from '../plan/plan-types.ts';
import { STREAM } from '../random/rng.ts';
import { dueDay, monthNumberOf, monthOfDay } from '../time/day-number.ts';
import type { Approval, BillLine, CardBill, CashAdvance } from './events.ts';
import { A, B, C, INST } from './live-state.ts';
import type { MonthContext } from './month-context.ts';
import type { World } from './world.ts';

/** Annual instalment fee rate (할부수수료) on the remaining balance; 2–3 months are interest-free (무이자). */
const INSTALMENT_RATE_MILLI = 15_900;
/** Overseas use fee (해외이용수수료) on the KRW amount. */
const OVERSEAS_FEE = 0.01;

/** The name a card statement shows for an approval. */
export function approvalMerchantName(world: World, a: { m: number; b: number; pg: number; ov: number }): string {
  if (a.ov >= 0) return OVERSEAS_MERCHANTS[a.ov]?.name ?? 'OVERSEAS';
  if (a.m < 0) return world.institutions[-a.m - 1]?.name ?? '';
  const name = merchantName(a.m, a.b);
  return a.pg >= 0 ? `${world.brands[a.pg] ?? ''}페이_${name}` : name;
}

/** What a check card's linked account shows: the merchant, like the card approval. */
function checkMemo(ctx: MonthContext, a: Approval): string {
  return approvalMerchantName(ctx.world, a);
}

/**
 * Card issuers, once every other sector has put its approvals on the cards: pay the bill due this month
 * from the paying account; post check-card approvals to their linked accounts at once; lend (카드론,
 * 현금서비스); and close this month's bill for next month — its lump-sum purchases, the next part of each
 * instalment purchase, cash advances, the card-loan instalment, revolving and annual fees. The bill's total
 * is carried to next month, where it is debited, so 카드-004 and the bank debit are one number.
 */
export function cardBilling(ctx: MonthContext): void {
  for (const slot of ctx.plan.slots) {
    if (slot.kind === 'cardIssuer') issuer(ctx, slot);
  }
}

function issuer(ctx: MonthContext, slot: CardIssuerSlot): void {
  const rng = ctx.rng(STREAM.cardExtra, slot.idx);
  const brand = ctx.world.name(slot.org);
  const due = ctx.state.get(slot.idx, A);
  const payDay = dueDay(ctx.mi, slot.payDom);
  if (due > 0 && ctx.inRange(payDay)) ctx.post(slot.payFrom, ctx.at(payDay, rng.next(), 6, 9), -due, '카드대금', brand);
  ctx.state.set(slot.idx, A, 0);

  const loan = slot.cardLoan;
  if (loan && loan.terms.startDay >= ctx.plan.since && ctx.inRange(loan.terms.startDay)) {
    ctx.post(
      loan.disburseTo,
      loan.terms.startDay * 86_400 + slot.openedSec,
      loan.terms.principal,
      '대출입금',
      `${brand} 카드론`,
    );
    spendLoan(ctx, loan.disburseTo, loan.terms.startDay, loan.terms.principal, rng.next());
  }
  const cash: CashAdvance[] = [];
  if (rng.chance(slot.cashAdvance)) {
    const day = ctx.first + rng.int(ctx.last - ctx.first + 1);
    if (ctx.inRange(day) && day >= slot.opened) {
      const ts = ctx.at(day, rng.next(), 9, 22);
      const amt = rng.between(3, 15) * 100_000;
      const nextPay = dueDay(ctx.mi + 1, slot.payDom);
      const fee = Math.floor((amt * slot.cashAdvanceRateMilli * (nextPay - day)) / (100_000 * 365));
      cash.push({ ts, amt, rateMilli: slot.cashAdvanceRateMilli, dueMi: ctx.mi + 1, fee });
      ctx.post(slot.payFrom, ts, amt, '현금서비스', `${brand} 현금서비스`);
      ctx.counted();
    }
  }
  if (cash.length > 0) ctx.bundle.cash[slot.idx] = cash;

  const cards = ctx.plan.slots.filter((s): s is CardSlot => s.kind === 'card' && s.issuer === slot.idx);
  const lines: BillLine[] = [];
  let earned = 0;
  for (const card of cards) {
    const approvals = ctx.bundle.approvals[card.idx];
    if (!approvals) continue;
    approvals.sort((x, y) => x.ts - y.ts);
    for (const a of approvals) {
      if (card.cardType !== '01') {
        // Check and hybrid cards: the linked account pays at once; cancellations and corrections refund.
        ctx.post(card.linked, a.ts, -a.krw, '체크카드', checkMemo(ctx, a));
        if (a.status === 2) ctx.post(card.linked, a.changeTs, a.krw, '체크카드취소', checkMemo(ctx, a));
        if (a.status === 3) ctx.post(card.linked, a.changeTs, a.krw - a.modAmt, '체크카드정정', checkMemo(ctx, a));
        if (a.status !== 2 && a.ov < 0) earned += a.status === 3 ? a.modAmt : a.amt;
        continue;
      }
      if (a.status === 2) continue;
      if (a.inst >= 2) {
        ctx.state.inst.push(card.idx, a.ts, a.m, a.b, a.pg, a.amt, a.inst, 0, a.num);
        earned += a.amt;
        continue;
      }
      const amt = a.status === 3 ? a.modAmt : a.krw;
      const fee = a.ov >= 0 ? Math.round(a.krw * OVERSEAS_FEE) : 0;
      lines.push({
        card: card.idx,
        ts: a.ts,
        amt,
        fee,
        m: a.m,
        b: a.b,
        pg: a.pg,
        label: a.ov >= 0 ? (OVERSEAS_MERCHANTS[a.ov]?.name ?? '') : '',
        totalInst: 0,
        curInst: 0,
        bal: 0,
        prod: '01',
        cur: 'KRW',
        num: a.num,
      });
      if (a.ov < 0) earned += amt;
    }
  }
  instalmentLines(ctx, slot, lines);
  for (const c of cash) {
    lines.push({
      card: firstCard(cards),
      ts: c.ts,
      amt: c.amt,
      fee: c.fee,
      m: -1,
      b: 0,
      pg: -1,
      label: '단기카드대출(현금서비스)',
      totalInst: 0,
      curInst: 0,
      bal: 0,
      prod: '03',
      cur: 'KRW',
      num: c.ts % 100_000_000,
    });
  }
  if (loan) {
    walkSchedule(loan.terms, (inst) => {
      const mi = monthOfDay(inst.day);
      if (mi > ctx.mi + 1) return false;
      if (mi === ctx.mi + 1 && inst.day >= ctx.plan.since) {
        lines.push({
          card: firstCard(cards),
          ts: ctx.last * 86_400 + 86_396,
          amt: inst.principal,
          fee: inst.interest,
          m: -1,
          b: 0,
          pg: -1,
          label: loan.name,
          totalInst: loan.terms.months,
          curInst: inst.n,
          bal: inst.balanceAfter,
          prod: '04',
          cur: 'KRW',
          num: inst.n,
        });
      }
      return true;
    });
  }
  const revolving = ctx.state.get(slot.idx, C);
  if (slot.revolving && revolving > 0) {
    const r = slot.revolving;
    const pay = Math.min(revolving, Math.max(10_000, Math.round((revolving * r.agreedRateMilli) / 100_000 / 10) * 10));
    const interest = Math.floor((revolving * r.rateMilli * 30) / (100_000 * 365));
    lines.push({
      card: firstCard(cards),
      ts: ctx.last * 86_400 + 86_398,
      amt: pay,
      fee: interest,
      m: -1,
      b: 0,
      pg: -1,
      label: '리볼빙 결제',
      totalInst: 0,
      curInst: 0,
      bal: revolving - pay,
      prod: '05',
      cur: 'KRW',
      num: ctx.mi,
    });
    ctx.state.set(slot.idx, C, revolving - pay);
  }
  for (const card of cards) {
    if (
      card.cardType === '01' &&
      card.annualFee > 0 &&
      monthNumberOf(monthOfDay(card.opened)) === monthNumberOf(ctx.mi + 1) &&
      card.opened < ctx.first &&
      ctx.live(card, ctx.last)
    ) {
      lines.push({
        card: card.idx,
        ts: ctx.last * 86_400 + 86_397,
        amt: card.annualFee,
        fee: 0,
        m: -1,
        b: 0,
        pg: -1,
        label: '연회비',
        totalInst: 0,
        curInst: 0,
        bal: 0,
        prod: '06',
        cur: 'KRW',
        num: card.idx,
      });
    }
  }
  if (lines.length > 0) {
    lines.sort((x, y) => x.ts - y.ts);
    let total = 0;
    for (const line of lines) total += line.amt + line.fee;
    const bill: CardBill = { mi: ctx.mi + 1, payDay: dueDay(ctx.mi + 1, slot.payDom), total, lines };
    ctx.bundle.billNext[slot.idx] = bill;
    ctx.state.set(slot.idx, A, total);
    ctx.counted(lines.length);
  }
  const points = ctx.state.get(slot.idx, B) + Math.floor((earned / 1000) * slot.pointRate);
  ctx.state.set(slot.idx, B, points > 50_000 && rng.chance(0.1) ? points - 30_000 : points);
  if (earned > 0) ctx.state.touch(slot.idx, ctx.last * 86_400 + 86_399);
}

function firstCard(cards: readonly CardSlot[]): number {
  return (cards.find((c) => c.cardType === '01' && c.member === '1') ?? cards[0])?.idx ?? 0;
}

/** Bill the next part of every open instalment purchase of this issuer's cards; drop the finished ones. */
function instalmentLines(ctx: MonthContext, slot: CardIssuerSlot, lines: BillLine[]): void {
  const inst = ctx.state.inst;
  const kept: number[] = [];
  for (let i = 0; i < inst.length; i += INST) {
    const card = inst[i] ?? 0;
    const owner = ctx.slot(card);
    if (owner.kind !== 'card' || owner.issuer !== slot.idx) {
      for (let j = 0; j < INST; j++) kept.push(inst[i + j] ?? 0);
      continue;
    }
    const [ts, m, b, pg, amt, n, billed, num] = [
      inst[i + 1] ?? 0,
      inst[i + 2] ?? 0,
      inst[i + 3] ?? 0,
      inst[i + 4] ?? 0,
      inst[i + 5] ?? 0,
      inst[i + 6] ?? 0,
      inst[i + 7] ?? 0,
      inst[i + 8] ?? 0,
    ];
    const k = billed + 1;
    const part = instalmentPart(amt, n, k);
    const before = amt - paidBefore(amt, n, k);
    const fee = n <= 3 ? 0 : Math.floor((before * INSTALMENT_RATE_MILLI) / (100_000 * 12));
    lines.push({
      card,
      ts,
      amt: part,
      fee,
      m,
      b,
      pg,
      label: '',
      totalInst: n,
      curInst: k,
      bal: before - part,
      prod: '02',
      cur: 'KRW',
      num,
    });
    if (k < n) kept.push(card, ts, m, b, pg, amt, n, k, num);
  }
  ctx.state.inst = kept;
}

/** Part k of an instalment purchase: equal parts, the first one taking the remainder. */
export function instalmentPart(amt: number, n: number, k: number): number {
  const level = Math.floor(amt / n);
  return k === 1 ? amt - level * (n - 1) : level;
}

function paidBefore(amt: number, n: number, k: number): number {
  let sum = 0;
  for (let j = 1; j < k; j++) sum += instalmentPart(amt, n, j);
  return sum;
}
