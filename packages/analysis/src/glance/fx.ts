import { Decimal } from 'decimal.js';
import { type Known, known, unknown } from '../shared/known.ts';
import { FX_TABLE } from './data/fx-rates.ts';

export interface FxRate {
  readonly currency: string;
  /** KRW per unit, as a decimal string. */
  readonly rate: string;
  readonly asOf: string;
  readonly source: string;
  readonly provisional: true;
}

export function fxRate(currency: string): FxRate | undefined {
  const rate = FX_TABLE.rates[currency];
  return rate === undefined
    ? undefined
    : { currency, rate, asOf: FX_TABLE.asOf, source: FX_TABLE.source, provisional: true };
}

/** A foreign amount (decimal string) in whole KRW, rounded half up; unknown when the currency has no rate. */
export function toKrw(amount: string, currency: string): Known<{ krw: number; rate: FxRate }> {
  if (currency === 'KRW' || currency === '')
    return known({
      krw: Math.round(Number(amount)),
      rate: { currency: 'KRW', rate: '1', asOf: FX_TABLE.asOf, source: 'KRW', provisional: true },
    });
  const rate = fxRate(currency);
  if (!rate)
    return unknown('NO_FX_RATE', `${currency} 환율이 없어 원화로 바꾸지 못했습니다`, `no rate for ${currency}`);
  const krw = new Decimal(amount).times(rate.rate).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  return known({ krw, rate });
}
