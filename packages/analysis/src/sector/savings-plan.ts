import { type Known, known, unknown } from '../shared/known.ts';
import type { MonthCashFlow } from '../spending/cash-flow.ts';

export interface SavingsPlan {
  /** What the person keeps a month on average (last 3 complete months). */
  readonly monthlySurplus: Known<number>;
  /** An emergency fund of 3 months of spending first. */
  readonly emergencyFund: { readonly target: number; readonly have: number; readonly monthsToGo: number | null };
  readonly goal: {
    readonly amount: number;
    readonly months: number;
    readonly monthlyNeeded: number;
    readonly reachable: boolean;
  } | null;
  readonly steps: readonly { ko: string; en: string }[];
}

/**
 * 자산형성: how much the person keeps a month, an emergency fund (3 months of spending) first, then a goal
 * (amount by a month count) with the monthly saving it needs and whether their surplus reaches it.
 */
export function savingsPlan(
  flows: readonly MonthCashFlow[],
  liquid: number,
  goal?: { amount: number; months: number },
): SavingsPlan {
  const last = flows.slice(-3);
  const surplus: Known<number> =
    last.length < 3
      ? unknown('NOT_ENOUGH_HISTORY', '3개월치 수입·지출 내역이 필요합니다', 'needs 3 months of history')
      : known(Math.round(last.reduce((s, f) => s + f.net, 0) / 3));
  const spend = last.length ? last.reduce((s, f) => s + f.spending, 0) / last.length : 0;
  const target = Math.round(spend * 3);
  const gap = Math.max(0, target - liquid);
  const monthsToGo = gap === 0 ? 0 : surplus.known && surplus.value > 0 ? Math.ceil(gap / surplus.value) : null;
  const g = goal
    ? {
        amount: goal.amount,
        months: goal.months,
        monthlyNeeded: Math.ceil(goal.amount / Math.max(1, goal.months)),
        reachable: surplus.known && surplus.value >= Math.ceil(goal.amount / Math.max(1, goal.months)),
      }
    : null;
  const won = (n: number) => `${Math.round(n).toLocaleString('ko-KR')}원`;
  const steps = [
    gap > 0
      ? {
          ko: `비상금 ${won(target)}(3개월 지출) 중 ${won(gap)}이 모자랍니다${monthsToGo !== null ? ` — 지금 속도면 ${monthsToGo}개월` : ''}.`,
          en: `Emergency fund short by ${gap} KRW`,
        }
      : { ko: `비상금 ${won(target)}(3개월 지출)은 이미 있습니다.`, en: 'Emergency fund in place' },
    ...(g
      ? [
          g.reachable
            ? {
                ko: `목표 ${won(g.amount)}: 매달 ${won(g.monthlyNeeded)}씩 ${g.months}개월이면 됩니다.`,
                en: `Goal reachable with ${g.monthlyNeeded} KRW a month`,
              }
            : {
                ko: `목표 ${won(g.amount)}에는 매달 ${won(g.monthlyNeeded)}이 필요하지만 지금 남는 돈은 ${surplus.known ? won(surplus.value) : '알 수 없음'}입니다.`,
                en: 'Goal needs more than the surplus',
              },
        ]
      : []),
  ];
  return { monthlySurplus: surplus, emergencyFund: { target, have: liquid, monthsToGo }, goal: g, steps };
}
