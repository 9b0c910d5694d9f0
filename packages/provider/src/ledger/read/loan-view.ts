import {
  balanceAfterDay,
  type LoanTerms,
  maturityDay,
  nextInstalmentAfter,
  REPAY_METHOD_CODE,
} from '../finance/amortization.ts';
import type { Slot } from '../plan/plan-types.ts';
import type { LoanTx } from '../simulate/events.ts';
import { dayOfTs, SECONDS_PER_DAY, ymdOf } from '../time/day-number.ts';
import type { Reader } from './reader.ts';
import { date, dtime, krw, rate } from './row-values.ts';
import type { Row } from '../ledger.ts';

export type LoanSlot = Extract<Slot, { terms: LoanTerms }>;

export function isLoanSlot(slot: Slot | null): slot is LoanSlot {
  return slot !== null && 'terms' in slot;
}

/** The outstanding balance at now: the schedule up to yesterday, then today's payment if already made. */
export function loanBalanceAt(r: Reader, slot: LoanSlot): number {
  const { terms } = slot;
  const startTs = terms.startDay * SECONDS_PER_DAY + slot.openedSec;
  if (r.nowTs < startTs) return 0;
  let balance = balanceAfterDay(terms, r.nowDay - 1);
  if (terms.startDay === r.nowDay) balance = terms.principal;
  const today = r.bundle(r.nowMi)?.loans[slot.idx] ?? [];
  for (const tx of today) if (dayOfTs(tx.ts) === r.nowDay && tx.ts <= r.nowTs && tx.type !== '02') balance = tx.bal;
  return balance;
}

/** When the loan's data last changed: its last transaction at or before now, else its start. */
export function loanChangedAt(r: Reader, slot: LoanSlot): number {
  const start = slot.terms.startDay * SECONDS_PER_DAY + slot.openedSec;
  for (let mi = r.nowMi; mi >= Math.max(r.nowMi - 2, r.life.firstMonth); mi--) {
    const list = r.bundle(mi)?.loans[slot.idx];
    if (!list) continue;
    for (let i = list.length - 1; i >= 0; i--) {
      const tx = list[i] as LoanTx;
      if (tx.ts <= r.nowTs) return Math.max(start, tx.ts);
    }
  }
  return start;
}

export function loanTransactions(r: Reader, slot: LoanSlot, fromTs: number, toTs: number): LoanTx[] {
  return r.collect((b) => b.loans[slot.idx], fromTs, toTs);
}

export const repayMethod = (slot: LoanSlot): string => REPAY_METHOD_CODE[slot.terms.method];
export const loanExpDate = (slot: LoanSlot) => date(maturityDay(slot.terms));
export const loanRepayDate = (slot: LoanSlot): string => String(slot.terms.repayDom).padStart(2, '0');

export function nextRepayDate(r: Reader, slot: LoanSlot) {
  if (loanBalanceAt(r, slot) === 0) return undefined;
  const next = nextInstalmentAfter(slot.terms, r.nowDay - 1);
  if (!next) return undefined;
  // Today's instalment counts as next only until it is paid.
  const paidToday = (r.bundle(r.nowMi)?.loans[slot.idx] ?? []).some(
    (tx) => dayOfTs(tx.ts) === r.nowDay && tx.ts <= r.nowTs && tx.type !== '02',
  );
  if (next.day === r.nowDay && paidToday) {
    const after = nextInstalmentAfter(slot.terms, r.nowDay);
    return after ? date(after.day) : undefined;
  }
  return date(next.day);
}

/** A repayment row in the shape of 은행-010 / 할부금융-004 (with principal_amt, int_amt, int_list). */
export function bankStyleLoanRow(tx: LoanTx, currency = true): Row {
  return {
    trans_dtime: dtime(tx.ts),
    trans_no: loanTransNo(tx),
    trans_type: tx.type,
    ...(currency ? { currency_code: 'KRW' } : {}),
    trans_amt: krw(tx.amt),
    balance_amt: krw(tx.bal),
    principal_amt: krw(tx.type === '02' ? 0 : tx.principal),
    int_amt: krw(tx.interest),
    int_list: interestList(tx),
  };
}

/** A loan transaction number: the day and the number within the month. */
export function loanTransNo(tx: LoanTx): string {
  return `${ymdOf(dayOfTs(tx.ts))}${String(tx.no).padStart(3, '0')}`;
}

export function interestList(tx: LoanTx): Row[] {
  if (tx.type === '02' || tx.interest === 0) return [];
  return [
    { int_start_date: date(tx.fromDay), int_end_date: date(tx.toDay), int_rate: rate(tx.rateMilli), int_type: '01' },
  ];
}
