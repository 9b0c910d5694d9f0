import { maturityDay } from '../finance/amortization.ts';
import type { Row } from '../ledger.ts';
import { type ApiReader, series, snapshot } from './answer.ts';
import {
  bankStyleLoanRow,
  isLoanSlot,
  loanBalanceAt,
  loanChangedAt,
  loanRepayDate,
  type LoanSlot,
  loanTransactions,
  nextRepayDate,
  repayMethod,
} from './loan-view.ts';
import type { Reader } from './reader.ts';
import { date, krw, rate } from './row-values.ts';

/** A loan's balance, principal and next repayment date (은행-009, 할부금융-003, 보험-010; P2P-003 without currency). */
export function loanDetailBody(r: Reader, slot: LoanSlot, withCurrency = true): Row {
  const next = nextRepayDate(r, slot);
  return {
    ...(withCurrency ? { currency_code: 'KRW' } : {}),
    balance_amt: krw(loanBalanceAt(r, slot)),
    loan_principal: krw(slot.terms.principal),
    ...(next ? { next_repay_date: next } : {}),
  };
}

/**
 * The basic / detail / transactions readers of a bank-style loan (은행-008…010 and 할부금융-002…004 share
 * one table shape): one definition for both lenders.
 */
export function bankStyleLoanReads(
  kind: 'bankLoan' | 'capitalLoan',
  ids: readonly [basic: string, detail: string, transactions: string],
  repayAccount: (r: Reader, idx: number) => Row,
): Record<string, ApiReader> {
  const [basic, detail, transactions] = ids;
  return {
    [basic]: snapshot((r, slot) => {
      if (!isLoanSlot(slot) || slot.kind !== kind) return undefined;
      return {
        body: {
          holder_name: r.plan.person.name,
          issue_date: date(slot.terms.startDay),
          exp_date: date(maturityDay(slot.terms)),
          last_offered_rate: rate(slot.terms.rateMilli),
          repay_date: loanRepayDate(slot),
          repay_method: repayMethod(slot),
          ...repayAccount(r, slot.repayFrom),
        },
        changedAt: r.listChangedTs(slot),
      };
    }),
    [detail]: snapshot((r, slot) => {
      if (!isLoanSlot(slot) || slot.kind !== kind) return undefined;
      return { body: loanDetailBody(r, slot), changedAt: loanChangedAt(r, slot) };
    }),
    [transactions]: series((r, slot, request) => {
      if (!isLoanSlot(slot) || slot.kind !== kind) return undefined;
      const [from, to] = r.dateRange(request);
      return loanTransactions(r, slot, from, to).map((tx) => bankStyleLoanRow(tx));
    }),
  };
}
