import { categoryOf, isCategory } from '../categorise/categories.ts';
import { AnalysisError } from '../shared/analysis-error.ts';
import { daysInMonth, dayOfMonth } from '../shared/dates.ts';
import type { MonthSpending } from './spending-by-category.ts';

export interface Budget {
  readonly category: string;
  /** KRW per month. */
  readonly monthly: number;
}

export type BudgetAlert = 'ok' | 'near' | 'over' | 'on-track-to-exceed';

export interface BudgetStatus extends Budget {
  readonly ko: string;
  readonly spent: number;
  readonly left: number;
  readonly share: number;
  /** At this month's pace, the month's spending. */
  readonly projected: number;
  readonly alert: BudgetAlert;
  readonly message: { readonly ko: string; readonly en: string };
}

export function checkBudget(input: unknown): Budget {
  const b = input as Record<string, unknown> | null;
  if (typeof b?.category !== 'string' || !isCategory(b.category) || categoryOf(b.category)?.kind !== 'spend') {
    throw new AnalysisError('ANALYSIS_BUDGET', 'category', 'is not a spending category', '지출 분류가 아닙니다');
  }
  if (typeof b.monthly !== 'number' || !Number.isSafeInteger(b.monthly) || b.monthly <= 0) {
    throw new AnalysisError(
      'ANALYSIS_BUDGET',
      'monthly',
      'must be a whole number of won above 0',
      '0보다 큰 원 단위 금액이어야 합니다',
    );
  }
  return { category: b.category, monthly: b.monthly };
}

/** Each budget against the month so far (`today` YYYYMMDD inside the month): spent, left, pace, alert. */
export function budgetStatus(budgets: readonly Budget[], spending: MonthSpending, today: string): BudgetStatus[] {
  const day = Math.max(1, dayOfMonth(today));
  const days = daysInMonth(spending.month);
  return budgets.map((b) => {
    const spent = spending.categories.find((c) => c.category === b.category)?.amount ?? 0;
    const projected = Math.round((spent / day) * days);
    const share = spent / b.monthly;
    const alert: BudgetAlert =
      spent > b.monthly
        ? 'over'
        : share >= 0.8
          ? 'near'
          : projected > b.monthly && day >= 7
            ? 'on-track-to-exceed'
            : 'ok';
    const ko = categoryOf(b.category)?.ko ?? b.category;
    const won = (n: number) => `${n.toLocaleString('ko-KR')}원`;
    const message = {
      over: {
        ko: `${ko} 예산을 ${won(spent - b.monthly)} 넘었습니다`,
        en: `${b.category}: over budget by ${spent - b.monthly} KRW`,
      },
      near: {
        ko: `${ko} 예산의 ${Math.round(share * 100)}%를 썼습니다 (남은 금액 ${won(b.monthly - spent)})`,
        en: `${b.category}: ${Math.round(share * 100)}% of the budget used`,
      },
      'on-track-to-exceed': {
        ko: `지금 속도면 이번 달 ${ko}에 ${won(projected)}을 쓰게 됩니다 (예산 ${won(b.monthly)})`,
        en: `${b.category}: at this pace ${projected} KRW this month against ${b.monthly}`,
      },
      ok: { ko: `${ko}: 예산 안에 있습니다`, en: `${b.category}: within budget` },
    }[alert];
    return { ...b, ko, spent, left: b.monthly - spent, share, projected, alert, message };
  });
}
