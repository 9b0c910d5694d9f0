import { categoryOf } from '../categorise/categories.ts';
import type { MonthCategoryTotal } from '../rollup/rollups.ts';
import { addMonths } from '../shared/dates.ts';
import { mean, stdev } from '../shared/stats.ts';

export interface CategoryTrend {
  readonly category: string;
  readonly ko: string;
  /** Spending per month, oldest first, for the months asked. */
  readonly series: readonly { month: string; amount: number }[];
  /** Average of the complete months before the last one. */
  readonly average: number;
  /** The last month against that average (+0.25 = a quarter more); null without history. */
  readonly change: number | null;
}

function spendByMonth(months: readonly MonthCategoryTotal[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const r of months) {
    if (r.kind !== 'spend') continue;
    const byMonth = out.get(r.category) ?? new Map<string, number>();
    byMonth.set(r.month, (byMonth.get(r.month) ?? 0) - r.total);
    out.set(r.category, byMonth);
  }
  return out;
}

/** Each category's spending over the `n` months up to `month`, and the last month against the earlier ones. */
export function categoryTrends(months: readonly MonthCategoryTotal[], month: string, n = 6): CategoryTrend[] {
  const window = Array.from({ length: n }, (_, i) => addMonths(month, i - n + 1));
  const out: CategoryTrend[] = [];
  for (const [category, byMonth] of spendByMonth(months)) {
    const series = window.map((m) => ({ month: m, amount: byMonth.get(m) ?? 0 }));
    if (series.every((s) => s.amount === 0)) continue;
    const before = series.slice(0, -1).map((s) => s.amount);
    const average = mean(before);
    const last = series.at(-1)!.amount;
    out.push({
      category,
      ko: categoryOf(category)?.ko ?? category,
      series,
      average: Math.round(average),
      change: average > 0 ? (last - average) / average : null,
    });
  }
  return out.sort((a, b) => (b.series.at(-1)?.amount ?? 0) - (a.series.at(-1)?.amount ?? 0));
}

export interface UnusualSpending {
  readonly category: string;
  readonly ko: string;
  readonly month: string;
  readonly amount: number;
  /** The usual month: average of the 6 before. */
  readonly usual: number;
  /** How far above the usual, in standard deviations of those months. */
  readonly sigmas: number;
  readonly reason: { readonly ko: string; readonly en: string };
}

/**
 * Categories whose spending in `month` (so far) is already above their usual full month: more than the
 * average of the 6 months before plus twice their spread, and at least 50 % and 30,000 won over the average.
 */
export function unusualSpending(months: readonly MonthCategoryTotal[], month: string): UnusualSpending[] {
  const out: UnusualSpending[] = [];
  const history = Array.from({ length: 6 }, (_, i) => addMonths(month, i - 6));
  for (const [category, byMonth] of spendByMonth(months)) {
    const amount = byMonth.get(month) ?? 0;
    const past = history.map((m) => byMonth.get(m) ?? 0);
    const avg = mean(past);
    const sd = stdev(past);
    const usual = past.filter((p) => p > 0).length >= 3;
    // Without a usual month to compare, only a large first-time spending is unusual.
    const odd = usual
      ? amount > avg + 2 * sd && amount > avg * 1.5 && amount - avg >= 30_000
      : amount >= 200_000 && amount > avg * 3;
    if (odd) {
      const ko = categoryOf(category)?.ko ?? category;
      out.push({
        category,
        ko,
        month,
        amount,
        usual: Math.round(avg),
        sigmas: sd > 0 ? Math.round(((amount - avg) / sd) * 10) / 10 : Number.POSITIVE_INFINITY,
        reason: {
          ko: `${ko}에 이번 달 ${amount.toLocaleString('ko-KR')}원을 썼습니다. 최근 6개월 평균은 ${Math.round(avg).toLocaleString('ko-KR')}원입니다.`,
          en: `${amount} KRW on ${category} this month against a 6-month average of ${Math.round(avg)} KRW.`,
        },
      });
    }
  }
  return out.sort((a, b) => b.amount - b.usual - (a.amount - a.usual));
}
