import type {
  BillOutlook,
  CreditReport,
  IncomeSummary,
  MonthCashFlow,
  MonthSpending,
  NetWorth,
  Recommendation,
  RecurringPayment,
  CategoryTrend,
  Scorecard,
  Signal,
  UnusualPayment,
  Tip,
  Dsr,
  Known,
} from '@hannun/analysis';
import { ApiError } from '../api/api.ts';
import { prefetched } from '../api/prefetch.ts';

/** `GET /api/analysis/summary` (issue #7): one glance. */
export interface Summary {
  readonly today: string;
  readonly netWorth: NetWorth;
  readonly spending: MonthSpending;
  readonly recurring: readonly RecurringPayment[];
  readonly income: IncomeSummary;
  readonly bills: BillOutlook;
  readonly credit: {
    readonly debt: Known<number>;
    readonly dsr: Dsr;
    readonly signals: readonly Signal[];
    readonly topTip: Tip | null;
  };
  readonly recommendations: readonly Recommendation[];
}

/** `GET /api/analysis/spending`: cash flow, trends and more for a month. */
export interface Spending {
  readonly month: string;
  readonly spending: MonthSpending;
  readonly cashFlow: readonly MonthCashFlow[];
  readonly trends: readonly CategoryTrend[];
  /** Single payments far above the person's usual (largest ratio first is not promised: sorted here). */
  readonly unusualTransactions?: readonly UnusualPayment[];
}

export type Credit = CreditReport & { readonly today: string };
export interface ThinFile {
  readonly scorecard: Scorecard;
}
export interface Recommendations {
  readonly recommendations: readonly Recommendation[];
}

/** A route not served (404: an operator without issue #7's analysis) is `undefined`: the page shows what it has. */
export async function optional<T>(path: string): Promise<T | undefined> {
  try {
    return await prefetched<T>(path);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return undefined;
    throw e;
  }
}

export interface Analysis {
  readonly summary?: Summary | undefined;
  readonly spending?: Spending | undefined;
}

export async function loadAnalysis(): Promise<Analysis> {
  const [summary, spending] = await Promise.all([
    optional<Summary>('/api/analysis/summary'),
    optional<Spending>('/api/analysis/spending'),
  ]);
  return { summary, spending };
}

/** A Known value's number, or undefined with its reason. */
export function knownValue<T>(k: Known<T>): T | undefined {
  return k.known ? k.value : undefined;
}
