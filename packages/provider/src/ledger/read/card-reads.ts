import { maturityDay, REPAY_METHOD_CODE, walkSchedule } from '../finance/amortization.ts';
import type { Row } from '../ledger.ts';
import { merchantRegno } from '../merchants/merchant-picker.ts';
import { OVERSEAS_MERCHANTS } from '../merchants/overseas-merchants.ts';
import type { CardIssuerSlot, CardSlot, Slot } from '../plan/plan-types.ts';
import { approvalMerchantName } from '../simulate/card-billing.ts';
import type { Approval, BillLine, CardBill, CashAdvance } from '../simulate/events.ts';
import { B, C } from '../simulate/live-state.ts';
import { dueDay, SECONDS_PER_DAY, firstDayOfMonth } from '../time/day-number.ts';
import { monthOfYearMonth } from '../time/temporal-values.ts';
import type { Temporal } from 'temporal-polyfill';
import { type ApiReader, series, snapshot } from './answer.ts';
import type { Reader } from './reader.ts';
import { cents, date, dtime, krw, month, rate } from './row-values.ts';

const isCard = (slot: Slot | null): slot is CardSlot => slot?.kind === 'card';

export function issuerAt(r: Reader): CardIssuerSlot | undefined {
  return r.plan.slots.find((s): s is CardIssuerSlot => s.kind === 'cardIssuer' && s.org === r.org);
}

/** merchant_regno: the merchant's, or the relaying 간편결제 provider's, or the charging institution's. */
export function regnoOf(r: Reader, a: { m: number; b: number; pg: number }): string {
  if (a.pg >= 0) return r.world.institutions[a.pg]?.regNo ?? '';
  if (a.m < 0) return r.world.institutions[-a.m - 1]?.regNo ?? '';
  return merchantRegno(a.m, a.b);
}

/** The status of an approval as of now: a later cancellation or correction is not known yet. */
function statusAt(r: Reader, a: Approval): 1 | 2 | 3 {
  return a.status !== 1 && a.changeTs <= r.nowTs ? a.status : 1;
}

function domesticRow(r: Reader, a: Approval): Row {
  const status = statusAt(r, a);
  return {
    approved_num: String(a.num),
    status: `0${status}`,
    pay_type: a.inst >= 2 ? '02' : '01',
    approved_dtime: dtime(a.ts),
    ...(status === 2 ? { cancel_dtime: dtime(a.changeTs) } : {}),
    merchant_name: approvalMerchantName(r.world, a),
    merchant_regno: regnoOf(r, a),
    approved_amt: krw(a.amt),
    ...(status !== 1 ? { trans_dtime: dtime(a.changeTs), modified_amt: krw(status === 3 ? a.modAmt : 0) } : {}),
    ...(a.inst >= 2 ? { total_install_cnt: a.inst } : {}),
  };
}

function overseasRow(r: Reader, a: Approval): Row {
  const status = statusAt(r, a);
  const merchant = OVERSEAS_MERCHANTS[a.ov];
  return {
    approved_num: String(a.num),
    status: `0${status}`,
    pay_type: '01',
    approved_dtime: dtime(a.ts),
    ...(status === 2 ? { cancel_dtime: dtime(a.changeTs) } : {}),
    merchant_name: merchant?.name ?? '',
    approved_amt: cents(a.amt),
    country_code: merchant?.country ?? 'US',
    currency_code: merchant?.currency ?? 'USD',
    krw_amt: krw(a.krw),
  };
}

/** The bill of a charge month (in the bundle of the month before), once that month has begun. */
export function billOf(r: Reader, issuer: CardIssuerSlot, mi: number): CardBill | undefined {
  if (mi > r.nowMi) return undefined;
  return r.bundle(mi - 1)?.billNext[issuer.idx];
}

function lineRow(r: Reader, line: BillLine): Row {
  const card = r.slot(line.card);
  return {
    card_id: card.kind === 'card' ? card.cardId : '',
    paid_dtime: dtime(line.ts),
    trans_no: `${line.prod}${line.num}`,
    paid_amt: krw(line.amt),
    currency_code: line.cur,
    merchant_name: line.label !== '' ? line.label : approvalMerchantName(r.world, { ...line, ov: -1 }),
    credit_fee_amt: krw(line.fee),
    ...(line.prod === '02' || line.prod === '04'
      ? { total_install_cnt: line.totalInst, cur_install_cnt: line.curInst, balance_amt: krw(line.bal) }
      : {}),
    ...(line.prod === '05' ? { balance_amt: krw(line.bal) } : {}),
    prod_type: line.prod,
  };
}

