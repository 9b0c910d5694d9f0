import { categoryOf } from '../categorise/categories.ts';
import type { MonthCategoryTotal } from '../rollup/rollups.ts';

export interface CategorySpend {
  readonly category: string;
  readonly ko: string;
  readonly en: string;
  /** Spending in KRW (positive; refunds already taken off). */
  readonly amount: number;
  readonly count: number;
  /** Share of the month's spending, 0–1. */
  readonly share: number;
}

export interface MonthSpending {
  readonly month: string;
  readonly total: number;
  readonly categories: readonly CategorySpend[];
}

/** One month's spending by category, largest first. The total is the sum of the categories. */
export function spendingByCategory(months: readonly MonthCategoryTotal[], month: string): MonthSpending {
  const by = new Map<string, { amount: number; count: number }>();
  for (const m of months) {
    if (m.month !== month || m.kind !== 'spend') continue;
    const e = by.get(m.category) ?? { amount: 0, count: 0 };
    e.amount += -m.total;
    e.count += m.count;
    by.set(m.category, e);
  }
  const rows = [...by].filter(([, v]) => v.count > 0);
  const total = rows.reduce((s, [, v]) => s + v.amount, 0);
  return {
    month,
    total,
    categories: rows
      .map(([category, v]) => ({
        category,
        ko: categoryOf(category)?.ko ?? category,
        en: categoryOf(category)?.en ?? category,
        amount: v.amount,
        count: v.count,
        share: total > 0 ? v.amount / total : 0,
      }))
      .sort((a, b) => b.amount - a.amount || a.category.localeCompare(b.category)),
  };
}
