import { hashString } from '../random/rng.ts';
import { PricePath } from './price-path.ts';
import { SECURITIES, securityAt } from './securities-universe.ts';

/** Reference exchange rates: KRW per unit of the currency. */
const FX_REFERENCE: Readonly<Record<string, number>> = {
  USD: 1385,
  JPY: 9.25,
  EUR: 1495,
  VND: 0.0548,
  THB: 39.6,
  TWD: 43.1,
  SGD: 1032,
  CNY: 191.5,
};

/**
 * The market of one ledger: security prices and exchange rates per day, all derived from the seed.
 * KRX prices are rounded to the exchange's tick sizes; US prices to cents; fund 기준가 to 0.01.
 */
export class Market {
  private readonly securities: PricePath[];
  private readonly fx = new Map<string, PricePath>();

  constructor(
    private readonly seed: number,
    private readonly referenceMonth: number,
  ) {
    this.securities = SECURITIES.map(
      (sec, i) => new PricePath(seed, 0x5ec + i, sec.price, referenceMonth, sec.vol, sec.drift),
    );
  }

  /** Price on a day: KRW for KRX and funds (fund: per 1,000 units), USD for US stocks. */
  price(security: number, day: number): number {
    const path = this.securities[security];
    if (!path) throw new Error(`no security ${security}`);
    const raw = path.onDay(day);
    const sec = securityAt(security);
    if (sec.market === 'us' || sec.market === 'fund') return Math.round(raw * 100) / 100;
    return roundToTick(raw);
  }

  /** KRW per unit of a currency on a day, 2 decimals (4 for currencies worth less than 1 KRW). */
  rate(currency: string, day: number): number {
    if (currency === 'KRW') return 1;
    let path = this.fx.get(currency);
    if (!path) {
      const reference = FX_REFERENCE[currency];
      if (reference === undefined) throw new Error(`no exchange rate for ${currency}`);
      path = new PricePath(this.seed, hashString(currency), reference, this.referenceMonth, 0.018, 0);
      this.fx.set(currency, path);
    }
    const raw = path.onDay(day);
    return raw < 1 ? Math.round(raw * 10_000) / 10_000 : Math.round(raw * 100) / 100;
  }
}

/** KRX tick sizes (호가단위, 2023 rules, simplified). */
export function roundToTick(price: number): number {
  const tick =
    price < 2000
      ? 1
      : price < 5000
        ? 5
        : price < 20_000
          ? 10
          : price < 50_000
            ? 50
            : price < 200_000
              ? 100
              : price < 500_000
                ? 500
                : 1000;
  return Math.max(tick, Math.round(price / tick) * tick);
}
