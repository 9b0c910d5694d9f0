import { categoryOf } from '../categorise/categories.ts';
import { addMonths, monthOf } from '../shared/dates.ts';
import { median } from '../shared/stats.ts';

/** One spending movement as the flags read it (amount negative for money out, as stored). */
export interface PaymentRow {
  readonly id: string;
  readonly date: string;
  readonly amount: number;
  /** The merchant's opaque id (or null: a bank row without one). */
  readonly merchantKey: string | null;
  readonly category: string;
}

/** The rules of the flag: robust (median and MAD), only with enough history, only for sizeable amounts. */
export const UNUSUAL_PAYMENT = {
  /** Payments of the same merchant before this one (12 months) needed to judge against the merchant. */
  minMerchantHistory: 5,
  /** Payments of the same category before this one (12 months) needed to judge against the category. */
  minCategoryHistory: 10,
  /** At least this many times the usual (median) payment … */
  minRatio: 3,
  /** … at least this many robust deviations (|x − median| / (1.4826 · MAD)) above it … */
  minDeviations: 3.5,
  /** … and at least this many won more than the usual payment (a 3,000원 coffee after 900원 ones is not news). */
  minExcess: 30_000,
  /** History window, in months before the payment's month. */
  months: 12,
} as const;

export interface UnusualPayment {
  readonly id: string;
  readonly date: string;
  /** Won paid (positive). */
  readonly amount: number;
  readonly merchantKey: string | null;
  readonly category: string;
  /** What it was compared with: the merchant's own payments, or (too few of those) the category's. */
  readonly basis: 'merchant' | 'category';
  /** The usual payment (median of the history) and how many payments that history held. */
  readonly usual: number;
  readonly history: number;
  /** amount ÷ usual, one decimal. */
  readonly ratio: number;
  readonly reason: { readonly ko: string; readonly en: string };
}

const won = (n: number) => `${Math.round(n).toLocaleString('ko-KR')}원`;
const times = (r: number) => (r >= 10 ? String(Math.round(r)) : String(Math.round(r * 10) / 10));

function push<V>(m: Map<string, V[]>, k: string, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function judge(x: number, past: readonly number[]): { usual: number; ratio: number } | null {
  const usual = median(past);
  if (usual <= 0) return null;
  const mad = median(past.map((p) => Math.abs(p - usual)));
  const ratio = x / usual;
  // MAD 0 (every payment alike): any payment over the ratio and the excess stands out.
  const deviations = mad === 0 ? Number.POSITIVE_INFINITY : (x - usual) / (1.4826 * mad);
  if (ratio < UNUSUAL_PAYMENT.minRatio || deviations < UNUSUAL_PAYMENT.minDeviations) return null;
  if (x - usual < UNUSUAL_PAYMENT.minExcess) return null;
  // A merchant with two kinds of payment (small and large, the large under half): MAD sees only the small ones.
  // Above 9 in 10 of the earlier payments too, or it is one of the person's usual large ones.
  const sorted = [...past].sort((a, b) => a - b);
  if (x <= sorted[Math.ceil(0.9 * sorted.length) - 1]!) return null;
  return { usual, ratio };
}

/**
 * Single payments far above what the person usually pays at that merchant (or, with fewer than 5 earlier
 * payments there, in that category): at least 3× the median of their earlier payments of the last 12 months,
 * 3.5 robust deviations (MAD) above it, 30,000원 over it, and above 9 in 10 of those payments. No history, no flag: a first payment is never
 * "unusual". `payments` are the ones to judge (e.g. this month's); `history` the person's spending rows (it may
 * include the judged ones: only rows dated before each payment count).
 */
export function unusualPayments(
  payments: readonly PaymentRow[],
  history: readonly PaymentRow[],
  names: ReadonlyMap<string, string> = new Map(),
): UnusualPayment[] {
  const byMerchant = new Map<string, PaymentRow[]>();
  const byCategory = new Map<string, PaymentRow[]>();
  for (const h of history) {
    if (h.amount >= 0) continue;
    if (h.merchantKey !== null) push(byMerchant, h.merchantKey, h);
    push(byCategory, h.category, h);
  }
  const before = (rows: readonly PaymentRow[] | undefined, p: PaymentRow) => {
    const from = `${addMonths(monthOf(p.date), -UNUSUAL_PAYMENT.months)}01`;
    return (rows ?? []).filter((h) => h.id !== p.id && h.date < p.date && h.date >= from).map((h) => -h.amount);
  };
  const out: UnusualPayment[] = [];
  for (const p of payments) {
    const x = -p.amount;
    if (x <= UNUSUAL_PAYMENT.minExcess) continue;
    const atMerchant = p.merchantKey === null ? [] : before(byMerchant.get(p.merchantKey), p);
    const basis = atMerchant.length >= UNUSUAL_PAYMENT.minMerchantHistory ? 'merchant' : 'category';
    const past = basis === 'merchant' ? atMerchant : before(byCategory.get(p.category), p);
    if (basis === 'category' && past.length < UNUSUAL_PAYMENT.minCategoryHistory) continue;
    const j = judge(x, past);
    if (!j) continue;
    const name = p.merchantKey === null ? undefined : names.get(p.merchantKey);
    const ko = categoryOf(p.category)?.ko ?? p.category;
    const where = basis === 'merchant' ? '이 가맹점' : `${ko} 분류`;
    out.push({
      id: p.id,
      date: p.date,
      amount: x,
      merchantKey: p.merchantKey,
      category: p.category,
      basis,
      usual: Math.round(j.usual),
      history: past.length,
      ratio: Math.round(j.ratio * 10) / 10,
      reason: {
        ko: `${name ? `${name} ` : ''}${won(x)}: 평소 ${where} 결제 중간값 ${won(j.usual)}의 ${times(j.ratio)}배 (지난 ${UNUSUAL_PAYMENT.months}개월 ${past.length}건)`,
        en: `${x} KRW is ${times(j.ratio)}× the median ${basis} payment of ${Math.round(j.usual)} KRW (${past.length} payments in 12 months)`,
      },
    });
  }
  return out.sort((a, b) => b.amount - b.usual - (a.amount - a.usual));
}
