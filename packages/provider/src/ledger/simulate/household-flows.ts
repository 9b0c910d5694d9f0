import { maskName } from '../people/korean-names.ts';
import { HOME_AREAS } from '../people/home-areas.ts';
import type { DepositSlot } from '../plan/plan-types.ts';
import { STREAM } from '../random/rng.ts';
import { dueDay, monthNumberOf } from '../time/day-number.ts';
import { A } from './live-state.ts';
import type { MonthContext } from './month-context.ts';

/**
 * The household's own bank movements: rent or 관리비, utilities by autopay (gas heavier in winter,
 * electricity in summer, water every other month), ATM cash, transfers to and from family and friends,
 * savings into the sub account, and quarterly interest on deposits.
 */
export function householdFlows(ctx: MonthContext): void {
  const { persona, person } = ctx.plan;
  const main = persona.main;
  const rng = ctx.rng(STREAM.household);
  const month = monthNumberOf(ctx.mi);
  const post = (day: number, fromHour: number, toHour: number, amt: number, cls: string, memo: string) => {
    if (ctx.inRange(day)) ctx.post(main, ctx.at(day, rng.next(), fromHour, toHour), amt, cls, memo);
  };

  if (persona.rent > 0)
    post(dueDay(ctx.mi, persona.housingDom), 9, 12, -persona.rent, '타행이체', `${persona.landlord} 월세`);
  if (persona.maintenance > 0 && persona.housing !== 'rent') {
    const winter = month === 12 || month <= 2 ? 1.25 : 1;
    post(
      dueDay(ctx.mi, 25),
      6,
      8,
      -Math.round((persona.maintenance * winter * (0.92 + rng.next() * 0.16)) / 10) * 10,
      '자동이체',
      persona.landlord,
    );
  }
  if (persona.housing !== 'parents') {
    const gasFactor = [2.3, 2.1, 1.6, 1.1, 0.7, 0.5, 0.4, 0.4, 0.5, 0.8, 1.3, 2.0][month - 1] ?? 1;
    const elecFactor = [1.1, 1.0, 0.9, 0.8, 0.8, 1.0, 1.6, 1.8, 1.2, 0.8, 0.8, 1.0][month - 1] ?? 1;
    post(
      dueDay(ctx.mi, 18),
      6,
      8,
      -Math.round((persona.utilities * 0.4 * gasFactor) / 10) * 10,
      '자동이체',
      '도시가스요금',
    );
    post(
      dueDay(ctx.mi, 20),
      6,
      8,
      -Math.round((persona.utilities * 0.45 * elecFactor) / 10) * 10,
      '자동이체',
      '한전전기요금',
    );
    if (month % 2 === 0)
      post(dueDay(ctx.mi, 22), 6, 8, -Math.round((persona.utilities * 0.3) / 10) * 10, '자동이체', '상수도요금');
  }

  const area = HOME_AREAS[person.homeArea]?.atm ?? '';
  for (let k = rng.poisson(persona.atmPerMonth * ctx.spendFactor); k > 0; k--) {
    const day = ctx.first + rng.int(ctx.last - ctx.first + 1);
    const amt = Math.max(10_000, Math.round((persona.atmAmount * (0.5 + rng.next())) / 10_000) * 10_000);
    post(day, 9, 22, -amt, 'ATM출금', `${area} ATM`);
  }

  for (let k = rng.poisson(persona.transfersPerMonth); k > 0; k--) {
    const day = ctx.first + rng.int(ctx.last - ctx.first + 1);
    const friend = rng.pick(person.friends);
    const small = rng.chance(0.6);
    const amt = small ? rng.between(5, 60) * 1_000 : rng.pick([50_000, 100_000, 100_000, 200_000, 300_000]);
    if (rng.chance(0.35)) post(day, 9, 23, amt, '타행이체', maskName(friend));
    else post(day, 9, 23, -amt, rng.chance(0.5) ? '당행이체' : '타행이체', friend);
  }
  if (
    (persona.segment === 'family' || persona.segment === 'affluent' || persona.segment === 'power') &&
    ctx.plan.index % 3 === 0
  ) {
    post(dueDay(ctx.mi, 3), 9, 12, -300_000, '타행이체', `${person.parent} 용돈`);
  }

  // A monthly saving into each open sub account, after payday.
  for (const slot of ctx.plan.slots) {
    if (slot.kind !== 'deposit' || slot.role !== 'sub') continue;
    const day = dueDay(ctx.mi, 26);
    if (!ctx.inRange(day) || !ctx.live(slot, day)) continue;
    if (day === slot.opened) continue;
    const amt = Math.max(50_000, Math.round((persona.income * 0.05) / 10_000) * 10_000);
    const ts = ctx.at(day, rng.next(), 10, 12);
    ctx.post(main, ts, -amt, '타행이체', `${person.name} ${slot.prodName.split(' ')[0] ?? ''}`.trim());
    ctx.post(slot.idx, ts, amt, '타행이체', person.name);
  }

  // Quarterly interest (결산이자) on demand deposits, on the balance at the start of the month.
  if (month % 3 === 0) {
    for (const slot of ctx.plan.slots) {
      if (slot.kind !== 'deposit' || slot.currency !== 'KRW' || slot.role === 'dormant') continue;
      const day = dueDay(ctx.mi, 21);
      if (!ctx.inRange(day) || !ctx.live(slot, day)) continue;
      const balance = ctx.state.get(slot.idx, A);
      if (balance <= 0) continue;
      const gross = Math.floor((balance * slot.rateMilli * 91) / (100_000 * 365));
      const net = gross - Math.floor((gross * 0.154) / 10) * 10;
      if (net > 0) ctx.post(slot.idx, ctx.at(day, 0, 0, 1), net, '이자', '결산이자');
    }
  }
}

