import { c, table } from '../model-table.ts';

/** Prepaid cards of card issuers and banks (선불-002, 003). */
export const PREPAID_BALANCE = table({
  name: 'op_m_prepaid_balance',
  scope: 'asset',
  key: [],
  columns: { balance_amt: c.amount },
});

export const PREPAID_TX = table({
  name: 'op_m_prepaid_tx',
  scope: 'asset',
  key: ['trans_dtime', 'trans_no'],
  fingerprintWhenMissing: 'trans_no',
  time: 'trans_dtime',
  columns: { trans_dtime: c.dtime, trans_no: c.text, trans_type: c.text, trans_amt: c.amount, balance_amt: c.amount },
});

/** E-money (선불전자지급수단, 전금-002…004). */
export const EMONEY_BALANCE = table({
  name: 'op_m_emoney_balance',
  scope: 'asset',
  key: [],
  columns: {
    total_balance_amt: c.amount,
    charge_balance_amt: c.amount,
    reserve_balance_amt: c.amount,
    reserve_due_amt: c.amount,
    exp_due_amt: c.amount,
    limit_amt: c.amount,
  },
});

export const EMONEY_CHARGE = table({
  name: 'op_m_emoney_charge',
  scope: 'asset',
  key: [],
  columns: {
    charge_org_code: c.text,
    charge_account_num: c.sealedIndexed,
    charge_option: c.text,
    charge_day: c.text,
    charge_base_amt: c.amount,
    charge_amt: c.amount,
  },
});

export const EMONEY_TX = table({
  name: 'op_m_emoney_tx',
  scope: 'asset',
  key: ['trans_dtime', 'trans_num'],
  fingerprintWhenMissing: 'trans_num',
  time: 'trans_dtime',
  columns: {
    trans_type: c.text,
    trans_dtime: c.dtime,
    trans_num: c.text,
    trans_amt: c.amount,
    balance_amt: c.amount,
    trans_org_code: c.text,
    trans_id: c.text,
  },
});

/** 간편결제: payment methods (전금-102) and payments and orders (전금-103). */
export const PAY_METHOD = table({
  name: 'op_m_pay_method',
  scope: 'asset',
  key: ['pay_org_code', 'pay_id'],
  columns: { pay_org_code: c.text, pay_id: c.sealed, is_primary: c.bool },
});

export const PAYMENT = table({
  name: 'op_m_payment',
  scope: 'asset',
  key: ['trans_dtime', 'trans_num'],
  fingerprintWhenMissing: 'trans_num',
  time: 'trans_dtime',
  columns: {
    trans_type: c.text,
    fob_name: c.text,
    trans_num: c.text,
    trans_dtime: c.dtime,
    trans_amt: c.amount,
    trans_org_code: c.text,
    trans_id: c.text,
    total_install_cnt: c.int,
    merchant_name: c.text,
    merchant_regno: c.text,
    /** The order (주문) title and category: consent-gated (is_consent_trans_category). */
    trans_title: c.text,
    trans_category: c.text,
    pay_method: c.text,
    trans_memo: c.sealed,
  },
});
