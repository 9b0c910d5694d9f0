import type { DayTotal } from '../rollup/rollups.ts';
import { addMonths, dayOfMonth, daysInMonth, monthOf } from '../shared/dates.ts';
import { type Known, known, unknown } from '../shared/known.ts';
import { mean, stdev } from '../shared/stats.ts';
import type { RecurringPayment } from './recurring.ts';

export interface Range {
  readonly expected: number;
  /** An 80 % band: expected ± 1.28 standard deviations of the person's own months, never below 0. */
  readonly low: number;
  readonly high: number;
}

export interface SpendingForecast {
  readonly month: string;
  readonly today: string;
  readonly spentSoFar: number;
  /** Recurring payments still to come this month (known amounts and days). */
  readonly fixedDue: {
    readonly total: number;
    readonly items: readonly { name: string; day: number; amount: number }[];
  };
  /** Variable spending for the rest of the month, from the same days of the person's earlier months. */
  readonly variableRest: Known<Range>;
  readonly monthTotal: Known<Range>;
  readonly basisMonths: number;
}

/**
 * The rest of this month's spending: fixed costs known (recurring payments not yet paid whose day is still
 * ahead) plus variable spending taken from the person's own history — what they spent on the same days of
 * each of the last 6 complete months, less the recurring payments of those days.
 */
export function forecastMonth(
  days: readonly DayTotal[],
  recurring: readonly RecurringPayment[],
  today: string,
): SpendingForecast {
  const month = monthOf(today);
  const d = dayOfMonth(today);
  const spendOn = new Map<string, number>();
  for (const r of days) if (r.kind === 'spend') spendOn.set(r.date, (spendOn.get(r.date) ?? 0) - r.total);
  let spentSoFar = 0;
  for (let i = 1; i <= d; i++) spentSoFar += spendOn.get(`${month}${String(i).padStart(2, '0')}`) ?? 0;
  const monthlyRecurring = recurring.filter((r) => r.cadence === 'monthly' && r.day !== null);
  const fixedItems = monthlyRecurring
    .filter((r) => !r.paidThisMonth && r.day! > d)
    .map((r) => ({ name: r.name, day: r.day!, amount: r.amount }));
  const fixedTotal = fixedItems.reduce((s, x) => s + x.amount, 0);
  const rests: number[] = [];
  for (let k = 1; k <= 6; k++) {
    const m = addMonths(month, -k);
    const last = daysInMonth(m);
    let sum = 0;
    let any = false;
    for (let i = 1; i <= last; i++) {
      const v = spendOn.get(`${m}${String(i).padStart(2, '0')}`);
      if (v !== undefined) any = true;
      if (i > d && v !== undefined) sum += v;
    }
    if (!any) continue;
    const recurringThen = monthlyRecurring.filter((r) => r.day! > d).reduce((s, r) => s + r.amount, 0);
    rests.push(Math.max(0, sum - recurringThen));
  }
  const band = (m: number, sd: number): Range => ({
    expected: Math.round(m),
    low: Math.max(0, Math.round(m - 1.28 * sd)),
    high: Math.round(m + 1.28 * sd),
  });
  const variableRest: Known<Range> =
    rests.length >= 2
      ? known(band(mean(rests), stdev(rests)))
      : unknown(
          'NOT_ENOUGH_HISTORY',
          '예측에 필요한 지난 달 내역이 2개월 이상 없습니다',
          'fewer than 2 earlier months of spending',
        );
  return {
    month,
    today,
    spentSoFar,
    fixedDue: { total: fixedTotal, items: fixedItems },
    variableRest,
    monthTotal: variableRest.known
      ? known({
          expected: spentSoFar + fixedTotal + variableRest.value.expected,
          low: spentSoFar + fixedTotal + variableRest.value.low,
          high: spentSoFar + fixedTotal + variableRest.value.high,
        })
      : variableRest,
    basisMonths: rests.length,
  };
}
