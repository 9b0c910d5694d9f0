import type { MonthCategoryTotal } from '../rollup/rollups.ts';
import { monthsBetween } from '../shared/dates.ts';

export interface MonthCashFlow {
  readonly month: string;
  /** Money in (salary, pension, interest, other income). */
  readonly income: number;
  /** Money spent (positive). */
  readonly spending: number;
  /** income − spending: what the month left (or took). */
  readonly net: number;
  /** Moved between the person's own pockets (card bills, savings, top-ups), net; neither spending nor income. */
  readonly transfers: number;
}

/** Monthly cash flow from `from` to `to` (YYYYMM), every month present even when empty. */
export function cashFlow(months: readonly MonthCategoryTotal[], from: string, to: string): MonthCashFlow[] {
  const acc = new Map(monthsBetween(from, to).map((m) => [m, { income: 0, spending: 0, transfers: 0 }]));
  for (const r of months) {
    const a = acc.get(r.month);
    if (!a) continue;
    if (r.kind === 'income') a.income += r.total;
    else if (r.kind === 'spend') a.spending += -r.total;
    else a.transfers += r.total;
  }
  return [...acc].map(([month, a]) => ({ month, ...a, net: a.income - a.spending }));
}
