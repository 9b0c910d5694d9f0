import { c, table } from '../model-table.ts';

/** Bank deposits and savings (은행-002…004). */
export const DEPOSIT = table({
  name: 'op_m_deposit',
  scope: 'asset',
  key: [],
  currency: 'currency_code',
  columns: {
    saving_method: c.text,
    holder_name: c.sealed,
    issue_date: c.date,
    exp_date: c.date,
    currency_code: c.text,
    commit_amt: c.amount,
    monthly_paid_in_amt: c.amount,
  },
});

export const DEPOSIT_BALANCE = table({
  name: 'op_m_deposit_balance',
  scope: 'asset',
  key: ['currency_code'],
  currency: 'currency_code',
  columns: {
    currency_code: c.text,
    balance_amt: c.amount,
    withdrawable_amt: c.amount,
    offered_rate: c.decimal,
    last_paid_in_cnt: c.int,
  },
});

export const DEPOSIT_TX = table({
  name: 'op_m_deposit_tx',
  scope: 'asset',
  key: ['trans_dtime', 'trans_no'],
  fingerprintWhenMissing: 'trans_no',
  currency: 'currency_code',
  time: 'trans_dtime',
  columns: {
    trans_dtime: c.dtime,
    trans_no: c.text,
    trans_type: c.text,
    trans_class: c.text,
    currency_code: c.text,
    trans_amt: c.amount,
    balance_amt: c.amount,
    paid_in_cnt: c.int,
    trans_memo: c.sealed,
  },
});
