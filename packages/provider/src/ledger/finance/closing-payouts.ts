import type { Market } from '../market/market.ts';
import { securityAt } from '../market/securities-universe.ts';
import type { IrpSlot } from '../plan/plan-types.ts';
import { interestTax } from './amortization.ts';

/**
 * What a closing pays out: a terminated IRP (중도해지) and a fund sold whole (전액 환매). One set of pure
 * functions values them, so the closing transaction, the balance the reads showed just before it and the
 * deposit in the customer's bank account are the same numbers.
 */

/** Units (or the principal of a deposit) and invested principal of one product held in an IRP. */
export interface IrpHeld {
  readonly units: number;
  readonly principal: number;
}

/**
 * What one IRP product is worth on a day: a deposit its principal with simple interest for the days held
 * (up to a year), a fund or ETF its units at the day's price (funds quote per 1,000 units).
 */
export function irpProductValue(market: Market, slot: IrpSlot, i: number, held: IrpHeld, day: number): number {
  const p = slot.products[i];
  if (!p) return 0;
  if (p.security < 0) {
    const days = Math.min(365, Math.max(0, day - slot.opened));
    return Math.floor(held.principal * (1 + (p.rateMilli * days) / (100_000 * 365)));
  }
  const price = market.price(p.security, day);
  const { market: where } = securityAt(p.security);
  if (where === 'us') return Math.round(held.units * price * 100);
  if (where === 'fund') return Math.floor((held.units * price) / 1000);
  return Math.floor(held.units * price);
}

/** The IRP's 평가금액 on a day: the sum of its products' values. */
export function irpValue(market: Market, slot: IrpSlot, held: readonly IrpHeld[], day: number): number {
  let sum = 0;
  held.forEach((h, i) => {
    sum += irpProductValue(market, slot, i, h, day);
  });
  return sum;
}

/**
 * Tax withheld from an IRP's termination payout: 기타소득세 16.5 % of everything but the 퇴직금 rolled over
 * (which 퇴직소득세 taxes apart; left out here), rounded down to 10 won.
 */
export function irpWithholding(payout: number, employerAmt: number): number {
  return Math.floor((Math.max(0, payout - employerAmt) * 0.165) / 10) * 10;
}

/** What selling fund units at a 기준가 (per 1,000 units) brings, before tax; the 은행-006 eval_amt. */
export function fundProceeds(units: number, nav: number): number {
  return Math.floor((units * nav) / 1000);
}

/** Tax withheld when a fund is sold: 15.4 % of the gain over the principal, rounded down to 10 won. */
export function fundWithholding(proceeds: number, principal: number): number {
  return interestTax(Math.max(0, proceeds - principal));
}
