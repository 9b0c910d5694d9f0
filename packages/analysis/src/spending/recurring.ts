import { categoryOf, kindOf } from '../categorise/categories.ts';
import type { MerchantMonth } from '../rollup/rollups.ts';
import { addMonths, dateInMonth } from '../shared/dates.ts';
import { mean, median, stdev } from '../shared/stats.ts';

export type Cadence = 'monthly' | 'weekly';

export interface RecurringPayment {
  readonly merchantKey: string;
  readonly name: string;
  readonly category: string;
  readonly ko: string;
  readonly cadence: Cadence;
  /** A typical payment (KRW, positive). */
  readonly amount: number;
  /** A month of it (weekly: about 4.35 payments). */
  readonly monthly: number;
  /** Day of the month (monthly). */
  readonly day: number | null;
  readonly subscription: boolean;
  readonly fixedCost: boolean;
  /** Paid already in the current month. */
  readonly paidThisMonth: boolean;
  readonly nextExpected: string | null;
  readonly monthsSeen: number;
  readonly reason: { readonly ko: string; readonly en: string };
}

const SUBSCRIPTION_CATEGORIES = new Set(['digital', 'education', 'leisure']);

/**
 * Recurring payments from the merchant × month rollups (as Actual's schedules find them, by month): a merchant
 * paid in at least 3 of the last 4 complete months, still paid in the last complete month or this one,
 * once a month on about the same day (within 5 days) or 4–5 times a month, for about the same amount (within
 * 15 %; fixed costs such as gas, whose bills follow the season, within 60 %).
 */
export function detectRecurring(merchants: readonly MerchantMonth[], month: string): RecurringPayment[] {
  const window = Array.from({ length: 4 }, (_, i) => addMonths(month, i - 4));
  const groups = new Map<string, MerchantMonth[]>();
  for (const r of merchants) {
    if (r.total >= 0 || kindOf(r.category, r.total) !== 'spend') continue;
    if (r.month !== month && !window.includes(r.month)) continue;
    const k = `${r.merchantKey}|${r.category}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const out: RecurringPayment[] = [];
  for (const rows of groups.values()) {
    const byMonth = new Map(rows.map((r) => [r.month, r]));
    const seen = window.filter((m) => byMonth.has(m));
    if (seen.length < 3) continue;
    const last = byMonth.get(window.at(-1)!) ?? byMonth.get(month);
    if (!last) continue;
    const counts = seen.map((m) => byMonth.get(m)!.count);
    const each = seen.map((m) => -byMonth.get(m)!.total / byMonth.get(m)!.count);
    const days = seen.map((m) => byMonth.get(m)!.daySum / byMonth.get(m)!.count);
    const category = rows[0]!.category;
    const cat = categoryOf(category);
    const fixed = cat?.fixed === true;
    const cv = stdev(each) / mean(each);
    let cadence: Cadence | undefined;
    if (counts.every((c) => c === 1) && Math.max(...days) - Math.min(...days) <= 5) cadence = 'monthly';
    else if (counts.every((c) => c >= 4 && c <= 5)) cadence = 'weekly';
    if (!cadence || cv > (fixed ? 0.6 : 0.15)) continue;
    const amount = Math.round(median(each));
    const day = cadence === 'monthly' ? Math.round(median(days)) : null;
    const current = byMonth.get(month);
    const paidThisMonth = cadence === 'monthly' ? current !== undefined : (current?.count ?? 0) >= 4;
    const ko = cat?.ko ?? category;
    out.push({
      merchantKey: rows[0]!.merchantKey,
      name: last.name,
      category,
      ko,
      cadence,
      amount,
      monthly: cadence === 'monthly' ? amount : Math.round(amount * 4.35),
      day,
      subscription: SUBSCRIPTION_CATEGORIES.has(category) && cadence === 'monthly',
      fixedCost: fixed,
      paidThisMonth,
      nextExpected: day === null ? null : dateInMonth(paidThisMonth ? addMonths(month, 1) : month, day),
      monthsSeen: seen.length + (current ? 1 : 0),
      reason: {
        ko:
          cadence === 'monthly'
            ? `최근 4개월 중 ${seen.length}개월, 매달 ${day}일 무렵 ${amount.toLocaleString('ko-KR')}원`
            : `최근 4개월 중 ${seen.length}개월, 매주 ${amount.toLocaleString('ko-KR')}원 안팎`,
        en:
          cadence === 'monthly'
            ? `${seen.length} of the last 4 months, around day ${day}, ${amount} KRW`
            : `${seen.length} of the last 4 months, weekly, about ${amount} KRW`,
      },
    });
  }
  return out.sort((a, b) => b.monthly - a.monthly || a.name.localeCompare(b.name));
}

export interface FixedCosts {
  readonly monthly: number;
  readonly items: readonly RecurringPayment[];
}

/** Fixed costs: recurring payments of fixed categories (housing, utilities, phone, insurance, loans) and subscriptions. */
export function fixedCosts(recurring: readonly RecurringPayment[]): FixedCosts {
  const items = recurring.filter((r) => r.fixedCost || r.subscription);
  return { monthly: items.reduce((s, r) => s + r.monthly, 0), items };
}
