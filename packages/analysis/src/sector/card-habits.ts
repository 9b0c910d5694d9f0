import { categoryOf } from '../categorise/categories.ts';
import type { DayTotal, MonthCategoryTotal } from '../rollup/rollups.ts';
import { addMonths } from '../shared/dates.ts';

export interface CardHabits {
  readonly months: readonly string[];
  readonly topCategories: readonly { category: string; ko: string; monthly: number; share: number }[];
  /** Small everyday spending (cafés, convenience stores, delivery): a year of it, and half of it. */
  readonly smallLeaks: {
    readonly monthly: number;
    readonly yearly: number;
    readonly halfSaves: number;
    readonly categories: readonly string[];
  };
  /** Share of spending on Saturdays and Sundays. */
  readonly weekendShare: number;
  readonly notes: readonly { ko: string; en: string }[];
}

const LEAKS = ['cafe', 'convenience', 'delivery', 'bakery'];

function weekday(date: string): number {
  return new Date(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8))),
  ).getUTCDay();
}

/** 소비습관: where the last 3 complete months' spending went, the small daily leaks and weekend spending. */
export function cardHabits(
  months: readonly MonthCategoryTotal[],
  days: readonly DayTotal[],
  thisMonth: string,
): CardHabits {
  const window = [addMonths(thisMonth, -3), addMonths(thisMonth, -2), addMonths(thisMonth, -1)];
  const by = new Map<string, number>();
  let total = 0;
  for (const r of months) {
    if (!window.includes(r.month) || r.kind !== 'spend') continue;
    by.set(r.category, (by.get(r.category) ?? 0) - r.total);
    total -= r.total;
  }
  const top = [...by]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([category, v]) => ({
      category,
      ko: categoryOf(category)?.ko ?? category,
      monthly: Math.round(v / 3),
      share: total > 0 ? v / total : 0,
    }));
  const leak = LEAKS.reduce((s, c) => s + (by.get(c) ?? 0), 0) / 3;
  let weekend = 0;
  let all = 0;
  for (const d of days) {
    if (d.kind !== 'spend' || !window.includes(d.date.slice(0, 6))) continue;
    all -= d.total;
    const w = weekday(d.date);
    if (w === 0 || w === 6) weekend -= d.total;
  }
  const won = (n: number) => `${Math.round(n).toLocaleString('ko-KR')}원`;
  return {
    months: window,
    topCategories: top,
    smallLeaks: {
      monthly: Math.round(leak),
      yearly: Math.round(leak * 12),
      halfSaves: Math.round(leak * 6),
      categories: LEAKS,
    },
    weekendShare: all > 0 ? weekend / all : 0,
    notes: [
      {
        ko: `카페·편의점·배달·베이커리에 한 달 평균 ${won(leak)}, 1년이면 ${won(leak * 12)}입니다. 절반만 줄여도 ${won(leak * 6)}이 남습니다.`,
        en: `Small daily spending: ${Math.round(leak)} KRW a month`,
      },
      ...(top[0]
        ? [
            {
              ko: `가장 많이 쓰는 곳은 ${top[0].ko}(월 ${won(top[0].monthly)}, ${Math.round(top[0].share * 100)}%)입니다.`,
              en: `Top category: ${top[0].category}`,
            },
          ]
        : []),
    ],
  };
}
