import { c, table } from '../model-table.ts';

/** Bank investment products (은행-005, 006). */
export const FUND = table({
  name: 'op_m_fund',
  scope: 'asset',
  key: [],
  columns: { standard_fund_code: c.text, paid_in_type: c.text, issue_date: c.date, exp_date: c.date },
});

export const FUND_VALUE = table({
  name: 'op_m_fund_value',
  scope: 'asset',
  key: [],
  currency: 'currency_code',
  columns: {
    currency_code: c.text,
    balance_amt: c.amount,
    eval_amt: c.amount,
    inv_principal: c.amount,
    fund_num: c.decimal,
  },
});

/** Investment transactions: bank funds (은행-007) and securities accounts (금투-003). */
export const INVEST_TX = table({
  name: 'op_m_invest_tx',
  scope: 'asset',
  key: ['trans_dtime', 'trans_no'],
  fingerprintWhenMissing: 'trans_no',
  currency: 'currency_code',
  time: 'trans_dtime',
  columns: {
    trans_dtime: c.dtime,
    trans_no: c.text,
    trans_type: c.text,
    trans_type_detail: c.text,
    prod_code: c.text,
    prod_name: c.text,
    currency_code: c.text,
    base_amt: c.decimal,
    trans_num: c.decimal,
    trans_amt: c.amount,
    settle_amt: c.amount,
    balance_amt: c.amount,
  },
});

/** Securities accounts (금투-002), holdings (금투-004), pension (금투-005). */
export const INVEST_ACCOUNT = table({
  name: 'op_m_invest_account',
  scope: 'asset',
  key: [],
  currency: 'currency_code',
  columns: {
    issue_date: c.date,
    is_tax_benefits: c.bool,
    withholdings_amt: c.amount,
    credit_loan_amt: c.amount,
    mortgage_amt: c.amount,
    currency_code: c.text,
  },
});

export const HOLDING = table({
  name: 'op_m_holding',
  scope: 'asset',
  key: ['prod_type', 'prod_code', 'currency_code'],
  currency: 'currency_code',
  columns: {
    prod_type: c.text,
    prod_type_detail: c.text,
    prod_code: c.text,
    prod_name: c.text,
    purchase_amt: c.amount,
    holding_num: c.decimal,
    avail_for_sale_num: c.decimal,
    eval_amt: c.amount,
    issue_date: c.date,
    paid_in_amt: c.amount,
    withdrawal_amt: c.amount,
    last_paid_in_date: c.date,
    rcv_amt: c.amount,
    currency_code: c.text,
  },
});

export const PENSION = table({
  name: 'op_m_pension',
  scope: 'asset',
  key: [],
  columns: {
    paid_in_amt: c.amount,
    withdrawal_amt: c.amount,
    last_paid_in_date: c.date,
    rcv_start_date: c.date,
    rcv_amt: c.amount,
  },
});

/** IRP at banks, securities firms and insurers (IRP-002…004). */
export const IRP = table({
  name: 'op_m_irp',
  scope: 'asset',
  key: [],
  columns: {
    accum_amt: c.amount,
    eval_amt: c.amount,
    employer_amt: c.amount,
    employee_amt: c.amount,
    issue_date: c.date,
    first_deposit_date: c.date,
  },
});

export const IRP_PRODUCT = table({
  name: 'op_m_irp_product',
  scope: 'asset',
  key: ['irp_name', 'irp_type', 'open_date'],
  columns: {
    irp_name: c.text,
    irp_type: c.text,
    eval_amt: c.amount,
    inv_principal: c.amount,
    fund_num: c.decimal,
    open_date: c.date,
    exp_date: c.date,
    int_rate: c.decimal,
  },
});

export const IRP_TX = table({
  name: 'op_m_irp_tx',
  scope: 'asset',
  key: [],
  fingerprintWhenMissing: '*',
  time: 'trans_dtime',
  columns: { trans_dtime: c.dtime, trans_type: c.text, trans_amt: c.amount },
});
