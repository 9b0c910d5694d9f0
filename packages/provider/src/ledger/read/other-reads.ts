import type { Temporal } from 'temporal-polyfill';
import { maturityDay, REPAY_METHOD_CODE } from '../finance/amortization.ts';
import type { Row } from '../ledger.ts';
import { CARRIER_BILLING } from '../merchants/order-titles.ts';
import type { GuaranteeSlot, LeaseSlot, Slot, TelecomSlot } from '../plan/plan-types.ts';
import { billedIn } from '../simulate/telecom-flows.ts';
import { leasePayDay } from '../simulate/loan-flows.ts';
import { addMonths, dayOfTs, firstDayOfMonth, SECONDS_PER_DAY } from '../time/day-number.ts';
import { monthOfYearMonth } from '../time/temporal-values.ts';
import { type ApiReader, series, snapshot } from './answer.ts';
import { repayAccount } from './bank-reads.ts';
import { bankStyleLoanReads, loanDetailBody } from './loan-reads.ts';
import {
  bankStyleLoanRow,
  isLoanSlot,
  loanBalanceAt,
  loanChangedAt,
  loanRepayDate,
  loanTransactions,
  loanTransNo,
  repayMethod,
} from './loan-view.ts';
import type { Reader } from './reader.ts';
import { date, dtime, krw, month, rate } from './row-values.ts';

const isLease = (slot: Slot | null): slot is LeaseSlot => slot?.kind === 'lease';
const isGuarantee = (slot: Slot | null): slot is GuaranteeSlot => slot?.kind === 'guarantee';
const isTelecom = (slot: Slot | null): slot is TelecomSlot => slot?.kind === 'telecom';

function nextLeaseDay(r: Reader, slot: LeaseSlot): number | undefined {
  for (let n = 1; n <= slot.months; n++) {
    const day = leasePayDay(slot.opened, slot.payDom, n);
    if (day > r.nowDay) return day;
  }
  return undefined;
}