/** Cash advances taken up to now and not yet repaid by a bill. */
/** The cash advances not yet due, newest first, and when that list last changed (one taken, one come due). */
function cashAdvances(r: Reader, issuer: CardIssuerSlot): { cash: CashAdvance[]; changedTs: number } {
  const cash: CashAdvance[] = [];
  let changedTs = 0;
  for (let mi = r.nowMi; mi >= Math.max(r.life.firstMonth, r.nowMi - 1); mi--) {
    for (const c of r.bundle(mi)?.cash[issuer.idx] ?? []) {
      if (c.ts > r.nowTs) continue;
      const due = dueDay(c.dueMi, issuer.payDom);
      if (due >= r.nowDay) {
        cash.push(c);
        changedTs = Math.max(changedTs, c.ts);
      } else changedTs = Math.max(changedTs, (due + 1) * SECONDS_PER_DAY);
    }
  }
  return { cash: cash.sort((x, y) => y.ts - x.ts), changedTs };
}

const outstandingCash = (r: Reader, issuer: CardIssuerSlot): CashAdvance[] => cashAdvances(r, issuer).cash;

/** The card loan's balance and last interest, and when they last changed (the loan taken, an instalment paid). */
function cardLoanBalance(
  r: Reader,
  issuer: CardIssuerSlot,
): { balance: number; lastInterest: number; changedTs: number } {
  const loan = issuer.cardLoan;
  const startTs = loan ? loan.terms.startDay * SECONDS_PER_DAY + issuer.openedSec : 0;
  if (!loan || startTs > r.nowTs) return { balance: 0, lastInterest: 0, changedTs: 0 };
  let balance = loan.terms.principal;
  let lastInterest = 0;
  let changedTs = startTs;
  // Instalments are paid with the card bill, on the bill's payment day (seen from the next day on).
  walkSchedule(loan.terms, (inst) => {
    if (inst.day >= r.nowDay) return false;
    balance = inst.balanceAfter;
    lastInterest = inst.interest;
    changedTs = Math.max(changedTs, (inst.day + 1) * SECONDS_PER_DAY);
    return true;
  });
  return { balance, lastInterest, changedTs };
}

