import { c, table } from '../model-table.ts';

/** Cards (카드-002…012) and prepaid approvals (선불-004). */
export const CARD = table({
  name: 'op_m_card',
  scope: 'asset',
  key: [],
  columns: {
    card_type: c.text,
    is_trans_payable: c.bool,
    is_cash_card: c.bool,
    linked_bank_code: c.text,
    card_brand: c.text,
    annual_fee: c.amount,
    issue_date: c.date,
  },
});

export const CARD_POINT = table({
  name: 'op_m_card_point',
  scope: 'org',
  key: ['point_name'],
  columns: { point_name: c.text, remain_point_amt: c.int, expiring_point_amt: c.int },
});

export const CARD_BILL = table({
  name: 'op_m_card_bill',
  scope: 'org',
  key: ['charge_month', 'seqno'],
  time: 'charge_month',
  columns: {
    seqno: c.text,
    charge_amt: c.amount,
    charge_day: c.text,
    charge_month: c.month,
    paid_out_date: c.date,
    card_type: c.text,
  },
});

export const CARD_BILL_DETAIL = table({
  name: 'op_m_card_bill_detail',
  scope: 'org',
  key: ['charge_month', 'seqno', 'card_id', 'paid_dtime', 'trans_no'],
  fingerprintWhenMissing: 'trans_no',
  currency: 'currency_code',
  time: 'paid_dtime',
  columns: {
    charge_month: c.month,
    seqno: c.text,
    card_id: c.text,
    paid_dtime: c.dtime,
    trans_no: c.text,
    paid_amt: c.amount,
    currency_code: c.text,
    merchant_name: c.text,
    credit_fee_amt: c.amount,
    total_install_cnt: c.int,
    cur_install_cnt: c.int,
    balance_amt: c.amount,
    prod_type: c.text,
  },
});

export const CARD_PAYMENT = table({
  name: 'op_m_card_payment',
  scope: 'org',
  key: ['seqno', 'pay_due_date'],
  columns: { seqno: c.text, pay_due_date: c.date, pay_amt: c.amount },
});

export const CARD_REVOLVING = table({
  name: 'op_m_card_revolving',
  scope: 'org',
  key: ['req_date'],
  columns: {
    req_date: c.date,
    min_pay_rate: c.decimal,
    min_pay_amt: c.amount,
    agreed_pay_rate: c.decimal,
    remained_amt: c.amount,
  },
});

/** Approvals: domestic (카드-008), overseas (카드-009), prepaid (선불-004); `region` says which. */
export const APPROVAL = table({
  name: 'op_m_approval',
  scope: 'asset',
  key: ['region', 'approved_num', 'approved_dtime'],
  currency: 'currency_code',
  time: 'approved_dtime',
  columns: {
    region: c.text,
    approved_num: c.text,
    status: c.text,
    pay_type: c.text,
    approved_dtime: c.dtime,
    cancel_dtime: c.dtime,
    merchant_name: c.text,
    merchant_regno: c.text,
    approved_amt: c.amount,
    trans_dtime: c.dtime,
    modified_amt: c.amount,
    total_install_cnt: c.int,
    country_code: c.text,
    currency_code: c.text,
    krw_amt: c.krwAmount,
  },
});

export const CARD_LOAN_SUMMARY = table({
  name: 'op_m_card_loan_summary',
  scope: 'org',
  key: [],
  columns: { is_loan_revolving: c.bool, is_loan_short_term: c.bool, is_loan_long_term: c.bool },
});

/** Short-term (카드-011, 현금서비스) and long-term (카드-012, 카드론) card loans; `term` says which. */
export const CARD_LOAN = table({
  name: 'op_m_card_loan',
  scope: 'org',
  key: ['term', 'loan_dtime', 'loan_name'],
  columns: {
    term: c.text,
    loan_dtime: c.dtime,
    loan_cnt: c.int,
    loan_type: c.text,
    loan_name: c.text,
    loan_amt: c.amount,
    pay_due_date: c.date,
    int_rate: c.decimal,
    exp_date: c.date,
    balance_amt: c.amount,
    repay_method: c.text,
    int_amt: c.amount,
  },
});
