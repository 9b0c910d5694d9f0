import { fundProceeds } from '../finance/closing-payouts.ts';
import type { Row } from '../ledger.ts';
import { securityAt } from '../market/securities-universe.ts';
import type { BankFundSlot, Slot } from '../plan/plan-types.ts';
import type { FundTx } from '../simulate/events.ts';
import { A, B } from '../simulate/live-state.ts';
import { maturityOf } from '../simulate/saving-flows.ts';
import { addMonths, SECONDS_PER_DAY } from '../time/day-number.ts';
import { type ApiReader, series, snapshot } from './answer.ts';
import { bankStyleLoanReads } from './loan-reads.ts';
import { currencyOf, depositAt, isDepositLike } from './deposit-view.ts';
import type { Reader } from './reader.ts';
import { amountIn, cents, date, dayTransNo, dtime, krw, rate, units } from './row-values.ts';

/** The account that repays a loan, as 은행-008 and 할부금융-002 name it. */
export function repayAccount(r: Reader, idx: number): Row {
  const account = r.plan.slots[idx];
  if (account?.kind !== 'deposit') return {};
  return { repay_org_code: account.org, repay_account_num: account.accountNum };
}

const isFund = (slot: Slot | null): slot is BankFundSlot => slot?.kind === 'bankFund';

interface FundHeld {
  units: number;
  principal: number;
  changedTs: number;
  /** Sold whole (전액 환매): nothing is left and nothing changes any more. */
  redeemed: boolean;
}

function fundAt(r: Reader, slot: BankFundSlot): FundHeld {
  let u = r.monthStart.get(slot.idx, A);
  let principal = r.monthStart.get(slot.idx, B);
  let changedTs = r.lastChangeBefore(slot);
  let redeemed = slot.statusChange?.status === 'closed' && changedTs >= slot.statusChange.day * SECONDS_PER_DAY;
  for (const tx of r.bundle(r.nowMi)?.funds[slot.idx] ?? []) {
    if (tx.ts > r.nowTs) break;
    if (tx.type === '02') {
      u = 0;
      redeemed = true;
    } else u += tx.units;
    principal = tx.bal;
    changedTs = tx.ts;
  }
  return { units: u, principal, changedTs, redeemed };
}

/** 은행-002 … 은행-010: deposit, investment (fund) and loan accounts. */
export const BANK_READS: Readonly<Record<string, ApiReader>> = {
  '은행-002': snapshot((r, slot) => {
    if (!isDepositLike(slot)) return undefined;
    const body: Record<string, unknown> = {
      saving_method: slot.kind === 'savings' ? '01' : slot.kind === 'timeDeposit' ? '03' : '02',
      holder_name: r.plan.person.name,
      issue_date: date(slot.opened),
      currency_code: currencyOf(slot),
    };
    if (slot.kind === 'savings') {
      body['exp_date'] = date(maturityOf(slot));
      body['monthly_paid_in_amt'] = krw(slot.monthly);
      body['commit_amt'] = krw(slot.monthly * slot.months);
    }
    if (slot.kind === 'timeDeposit') {
      body['exp_date'] = date(maturityOf(slot));
      body['commit_amt'] = krw(slot.amount);
    }
    return { body, changedAt: r.listChangedTs(slot) };
  }),
  '은행-003': snapshot((r, slot) => {
    if (!isDepositLike(slot)) return undefined;
    const { balance, count, changedTs } = depositAt(r, slot);
    const currency = currencyOf(slot);
    const withdrawable = slot.kind === 'deposit' ? Math.max(0, balance + slot.minusLimit) : 0;
    const item: Record<string, unknown> = {
      currency_code: currency,
      balance_amt: amountIn(currency, balance),
      withdrawable_amt: amountIn(currency, withdrawable),
      offered_rate: rate(slot.rateMilli),
    };
    if (slot.kind === 'savings') item['last_paid_in_cnt'] = count;
    return { body: { detail_list: [item] }, changedAt: changedTs };
  }),
  '은행-004': series((r, slot, request) => {
    if (!isDepositLike(slot)) return undefined;
    const [from, to] = r.dateRange(request);
    const currency = currencyOf(slot);
    return r
      .collect((b) => b.bank[slot.idx], from, to)
      .map((tx) => {
        const row: Record<string, unknown> = {
          trans_dtime: dtime(tx.ts),
          trans_no: dayTransNo(tx.ts, tx.no),
          trans_type: tx.type,
          trans_class: tx.cls,
          currency_code: currency,
          trans_amt: amountIn(currency, tx.amt),
          balance_amt: amountIn(currency, tx.bal),
          trans_memo: tx.memo,
        };
        if (tx.cnt > 0) row['paid_in_cnt'] = tx.cnt;
        return row;
      });
  }),
  '은행-005': snapshot((r, slot) => {
    if (!isFund(slot)) return undefined;
    return {
      body: {
        standard_fund_code: securityAt(slot.fund).code,
        paid_in_type: '01',
        issue_date: date(slot.opened),
        exp_date: date(addMonths(slot.opened, 36)),
      },
      changedAt: r.listChangedTs(slot),
    };
  }),
  '은행-006': snapshot((r, slot) => {
    if (!isFund(slot)) return undefined;
    const { units: u, principal, changedTs, redeemed } = fundAt(r, slot);
    const nav = r.world.market.price(slot.fund, r.nowDay);
    return {
      body: {
        currency_code: 'KRW',
        balance_amt: krw(principal),
        eval_amt: krw(fundProceeds(u, nav)),
        inv_principal: krw(principal),
        fund_num: units(u),
      },
      // The valuation moves with each day's 기준가, until the fund is sold.
      changedAt: redeemed ? changedTs : Math.max(changedTs, r.nowDay * SECONDS_PER_DAY),
    };
  }),
  '은행-007': series((r, slot, request) => {
    if (!isFund(slot)) return undefined;
    const [from, to] = r.dateRange(request);
    return r
      .collect((b) => b.funds[slot.idx], from, to)
      .map((tx: FundTx) => ({
        trans_dtime: dtime(tx.ts),
        trans_no: dayTransNo(tx.ts, tx.no + 1),
        trans_type: tx.type,
        currency_code: 'KRW',
        base_amt: cents(Math.round(tx.nav * 100)),
        trans_fund_num: units(tx.units),
        trans_amt: krw(tx.amt),
        balance_amt: krw(tx.bal),
      }));
  }),
  ...bankStyleLoanReads('bankLoan', ['은행-008', '은행-009', '은행-010'], repayAccount),
};