/** 카드-002 … 카드-012: card basics and approvals, points, bills, payments, revolving and card loans. */
export const CARD_READS: Readonly<Record<string, ApiReader>> = {
  '카드-002': snapshot((r, slot) => {
    if (!isCard(slot)) return undefined;
    const linked = r.plan.slots[slot.linked];
    const issuer = r.slot(slot.issuer);
    const payAccount = issuer.kind === 'cardIssuer' ? r.plan.slots[issuer.payFrom] : undefined;
    const bank = slot.cardType === '01' ? payAccount : linked;
    return {
      body: {
        card_type: slot.cardType,
        is_trans_payable: slot.transPayable,
        is_cash_card: slot.cashCard,
        ...(bank ? { linked_bank_code: r.pop.bankCode(bank.org) } : {}),
        card_brand: slot.brand,
        annual_fee: krw(slot.annualFee),
        issue_date: date(slot.opened),
      },
      changedAt: r.listChangedTs(slot),
    };
  }),
  '카드-003': snapshot((r) => {
    const issuer = issuerAt(r);
    if (!issuer || !r.exists(issuer)) return undefined;
    const points = r.monthStart.get(issuer.idx, B);
    return {
      body: {
        point_list: [
          { point_name: issuer.pointName, remain_point_amt: points, expiring_point_amt: Math.floor(points * 0.03) },
        ],
      },
      changedAt: r.lastChangeBefore(issuer),
    };
  }),
  '카드-004': series((r, _slot, request) => {
    const issuer = issuerAt(r);
    if (!issuer) return [];
    const [from, to] = r.monthRange(request);
    const out: Row[] = [];
    for (let mi = to; mi >= from; mi--) {
      const bill = billOf(r, issuer, mi);
      if (!bill) continue;
      out.push({
        charge_amt: krw(bill.total),
        charge_day: String(issuer.payDom).padStart(2, '0'),
        charge_month: month(mi),
        paid_out_date: date(bill.payDay),
        card_type: '01',
      });
    }
    return out;
  }),
  '카드-005': series((r, _slot, request) => {
    const issuer = issuerAt(r);
    const charge = request['charge_month'] as Temporal.PlainYearMonth | undefined;
    if (!issuer || !charge) return [];
    const bill = billOf(r, issuer, monthOfYearMonth(charge));
    if (!bill) return [];
    return [...bill.lines].reverse().map((line) => lineRow(r, line));
  }),
  '카드-006': snapshot((r) => {
    const issuer = issuerAt(r);
    if (!issuer || !r.exists(issuer)) return undefined;
    const items: Row[] = [];
    // The answer changes at the month's start, when this month's bill is paid (its item goes) and with each
    // line of the next bill: its last change is the latest of those, so a search_timestamp before it gets the
    // new list rather than 00001.
    let changedAt = Math.max(r.lastChangeBefore(issuer), r.nowMi > 0 ? firstDayOfMonth(r.nowMi) * SECONDS_PER_DAY : 0);
    const current = billOf(r, issuer, r.nowMi);
    if (current && r.nowDay < current.payDay)
      items.push({ pay_due_date: date(current.payDay), pay_amt: krw(current.total) });
    else if (current) changedAt = Math.max(changedAt, current.payDay * SECONDS_PER_DAY);
    const next = r.bundle(r.nowMi)?.billNext[issuer.idx];
    if (next) {
      let soFar = 0;
      for (const l of next.lines) {
        if (l.ts > r.nowTs) continue;
        soFar += l.amt + l.fee;
        changedAt = Math.max(changedAt, l.ts);
      }
      if (soFar > 0) items.push({ pay_due_date: date(next.payDay), pay_amt: krw(soFar) });
    }
    return { body: { pay_list: items }, changedAt };
  }),
  '카드-007': snapshot((r) => {
    const issuer = issuerAt(r);
    if (!issuer || !r.exists(issuer)) return undefined;
    const rev = issuer.revolving;
    const remained = r.monthStart.get(issuer.idx, C);
    const items: Row[] = [];
    if (rev && rev.reqDay <= r.nowDay && remained > 0) {
      items.push({
        req_date: date(rev.reqDay),
        min_pay_rate: rate(rev.minRateMilli),
        min_pay_amt: krw(Math.max(10_000, Math.round((remained * rev.minRateMilli) / 100_000))),
        agreed_pay_rate: rate(rev.agreedRateMilli),
        remained_amt: krw(remained),
      });
    }
    return { body: { revolving_list: items }, changedAt: firstDayOfMonth(r.nowMi) * SECONDS_PER_DAY };
  }),
  '카드-008': series((r, slot, request) => {
    if (!isCard(slot)) return undefined;
    const [from, to] = r.dateRange(request);
    return r.collect((b) => b.approvals[slot.idx], from, to).flatMap((a) => (a.ov < 0 ? [domesticRow(r, a)] : []));
  }),
  '카드-009': series((r, slot, request) => {
    if (!isCard(slot)) return undefined;
    const [from, to] = r.dateRange(request);
    return r.collect((b) => b.approvals[slot.idx], from, to).flatMap((a) => (a.ov >= 0 ? [overseasRow(r, a)] : []));
  }),
  '카드-010': snapshot((r) => {
    const issuer = issuerAt(r);
    if (!issuer || !r.exists(issuer)) return undefined;
    return {
      body: {
        is_loan_revolving:
          (issuer.revolving?.reqDay ?? Number.POSITIVE_INFINITY) <= r.nowDay && r.monthStart.get(issuer.idx, C) > 0,
        is_loan_short_term: outstandingCash(r, issuer).length > 0,
        is_loan_long_term: cardLoanBalance(r, issuer).balance > 0,
      },
      changedAt: Math.max(
        firstDayOfMonth(r.nowMi) * SECONDS_PER_DAY,
        (issuer.revolving?.reqDay ?? 0) <= r.nowDay ? (issuer.revolving?.reqDay ?? 0) * SECONDS_PER_DAY : 0,
        cashAdvances(r, issuer).changedTs,
        cardLoanBalance(r, issuer).changedTs,
      ),
    };
  }),
  '카드-011': snapshot((r) => {
    const issuer = issuerAt(r);
    if (!issuer || !r.exists(issuer)) return undefined;
    const { cash, changedTs } = cashAdvances(r, issuer);
    return {
      body: {
        short_term_list: cash.map((c) => ({
          loan_dtime: dtime(c.ts),
          loan_amt: krw(c.amt),
          pay_due_date: date(dueDay(c.dueMi, issuer.payDom)),
          int_rate: rate(c.rateMilli),
        })),
      },
      changedAt: Math.max(changedTs, r.lastChangeBefore(issuer)),
    };
  }),
  '카드-012': snapshot((r) => {
    const issuer = issuerAt(r);
    if (!issuer || !r.exists(issuer)) return undefined;
    const loan = issuer.cardLoan;
    const { balance, lastInterest, changedTs } = cardLoanBalance(r, issuer);
    const items: Row[] = [];
    if (loan && balance > 0) {
      items.push({
        loan_dtime: dtime(loan.terms.startDay * SECONDS_PER_DAY + issuer.openedSec),
        loan_cnt: 1,
        loan_type: '카드론',
        loan_name: loan.name,
        loan_amt: krw(loan.terms.principal),
        int_rate: rate(loan.terms.rateMilli),
        exp_date: date(maturityDay(loan.terms)),
        balance_amt: krw(balance),
        repay_method: REPAY_METHOD_CODE[loan.terms.method],
        int_amt: krw(lastInterest),
      });
    }
    return {
      body: { long_term_list: items },
      changedAt: Math.max(firstDayOfMonth(r.nowMi) * SECONDS_PER_DAY, changedTs),
    };
  }),
  '선불-002': snapshot((r, slot) => {
    if (slot?.kind !== 'prepaidCard') return undefined;
    const { balance, changedTs } = prepaidAt(r, slot.idx);
    return { body: { balance_amt: krw(balance) }, changedAt: changedTs };
  }),
  '선불-003': series((r, slot, request) => {
    if (slot?.kind !== 'prepaidCard') return undefined;
    const [from, to] = r.dateRange(request);
    return r
      .collect((b) => b.money[slot.idx], from, to)
      .map((tx) => ({
        trans_dtime: dtime(tx.ts),
        trans_no: `${tx.ts}${tx.no}`,
        trans_type: tx.type,
        trans_amt: krw(tx.amt),
        balance_amt: krw(tx.bal),
      }));
  }),
  '선불-004': series((r, slot, request) => {
    if (slot?.kind !== 'prepaidCard') return undefined;
    const [from, to] = r.dateRange(request);
    return r
      .collect((b) => b.approvals[slot.idx], from, to)
      .map((a) => {
        const status = statusAt(r, a);
        return {
          approved_num: String(a.num),
          status: `0${status}`,
          approved_dtime: dtime(a.ts),
          ...(status === 2 ? { cancel_dtime: dtime(a.changeTs) } : {}),
          merchant_name: approvalMerchantName(r.world, a),
          merchant_regno: regnoOf(r, a),
          approved_amt: krw(a.amt),
        };
      });
  }),
};

/** A prepaid card's balance at now: the month's opening balance, top-ups and purchases up to now. */
export function prepaidAt(r: Reader, idx: number): { balance: number; changedTs: number } {
  const slot = r.slot(idx);
  let balance = r.monthStart.get(idx, 0);
  let changedTs = r.lastChangeBefore(slot);
  const bundle = r.bundle(r.nowMi);
  for (const tx of bundle?.money[idx] ?? []) {
    if (tx.ts > r.nowTs) continue;
    balance += tx.amt;
    changedTs = Math.max(changedTs, tx.ts);
  }
  for (const a of bundle?.approvals[idx] ?? []) {
    if (a.ts > r.nowTs || a.status === 2) continue;
    balance -= a.amt;
    changedTs = Math.max(changedTs, a.ts);
  }
  return { balance, changedTs };
}
