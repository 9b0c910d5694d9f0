import { CATEGORIES } from '../merchants/merchant-categories.ts';
import { merchantAt, pickAmount, pickBranch, pickMerchant, pickSecondOfDay } from '../merchants/merchant-picker.ts';
import { OVERSEAS_MERCHANTS, TRIP_COUNTRIES } from '../merchants/overseas-merchants.ts';
import type { CardSlot } from '../plan/plan-types.ts';
import { type Rng, STREAM } from '../random/rng.ts';
import { weekday } from '../time/day-number.ts';
import { approvalNumber } from './card-charge.ts';
import type { Approval } from './events.ts';
import { push } from './month-bundle.ts';
import type { MonthContext } from './month-context.ts';

const INSTALMENTS = [2, 3, 3, 3, 4, 5, 6, 6, 10, 12];
const ONLINE_OVERSEAS = OVERSEAS_MERCHANTS.flatMap((m, i) => (m.online ? [i] : []));

/**
 * Organic card spending: purchases spread over the month (more at weekends), at merchants weighted for the
 * customer's segment, at branches near home or work, on the cards they hold in proportion to each card's
 * share; instalments for big purchases on credit cards, a few cancellations and fuel corrections;
 * overseas web services and, some months, a trip abroad.
 */
export function cardSpending(ctx: MonthContext): void {
  const cards = ctx.plan.slots.filter((s): s is CardSlot => s.kind === 'card');
  if (cards.length === 0) return;
  const rng = ctx.rng(STREAM.spending);
  const { persona, person } = ctx.plan;
  const hasCar = persona.car !== undefined;
  const n = rng.poisson(persona.cardTx * ctx.spendFactor);
  const span = ctx.last - ctx.first + 1;
  const maxTicket = Math.max(30_000, persona.spendTarget * 0.4);
  for (let k = 0; k < n; k++) {
    let day = ctx.first + rng.int(span);
    const wd = weekday(day);
    if ((wd === 1 || wd === 2) && rng.chance(0.25)) day = Math.min(ctx.last, day + 4);
    if (!ctx.inRange(day)) continue;
    const card = pickCard(ctx, cards, day, rng);
    if (!card) continue;
    const m = pickMerchant(rng, persona.segment, hasCar);
    const merchant = merchantAt(m);
    const category = CATEGORIES[merchant.category];
    if (!category) continue;
    const b = merchant.style === 'plain' ? person.homeArea : pickBranch(rng, person.homeArea, person.workArea);
    const ts = day * 86_400 + pickSecondOfDay(rng, category.hours);
    const amt = Math.max(
      merchant.unit,
      Math.round((pickAmount(rng, merchant) * persona.ticketScale) / merchant.unit) * merchant.unit,
    );
    // Nobody buys far beyond their means at once: big purchases wait for a comfortable balance.
    if (amt > maxTicket && ctx.comfort < 6) continue;
    const approval: Approval = {
      ts,
      card: card.idx,
      m,
      b,
      pg: -1,
      amt,
      inst: 0,
      status: 1,
      changeTs: 0,
      modAmt: 0,
      ov: -1,
      krw: amt,
      num: approvalNumber(ctx, k),
    };
    if (card.cardType === '01' && amt >= 50_000 && rng.chance(category.installment))
      approval.inst = rng.pick(INSTALMENTS);
    else if (rng.chance(category.cancel)) {
      approval.status = 2;
      approval.changeTs = clampToMonth(ctx, ts + rng.between(600, 4 * 86_400));
    } else if (category.key === 'fuel' && rng.chance(0.05)) {
      approval.status = 3;
      approval.modAmt = Math.max(merchant.unit, amt - rng.between(1, 5) * 1000);
      approval.changeTs = clampToMonth(ctx, ts + rng.between(60, 3600));
    }
    push(ctx.bundle.approvals, card.idx, approval);
    ctx.counted();
  }
  overseas(ctx, cards, rng);
}

function clampToMonth(ctx: MonthContext, ts: number): number {
  return Math.min(ts, (ctx.toDay + 1) * 86_400 - 1);
}

function pickCard(ctx: MonthContext, cards: readonly CardSlot[], day: number, rng: Rng): CardSlot | undefined {
  let total = 0;
  for (const c of cards) if (ctx.live(c, day)) total += c.share;
  if (total === 0) return undefined;
  let r = rng.next() * total;
  for (const c of cards) {
    if (!ctx.live(c, day)) continue;
    r -= c.share;
    if (r < 0) return c;
  }
  return undefined;
}

function overseas(ctx: MonthContext, cards: readonly CardSlot[], rng: Rng): void {
  const abroad = cards.filter((c) => c.overseas && c.member === '1');
  if (abroad.length === 0) return;
  const { persona } = ctx.plan;
  const market = ctx.world.market;
  const add = (card: CardSlot, ts: number, ov: number, cents: number, salt: number) => {
    const merchant = OVERSEAS_MERCHANTS[ov];
    if (!merchant) return;
    const krw = Math.round((cents * market.rate(merchant.currency, ctx.dayOf(ts))) / 100);
    push(ctx.bundle.approvals, card.idx, {
      ts,
      card: card.idx,
      m: -1,
      b: 0,
      pg: -1,
      amt: cents,
      inst: 0,
      status: 1,
      changeTs: 0,
      modAmt: 0,
      ov,
      krw,
      num: approvalNumber(ctx, 50_000 + salt),
    });
    ctx.counted();
  };
  const centsOf = (ov: number) => {
    const merchant = OVERSEAS_MERCHANTS[ov];
    if (!merchant) return 0;
    const [min, median, max] = merchant.amount;
    const v = Math.min(max, Math.max(min, rng.logNormal(median, 0.5)));
    return Math.round(v * 100);
  };
  const online =
    persona.segment === 'young' || persona.segment === 'power' || persona.segment === 'affluent' ? 1.2 : 0.3;
  for (let k = rng.poisson(online); k > 0; k--) {
    const day = ctx.first + rng.int(ctx.last - ctx.first + 1);
    const card = rng.pick(abroad);
    if (!ctx.inRange(day) || !ctx.live(card, day)) continue;
    const ov = rng.pick(ONLINE_OVERSEAS);
    add(card, ctx.at(day, rng.next(), 0, 24), ov, centsOf(ov), k);
  }
  if (ctx.comfort < 3 || !rng.chance(persona.travelChance)) return;
  const country = rng.weighted(
    TRIP_COUNTRIES.map((t) => t.country),
    TRIP_COUNTRIES.map((t) => t.weight),
  );
  const shops = OVERSEAS_MERCHANTS.flatMap((m, i) => (!m.online && m.country === country ? [i] : []));
  if (shops.length === 0) return;
  const card = rng.pick(abroad);
  const start = ctx.first + rng.int(Math.max(1, ctx.last - ctx.first - 5));
  const days = rng.between(3, 6);
  for (let d = 0; d < days; d++) {
    const day = start + d;
    if (!ctx.inRange(day) || !ctx.live(card, day)) continue;
    for (let j = rng.between(2, 6); j > 0; j--) {
      const ov = rng.pick(shops);
      add(card, ctx.at(day, rng.next(), 9, 22), ov, centsOf(ov), 1000 + d * 10 + j);
    }
  }
}
