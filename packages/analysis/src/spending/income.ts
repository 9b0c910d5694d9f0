import { categoryOf, kindOf } from '../categorise/categories.ts';
import type { MerchantMonth } from '../rollup/rollups.ts';
import { addMonths, dateInMonth } from '../shared/dates.ts';
import { type Known, known, unknown } from '../shared/known.ts';
import { mean, median, stdev } from '../shared/stats.ts';

export type IncomeKind = 'salary' | 'pension' | 'business' | 'interest' | 'other';

export interface IncomeSource {
  /** The payer's merchant key (null for business income, which joins every acquirer). */
  readonly merchantKey: string | null;
  readonly name: string;
  readonly category: string;
  readonly kind: IncomeKind;
  /** Typical month (median of the months it came). */
  readonly monthly: number;
  /** Day of the month it usually comes. */
  readonly payDay: number;
  /** Months it came, of the 6 complete months before this one. */
  readonly monthsSeen: number;
  readonly regular: boolean;
  readonly nextExpected: string | null;
  readonly reason: { readonly ko: string; readonly en: string };
}

export interface IncomeSummary {
  readonly sources: readonly IncomeSource[];
  /** Regular monthly income (the sum of regular sources). */
  readonly monthly: Known<number>;
  /** The last 12 complete months' income of every kind (bonuses included). */
  readonly annual: Known<number>;
}

const KIND: Record<string, IncomeKind> = {
  salary: 'salary',
  'pension-income': 'pension',
  'business-income': 'business',
  'interest-income': 'interest',
};

/**
 * Income detection from the merchant × month rollups: each payer (salary memo, pension, card acquirers'
 * settlements for a business) with inflows in at least 3 of the last 6 complete months; regular when its
 * amounts vary by less than 30 % (a salary with bonus months still counts: the median is its usual month).
 * Business settlements of many acquirers are one source.
 */
export function detectIncome(merchants: readonly MerchantMonth[], month: string): IncomeSummary {
  const window = Array.from({ length: 6 }, (_, i) => addMonths(month, i - 6));
  const year = Array.from({ length: 12 }, (_, i) => addMonths(month, i - 12));
  const groups = new Map<
    string,
    {
      key: string | null;
      name: string;
      category: string;
      byMonth: Map<string, { total: number; count: number; daySum: number }>;
    }
  >();
  let annual = 0;
  let monthsWithData = new Set<string>();
  for (const r of merchants) {
    if (r.total <= 0 || kindOf(r.category, r.total) !== 'income') continue;
    if (year.includes(r.month)) {
      annual += r.total;
      monthsWithData.add(r.month);
    }
    const key = r.category === 'business-income' ? 'business-income' : `${r.category}|${r.merchantKey}`;
    const g = groups.get(key) ?? {
      key: r.category === 'business-income' ? null : r.merchantKey,
      name: r.category === 'business-income' ? (categoryOf('business-income')?.ko ?? '사업소득') : r.name,
      category: r.category,
      byMonth: new Map(),
    };
    const e = g.byMonth.get(r.month) ?? { total: 0, count: 0, daySum: 0 };
    e.total += r.total;
    e.count += r.count;
    e.daySum += r.daySum;
    g.byMonth.set(r.month, e);
    groups.set(key, g);
  }
  monthsWithData = new Set([...monthsWithData]);
  const sources: IncomeSource[] = [];
  for (const g of groups.values()) {
    const seen = window.filter((m) => g.byMonth.has(m));
    if (seen.length < 3) continue;
    const amounts = seen.map((m) => g.byMonth.get(m)!.total);
    const days = seen.map((m) => {
      const e = g.byMonth.get(m)!;
      return e.daySum / e.count;
    });
    const typical = median(amounts);
    const spread = typical > 0 ? stdev(amounts) / mean(amounts) : 1;
    const regular =
      seen.length >= 4 && (spread < 0.3 || median(amounts.map((a) => Math.abs(a - typical) / typical)) < 0.05);
    const payDay = Math.round(median(days));
    const kind = KIND[g.category] ?? 'other';
    const thisMonth = g.byMonth.get(month);
    const nextMonth = thisMonth ? addMonths(month, 1) : month;
    const won = (n: number) => `${Math.round(n).toLocaleString('ko-KR')}원`;
    sources.push({
      merchantKey: g.key,
      name: g.name,
      category: g.category,
      kind,
      monthly: Math.round(typical),
      payDay,
      monthsSeen: seen.length,
      regular,
      nextExpected: regular ? dateInMonth(nextMonth, payDay) : null,
      reason: {
        ko: `최근 6개월 중 ${seen.length}개월, 매달 ${payDay}일 무렵 평균 ${won(typical)} 입금`,
        en: `${seen.length} of the last 6 months, around day ${payDay}, typically ${Math.round(typical)} KRW`,
      },
    });
  }
  sources.sort((a, b) => b.monthly - a.monthly);
  const regular = sources.filter((s) => s.regular && s.kind !== 'interest');
  return {
    sources,
    monthly:
      regular.length > 0
        ? known(regular.reduce((s, x) => s + x.monthly, 0))
        : unknown(
            'NO_REGULAR_INCOME',
            '연결된 계좌에서 정기적인 수입을 찾지 못했습니다',
            'no regular income found in the connected accounts',
          ),
    annual:
      monthsWithData.size >= 10
        ? known(annual)
        : regular.length > 0
          ? known(regular.reduce((s, x) => s + x.monthly, 0) * 12)
          : unknown('NO_INCOME_HISTORY', '1년치 수입 내역이 없습니다', 'less than a year of income history'),
  };
}