/** 할부금융-002 … 006, 보증보험-002/003, 통신-002 … 004, P2P-002 … 004, 채권-002/003. */
export const OTHER_READS: Readonly<Record<string, ApiReader>> = {
  ...bankStyleLoanReads('capitalLoan', ['할부금융-002', '할부금융-003', '할부금융-004'], repayAccount),
  '할부금융-005': snapshot((r, slot) => {
    if (!isLease(slot)) return undefined;
    const next = nextLeaseDay(r, slot);
    return {
      body: {
        holder_name: r.plan.person.name,
        issue_date: date(slot.opened),
        exp_date: date(addMonths(slot.opened, slot.months)),
        repay_date: String(slot.payDom).padStart(2, '0'),
        repay_method: REPAY_METHOD_CODE.lease,
        ...repayAccount(r, slot.repayFrom),
        ...(next !== undefined ? { next_repay_date: date(next) } : {}),
      },
      changedAt: r.listChangedTs(slot),
    };
  }),
  '할부금융-006': series((r, slot, request) => {
    if (!isLease(slot)) return undefined;
    const [from, to] = r.dateRange(request);
    return r
      .collect((b) => b.loans[slot.idx], from, to)
      .map((tx) => ({
        trans_dtime: dtime(tx.ts),
        trans_no: loanTransNo(tx),
        trans_type: tx.type,
        trans_amt: krw(tx.amt),
      }));
  }),
  '보증보험-002': snapshot((r, slot) => {
    if (!isGuarantee(slot)) return undefined;
    return {
      body: {
        issue_date: date(slot.opened),
        exp_date: date(slot.expDay),
        face_amt: krw(slot.faceAmt),
        insured_list: [{ insured_name: slot.insuredName }],
        pay_due: '01',
        pay_amt: krw(slot.premium),
      },
      changedAt: r.listChangedTs(slot),
    };
  }),
  '보증보험-003': series((r, slot, request) => {
    if (!isGuarantee(slot)) return undefined;
    const [from, to] = r.dateRange(request);
    return r
      .collect((b) => b.premiums[slot.idx], from, to)
      .map((tx) => ({
        trans_date: date(dayOfTs(tx.ts)),
        trans_no: String(tx.no),
        paid_amt: krw(tx.amt),
        pay_method: tx.method,
      }));
  }),
  '통신-002': snapshot((r, _slot, request) => {
    const charge = request['charge_month'] as Temporal.PlainYearMonth | undefined;
    const mi = charge ? monthOfYearMonth(charge) : r.nowMi;
    const items: Row[] = [];
    let changed = 0;
    if (mi <= r.nowMi) {
      const bundle = r.bundle(mi);
      for (const slot of r.plan.slots) {
        if (!isTelecom(slot) || slot.org !== r.org || !billedIn(slot, mi)) continue;
        const bill = bundle?.telecomBill[slot.idx];
        if (!bill) continue;
        items.push({ mgmt_id: slot.mgmtId, charge_amt: krw(bill.amt), charge_date: date(bill.dueDay) });
      }
      changed = firstDayOfMonth(mi) * SECONDS_PER_DAY;
    }
    return { body: { bill_list: items }, changedAt: Math.min(r.nowTs, changed) };
  }),
  '통신-003': series((r, slot, request) => {
    if (!isTelecom(slot)) return undefined;
    const [from, to] = r.monthRange(request);
    const out: Row[] = [];
    for (let mi = to; mi >= from; mi--) {
      const bill = r.bundle(mi)?.telecomBill[slot.idx];
      if (!bill || bill.paidTs === 0 || bill.paidTs > r.nowTs) continue;
      out.push({ trans_month: month(mi), paid_amt: krw(bill.amt), pay_method: bill.method });
    }
    return out;
  }),
  '통신-004': series((r, slot, request) => {
    if (!isTelecom(slot)) return undefined;
    const [from, to] = r.dateRange(request);
    return r
      .collect((b) => b.carrier[slot.idx], from, to)
      .map((tx) => {
        const item = CARRIER_BILLING[tx.merchant];
        return {
          trans_date: date(dayOfTs(tx.ts)),
          trans_amt: krw(tx.amt),
          merchant_name: item?.name ?? '',
          trans_title: item?.titles[tx.title] ?? '',
        };
      });
  }),
  'P2P-002': snapshot((r, slot) => {
    if (!isLoanSlot(slot) || slot.kind !== 'p2p') return undefined;
    return {
      body: {
        issue_date: date(slot.terms.startDay),
        exp_date: date(maturityDay(slot.terms)),
        last_offered_rate: rate(slot.terms.rateMilli),
        repay_date: loanRepayDate(slot),
        repay_method: repayMethod(slot),
      },
      changedAt: r.listChangedTs(slot),
    };
  }),
  'P2P-003': snapshot((r, slot) => {
    if (!isLoanSlot(slot) || slot.kind !== 'p2p') return undefined;
    return { body: loanDetailBody(r, slot, false), changedAt: loanChangedAt(r, slot) };
  }),
  'P2P-004': series((r, slot, request) => {
    if (!isLoanSlot(slot) || slot.kind !== 'p2p') return undefined;
    const [from, to] = r.dateRange(request);
    return loanTransactions(r, slot, from, to).map((tx) => {
      const row = bankStyleLoanRow(tx);
      return {
        trans_dtime: row['trans_dtime'],
        trans_no: row['trans_no'],
        trans_type: row['trans_type'],
        trans_amt: row['trans_amt'],
        balance_amt: row['balance_amt'],
        principal_amt: row['principal_amt'],
        int_amt: row['int_amt'],
      };
    });
  }),
  '채권-002': snapshot((r, slot) => {
    if (!isLoanSlot(slot) || slot.kind !== 'claim') return undefined;
    return {
      body: { currency_code: 'KRW', balance_amt: krw(loanBalanceAt(r, slot)) },
      changedAt: loanChangedAt(r, slot),
    };
  }),
  '채권-003': series((r, slot, request) => {
    if (!isLoanSlot(slot) || slot.kind !== 'claim') return undefined;
    const [from, to] = r.dateRange(request);
    return loanTransactions(r, slot, from, to).map((tx) => ({
      trans_dtime: dtime(tx.ts),
      trans_no: loanTransNo(tx),
      trans_type: tx.type,
      trans_amt: krw(tx.amt),
      balance_amt: krw(tx.bal),
    }));
  }),
};
