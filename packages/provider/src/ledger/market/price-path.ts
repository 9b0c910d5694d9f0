import { mix, Rng } from '../random/rng.ts';
import { daysInMonth, firstDayOfMonth, monthOfDay } from '../time/day-number.ts';

/**
 * A deterministic market: each series (a security's price, an exchange rate) is a random walk of monthly
 * closes from a reference month, both ways, with a daily wiggle inside the month. Same seed, same market
 * for every customer, so two customers holding one stock see one price.
 */
export class PricePath {
  private readonly closes = new Map<number, number>();

  constructor(
    private readonly seed: number,
    private readonly key: number,
    readonly reference: number,
    private readonly referenceMonth: number,
    private readonly vol: number,
    private readonly drift: number,
  ) {
    this.closes.set(referenceMonth, reference);
  }

  /** The close of month mi (its last day). */
  monthClose(mi: number): number {
    const cached = this.closes.get(mi);
    if (cached !== undefined) return cached;
    let value: number;
    if (mi > this.referenceMonth) {
      const prev = this.monthClose(mi - 1);
      value = prev * Math.exp(this.drift + this.vol * Rng.of(this.seed, this.key, mi).normal());
    } else {
      const next = this.monthClose(mi + 1);
      value = next / Math.exp(this.drift + this.vol * Rng.of(this.seed, this.key, mi + 1).normal());
    }
    this.closes.set(mi, value);
    return value;
  }

  /** The value on a day: between the previous and this month's closes, plus a small daily wiggle. */
  onDay(day: number): number {
    const mi = monthOfDay(day);
    const from = this.monthClose(mi - 1);
    const to = this.monthClose(mi);
    const frac = (day - firstDayOfMonth(mi) + 1) / daysInMonth(mi);
    const wiggle = ((mix(this.seed, this.key, day) % 2001) / 1000 - 1) * this.vol * 0.15;
    return from * Math.exp(Math.log(to / from) * frac + wiggle);
  }
}
