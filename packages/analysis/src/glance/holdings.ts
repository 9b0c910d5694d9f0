import type { Known } from '../shared/known.ts';
import type { FxRate } from './fx.ts';

/** The sectors of the one-glance view (통합조회). */
export type Sector = 'deposits' | 'investments' | 'pensions' | 'emoney' | 'cards' | 'loans' | 'insurance' | 'telecom';

export const SECTORS: readonly { key: Sector; ko: string; en: string }[] = [
  { key: 'deposits', ko: '예금·적금', en: 'Deposits and savings' },
  { key: 'investments', ko: '투자', en: 'Investments' },
  { key: 'pensions', ko: '연금', en: 'Pensions' },
  { key: 'emoney', ko: '전자금융·선불', en: 'E-money and prepaid' },
  { key: 'cards', ko: '카드·청구', en: 'Cards and bills' },
  { key: 'loans', ko: '대출', en: 'Loans' },
  { key: 'insurance', ko: '보험', en: 'Insurance' },
  { key: 'telecom', ko: '통신', en: 'Telecom' },
];

/** One thing the person owns or owes, in KRW, as the operator reads it from the model. */
export interface Holding {
  readonly id: string;
  readonly orgCode: string;
  readonly institution: string;
  readonly sector: Sector;
  /** deposit, savings, fund, securities, irp, pension, insurance, emoney, prepaid, card-bill, loan, card-loan … */
  readonly kind: string;
  readonly side: 'asset' | 'liability';
  readonly name: string | null;
  /** KRW (positive for both sides); unknown with the reason when the balance is not there. */
  readonly amount: Known<number>;
  /** A foreign holding: its own amount and the rate used. */
  readonly foreign?: { readonly amount: string; readonly currency: string; readonly rate: FxRate };
  /** Interest rate (% a year) when the product has one. */
  readonly rate?: string | null;
}

/** An institution whose data did not come (the person sees it as unknown, with why). */
export interface Failure {
  readonly orgCode: string;
  readonly institution: string;
  readonly reason: { readonly ko: string; readonly en: string };
}
