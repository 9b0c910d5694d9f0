import { c, table } from '../model-table.ts';

/**
 * Loans of every industry in one shape: bank (은행-008…010), insurance policy loans (보험-009…011),
 * instalment finance and operating leases (할부금융-002…006), P2P (P2P-002…004).
 */
export const LOAN = table({
  name: 'op_m_loan',
  scope: 'asset',
  key: [],
  columns: {
    holder_name: c.sealed,
    issue_date: c.date,
    exp_date: c.date,
    last_offered_rate: c.decimal,
    repay_date: c.text,
    repay_method: c.text,
    repay_org_code: c.text,
    repay_account_num: c.sealed,
    next_repay_date: c.date,
    insu_num: c.sealed,
  },
});

export const LOAN_BALANCE = table({
  name: 'op_m_loan_balance',
  scope: 'asset',
  key: [],
  currency: 'currency_code',
  columns: { currency_code: c.text, balance_amt: c.amount, loan_principal: c.amount, next_repay_date: c.date },
});

export const LOAN_TX = table({
  name: 'op_m_loan_tx',
  scope: 'asset',
  key: ['trans_dtime', 'trans_no'],
  fingerprintWhenMissing: 'trans_no',
  currency: 'currency_code',
  time: 'trans_dtime',
  columns: {
    trans_dtime: c.dtime,
    trans_no: c.text,
    trans_type: c.text,
    currency_code: c.text,
    trans_amt: c.amount,
    balance_amt: c.amount,
    principal_amt: c.amount,
    int_amt: c.amount,
    int_list: c.json,
  },
});

/** P2P lending needs nothing of its own: P2P-002…004 share the loan tables (see model-routes.ts). */