/** Open a deposit-type account during the history with money from the main account. */
export function openingTransfers(ctx: MonthContext): void {
  const { persona, person } = ctx.plan;
  for (const slot of ctx.plan.slots) {
    if (slot.kind !== 'deposit' || slot.idx === persona.main || slot.role === 'dormant') continue;
    if (slot.opened < ctx.plan.since || !ctx.inRange(slot.opened)) continue;
    const ts = slot.opened * 86_400 + slot.openedSec;
    if (slot.currency === 'USD') {
      const rate = ctx.world.market.rate('USD', slot.opened);
      const krw = Math.round((slot.openingBalance * rate) / 100);
      ctx.post(persona.main, ts, -krw, '외화매입', `${slot.prodName} 외화매입`);
      ctx.post(
        slot.idx,
        ts,
        slot.openingBalance,
        '외화매입',
        `USD ${(slot.openingBalance / 100).toFixed(2)} 환율 ${rate}`,
      );
    } else {
      ctx.post(persona.main, ts, -slot.openingBalance, '타행이체', person.name);
      ctx.post(slot.idx, ts, slot.openingBalance, '신규', '계좌개설 입금');
    }
  }
}

/** Every few months, buy dollars into an open foreign-currency account. */
export function foreignFlows(ctx: MonthContext): void {
  const rng = ctx.rng(STREAM.household, 77);
  for (const slot of ctx.plan.slots) {
    if (slot.kind !== 'deposit' || slot.currency !== 'USD') continue;
    if (!rng.chance(0.3)) continue;
    const day = ctx.first + rng.int(ctx.last - ctx.first + 1);
    if (!ctx.inRange(day) || !ctx.live(slot as DepositSlot, day) || day <= slot.opened) continue;
    const cents = rng.between(100, 2000) * 100;
    const rate = ctx.world.market.rate('USD', day);
    const ts = ctx.at(day, rng.next(), 9, 16);
    ctx.post(ctx.plan.persona.main, ts, -Math.round((cents * rate) / 100), '외화매입', `${slot.prodName} 외화매입`);
    ctx.post(slot.idx, ts, cents, '외화매입', `USD ${(cents / 100).toFixed(2)} 환율 ${rate}`);
  }
}
