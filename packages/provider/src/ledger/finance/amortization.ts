import { addMonths, dueDay, monthOfDay } from '../time/day-number.ts';

/**
 * Loan repayment, shared by every lender of the ledger (bank, card loan, capital, P2P, 대부, policy loan).
 * One set of pure functions decides each instalment, so the lender's transactions and the debit in the
 * paying bank account are the same numbers.
 *
 * Interest accrues daily on the outstanding balance (actual/365, as Korean lenders compute it), from the
 * previous payment date to the day before this one; the payment date moves off weekends (dueDay).
 */
export type RepayMethod = 'annuity' | 'equalPrincipal' | 'bullet';

/** repay_method codes (ours, provisional like the standard's field): 01 원리금균등, 02 원금균등, 03 만기일시, 04 리스료 정액. */
export const REPAY_METHOD_CODE: Readonly<Record<RepayMethod | 'lease', string>> = {
  annuity: '01',
  equalPrincipal: '02',
  bullet: '03',
  lease: '04',
};

export interface LoanTerms {
  /** Principal in KRW. */
  readonly principal: number;
  /** Annual rate in thousandths of a percent (4125 = 4.125 %). */
  readonly rateMilli: number;
  readonly months: number;
  readonly method: RepayMethod;
  /** Disbursement day. */
  readonly startDay: number;
  /** Day of month of the payments (1–28). */
  readonly repayDom: number;
}

export interface Instalment {
  /** 1-based. */
  readonly n: number;
  /** The payment day (business day). */
  readonly day: number;
  /** Interest period, inclusive. */
  readonly fromDay: number;
  readonly toDay: number;
  readonly principal: number;
  readonly interest: number;
  readonly balanceAfter: number;
}

/** The level monthly payment of an annuity (원리금균등): P·r / (1 − (1 + r)^−n), r the monthly rate. */
export function annuityPayment(principal: number, rateMilli: number, months: number): number {
  const r = rateMilli / 100_000 / 12;
  if (r === 0) return Math.ceil(principal / months);
  return Math.round((principal * r) / (1 - (1 + r) ** -months));
}

/** Interest on a balance for a number of days at an annual rate (actual/365), rounded down to the won. */
export function dailyInterest(balance: number, rateMilli: number, days: number): number {
  return Math.floor((balance * rateMilli * days) / (100_000 * 365));
}

export function maturityDay(terms: LoanTerms): number {
  return addMonths(terms.startDay, terms.months);
}

/** The payment day of instalment n. */
export function instalmentDay(terms: LoanTerms, n: number): number {
  return dueDay(monthOfDay(terms.startDay) + n, terms.repayDom);
}

/**
 * Walk the schedule from the first instalment; `visit` returns false to stop. O(n) and allocation-light,
 * so callers recompute instead of caching schedules.
 */
export function walkSchedule(terms: LoanTerms, visit: (inst: Instalment) => boolean): void {
  // An interest-free annuity is equal principal (its level payment would overpay by rounding up).
  const method = terms.method === 'annuity' && terms.rateMilli === 0 ? 'equalPrincipal' : terms.method;
  const payment = method === 'annuity' ? annuityPayment(terms.principal, terms.rateMilli, terms.months) : 0;
  const level = Math.floor(terms.principal / terms.months);
  let balance = terms.principal;
  let prevDay = terms.startDay;
  for (let n = 1; n <= terms.months && balance > 0; n++) {
    const day = instalmentDay(terms, n);
    const interest = dailyInterest(balance, terms.rateMilli, day - prevDay);
    let principal: number;
    if (n === terms.months) principal = balance;
    else if (method === 'annuity') principal = Math.min(balance - (terms.months - n), Math.max(0, payment - interest));
    else if (method === 'equalPrincipal') principal = Math.min(balance, level);
    else principal = 0;
    balance -= principal;
    const go = visit({ n, day, fromDay: prevDay, toDay: day - 1, principal, interest, balanceAfter: balance });
    if (!go) return;
    prevDay = day;
  }
}

/** The instalments due between two days, inclusive. */
export function instalmentsBetween(terms: LoanTerms, fromDay: number, toDay: number): Instalment[] {
  const out: Instalment[] = [];
  walkSchedule(terms, (inst) => {
    if (inst.day > toDay) return false;
    if (inst.day >= fromDay) out.push(inst);
    return true;
  });
  return out;
}

/** The outstanding balance at the end of a day (after that day's payment). */
export function balanceAfterDay(terms: LoanTerms, day: number): number {
  if (day < terms.startDay) return 0;
  let balance = terms.principal;
  walkSchedule(terms, (inst) => {
    if (inst.day > day) return false;
    balance = inst.balanceAfter;
    return true;
  });
  return balance;
}

/** The next payment day after a day, or undefined when the loan is repaid. */
export function nextInstalmentAfter(terms: LoanTerms, day: number): Instalment | undefined {
  let found: Instalment | undefined;
  walkSchedule(terms, (inst) => {
    if (inst.day > day) {
      found = inst;
      return false;
    }
    return true;
  });
  return found;
}

/** The last instalment day: the loan is fully repaid after it. */
export function lastInstalmentDay(terms: LoanTerms): number {
  return instalmentDay(terms, terms.months);
}

/** Interest a saver earns on a fixed monthly saving (적금, simple interest) before tax. */
export function savingsInterest(monthly: number, rateMilli: number, months: number): number {
  // Each deposit k (1-based) earns interest for (months − k + 1) months.
  return Math.floor((monthly * rateMilli * ((months * (months + 1)) / 2)) / (100_000 * 12));
}

/** Interest on a lump sum over months (정기예금, simple interest) before tax. */
export function depositInterest(amount: number, rateMilli: number, months: number): number {
  return Math.floor((amount * rateMilli * months) / (100_000 * 12));
}

/** Interest income tax (이자소득세 14 % + 지방소득세 1.4 %), rounded down to 10 won as banks do. */
export function interestTax(interest: number): number {
  return Math.floor((interest * 0.154) / 10) * 10;
}
