import { c, table } from '../model-table.ts';

/** Insurance (보험-002…007, 012) and guarantee insurance (보증보험-002, 003). */
export const INSURANCE = table({
  name: 'op_m_insurance',
  scope: 'asset',
  key: [],
  currency: 'currency_code',
  columns: {
    is_renewable: c.bool,
    issue_date: c.date,
    exp_date: c.date,
    face_amt: c.amount,
    currency_code: c.text,
    is_variable: c.bool,
    is_universal: c.bool,
    pension_rcv_start_date: c.date,
    pension_rcv_cycle: c.text,
    is_loanable: c.bool,
    /** The insured people (numbers and names): sealed as one list. */
    insured_list: c.sealedJson,
    pay_due: c.text,
    pay_amt: c.amount,
  },
});

export const INSU_CONTRACT = table({
  name: 'op_m_insu_contract',
  scope: 'asset',
  key: ['insured_no', 'contract_name'],
  currency: 'currency_code',
  columns: {
    insured_no: c.text,
    contract_name: c.text,
    contract_status: c.text,
    contract_exp_date: c.date,
    contract_face_amt: c.amount,
    currency_code: c.text,
    is_required: c.bool,
  },
});

export const CAR_INSURANCE = table({
  name: 'op_m_car_insurance',
  scope: 'asset',
  key: ['car_number'],
  columns: {
    car_number: c.sealed,
    car_insu_type: c.text,
    car_name: c.text,
    start_date: c.date,
    end_date: c.date,
    contract_age: c.text,
    contract_driver: c.text,
    own_dmg_coverage: c.bool,
    self_pay_rate: c.text,
    self_pay_amt: c.amount,
  },
});

export const INSU_PAYMENT = table({
  name: 'op_m_insu_payment',
  scope: 'asset',
  key: [],
  currency: 'currency_code',
  columns: {
    pay_due: c.text,
    pay_cycle: c.text,
    pay_cnt: c.int,
    pay_org_code: c.text,
    pay_date: c.text,
    pay_end_date: c.date,
    pay_amt: c.amount,
    currency_code: c.text,
    is_auto_pay: c.bool,
  },
});

export const INSU_TX = table({
  name: 'op_m_insu_tx',
  scope: 'asset',
  key: ['trans_date', 'trans_no'],
  fingerprintWhenMissing: 'trans_no',
  currency: 'currency_code',
  time: 'trans_date',
  columns: {
    trans_date: c.date,
    trans_applied_month: c.month,
    trans_no: c.text,
    paid_amt: c.amount,
    currency_code: c.text,
    pay_method: c.text,
  },
});

export const CAR_INSU_TX = table({
  name: 'op_m_car_insu_tx',
  scope: 'asset',
  key: ['car_number', 'trans_no'],
  time: 'trans_date',
  columns: {
    car_number: c.sealed,
    trans_date: c.date,
    trans_no: c.text,
    face_amt: c.amount,
    paid_amt: c.amount,
    pay_method: c.text,
  },
});

export const COVERAGE = table({
  name: 'op_m_coverage',
  scope: 'asset',
  key: ['insured_no', 'coverage_name'],
  currency: 'currency_code',
  columns: { insured_no: c.text, coverage_name: c.text, coverage_amt: c.amount, currency_code: c.text },
});
