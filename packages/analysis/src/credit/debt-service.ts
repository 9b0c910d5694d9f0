import { daysBetween } from '../shared/dates.ts';
import { type Known, known, unknown } from '../shared/known.ts';
import type { LoanInfo } from './credit-input.ts';

/** Months left to a loan's end (at least 1). */
function monthsLeft(l: LoanInfo, today: string): number {
  if (!l.expDate) return 12;
  return Math.max(1, Math.round(daysBetween(today, l.expDate) / 30.44));
}

/**
 * A loan's yearly repayment (principal + interest) as the DSR rule counts it (PROVISIONAL reading of the
 * 금융위원회 DSR rules): amortising loans by their schedule; bullet loans interest plus the balance spread over
 * the years left (credit loans and overdrafts over 5 years, at least 1 year for any other); card loans and
 * cash advances by their balance over the months left.
 */
export function annualDebtService(l: LoanInfo, today: string): Known<number> {
  if (!l.balance.known) return l.balance;
  if (!l.rate.known) return l.rate;
  const b = l.balance.value;
  const r = l.rate.value / 100;
  if (b <= 0) return known(0);
  const n = monthsLeft(l, today);
  const i = r / 12;
  switch (l.repayMethod) {
    case '01': {
      const pay = i === 0 ? b / n : (b * i) / (1 - (1 + i) ** -n);
      return known(Math.round(pay * Math.min(12, n)));
    }
    case '02': {
      const principal = (b / n) * Math.min(12, n);
      return known(Math.round(principal + b * r));
    }
    default: {
      if (l.kind === 'card-loan' || l.kind === 'cash-advance')
        return known(Math.round((b / n) * Math.min(12, n) + b * r));
      const years = l.kind === 'credit' || l.kind === 'overdraft' ? 5 : Math.max(1, n / 12);
      return known(Math.round(b / years + b * r));
    }
  }
}

export const DSR_LIMIT = 0.4;

export interface Dsr {
  readonly ratio: Known<number>;
  readonly annualDebtService: Known<number>;
  readonly annualIncome: Known<number>;
  readonly limit: number;
  readonly explanation: { readonly ko: string; readonly en: string };
}

/** DSR: every loan's yearly repayment over the yearly income. Unknown (with why) when either is. */
export function dsr(loans: readonly LoanInfo[], annualIncome: Known<number>, today: string): Dsr {
  let total = 0;
  let missing: Known<number> | undefined;
  for (const l of loans) {
    const s = annualDebtService(l, today);
    if (s.known) total += s.value;
    else missing ??= s;
  }
  const service: Known<number> = missing ?? known(total);
  const ratio: Known<number> = !service.known
    ? service
    : !annualIncome.known
      ? annualIncome
      : annualIncome.value <= 0
        ? unknown('NO_INCOME', '연소득이 0원이라 DSR을 계산할 수 없습니다', 'income is zero')
        : known(service.value / annualIncome.value);
  const pct = ratio.known ? `${(ratio.value * 100).toFixed(1)}%` : '알 수 없음';
  return {
    ratio,
    annualDebtService: service,
    annualIncome,
    limit: DSR_LIMIT,
    explanation: {
      ko: ratio.known
        ? `연간 원리금 ${service.known ? service.value.toLocaleString('ko-KR') : '?'}원 ÷ 연소득 ${annualIncome.known ? annualIncome.value.toLocaleString('ko-KR') : '?'}원 = ${pct} (은행권 한도 40%)`
        : `DSR을 계산할 수 없습니다: ${ratio.reason.ko}`,
      en: ratio.known
        ? `annual repayments / annual income = ${pct} (bank limit 40%)`
        : `DSR unknown: ${ratio.reason.en}`,
    },
  };
}
