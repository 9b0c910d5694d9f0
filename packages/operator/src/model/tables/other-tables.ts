import { c, table } from '../model-table.ts';

/** Telecom (통신-002…004): bills, payments of the bill, small payments (소액결제). */
export const TELECOM_BILL = table({
  name: 'op_m_telecom_bill',
  scope: 'org',
  key: ['mgmt_id', 'charge_month'],
  time: 'charge_month',
  columns: { mgmt_id: c.text, charge_month: c.month, charge_amt: c.amount, charge_date: c.date },
});

export const TELECOM_TX = table({
  name: 'op_m_telecom_tx',
  scope: 'asset',
  key: ['trans_month'],
  time: 'trans_month',
  columns: { trans_month: c.month, paid_amt: c.amount, pay_method: c.text },
});

export const TELECOM_PAID_TX = table({
  name: 'op_m_telecom_paid_tx',
  scope: 'asset',
  key: [],
  fingerprintWhenMissing: '*',
  time: 'trans_date',
  columns: { trans_date: c.date, trans_amt: c.amount, merchant_name: c.text, trans_title: c.text },
});

/** Bonds bought by debt buyers and money lenders (채권-002, 003). */
export const BOND = table({
  name: 'op_m_bond',
  scope: 'asset',
  key: [],
  currency: 'currency_code',
  columns: { currency_code: c.text, balance_amt: c.amount },
});

export const BOND_TX = table({
  name: 'op_m_bond_tx',
  scope: 'asset',
  key: ['trans_dtime', 'trans_no'],
  fingerprintWhenMissing: 'trans_no',
  time: 'trans_dtime',
  columns: { trans_dtime: c.dtime, trans_no: c.text, trans_type: c.text, trans_amt: c.amount, balance_amt: c.amount },
});
