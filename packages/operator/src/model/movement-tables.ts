import { apiById } from '@hannun/spec';
import { MODEL_ROUTES } from './model-routes.ts';
import type { ModelTableDef } from './model-table.ts';

/** The lists that are a history of movements (transactions, approvals), not a state. */
const MOVEMENT_LISTS = new Set(['trans_list', 'approved_list']);

/**
 * The model tables of movements for each list API (the asset's source): from the model's own routes, e.g.
 * 은행-001 → op_m_deposit_tx, op_m_invest_tx, op_m_loan_tx; 카드-001 → op_m_approval.
 */
export const MOVEMENT_TABLES: ReadonlyMap<string, readonly ModelTableDef[]> = (() => {
  const out = new Map<string, ModelTableDef[]>();
  for (const r of MODEL_ROUTES) {
    if (!r.list || !MOVEMENT_LISTS.has(r.list) || r.table.scope !== 'asset' || !r.table.time) continue;
    const listApi = apiById(r.api).listedBy;
    if (!listApi) continue;
    const tables = out.get(listApi) ?? [];
    if (!tables.includes(r.table)) tables.push(r.table);
    out.set(listApi, tables);
  }
  return out;
})();

/** Every movement table once (a person's transactions across all their assets). */
export const MOVEMENT_TABLE_DEFS: readonly ModelTableDef[] = [...new Set([...MOVEMENT_TABLES.values()].flat())];

/**
 * Which way money moved, read from one amount column:
 * - `signed`: the provider signs the amount from the account's side (negative = out): deposits, e-money, prepaid;
 * - `spend`: the amount is what the person paid (positive = out, a negative one is a refund or cancellation = in):
 *   approvals, payments, premiums, telecom bills and small payments, loan and bond repayments.
 * Investment and pension trades (op_m_invest_tx, op_m_irp_tx) have none: their trans_type says buy or sell,
 * codes the standard's public text does not fix (PROVISIONAL), so a direction filter leaves them out.
 */
export interface DirectionRule {
  readonly amount: string;
  readonly sign: 'signed' | 'spend';
}

const DIRECTION_RULES: Readonly<Record<string, DirectionRule>> = {
  op_m_deposit_tx: { amount: 'trans_amt', sign: 'signed' },
  op_m_prepaid_tx: { amount: 'trans_amt', sign: 'signed' },
  op_m_emoney_tx: { amount: 'trans_amt', sign: 'signed' },
  op_m_approval: { amount: 'approved_amt', sign: 'spend' },
  op_m_payment: { amount: 'trans_amt', sign: 'spend' },
  op_m_insu_tx: { amount: 'paid_amt', sign: 'spend' },
  op_m_car_insu_tx: { amount: 'paid_amt', sign: 'spend' },
  op_m_telecom_tx: { amount: 'paid_amt', sign: 'spend' },
  op_m_telecom_paid_tx: { amount: 'trans_amt', sign: 'spend' },
  op_m_loan_tx: { amount: 'trans_amt', sign: 'spend' },
  op_m_bond_tx: { amount: 'trans_amt', sign: 'spend' },
};

export function directionRule(table: string): DirectionRule | undefined {
  return DIRECTION_RULES[table];
}

/** The direction of one opened row (null when its table has no rule or the amount is absent). */
export function directionOf(table: string, values: Readonly<Record<string, unknown>>): 'in' | 'out' | null {
  const rule = DIRECTION_RULES[table];
  if (!rule) return null;
  const v = values[rule.amount];
  if (typeof v !== 'number' && typeof v !== 'string') return null;
  const negative = typeof v === 'number' ? v < 0 : v.startsWith('-');
  return (rule.sign === 'signed') === negative ? 'out' : 'in';
}

/**
 * The columns a text search looks in: names and descriptions, never codes or amounts. trans_memo is sealed
 * with the person's key, so the search runs over opened rows (see transaction-pages.ts), not in SQL.
 */
export const SEARCHABLE_COLUMNS = [
  'merchant_name',
  'trans_class',
  'trans_memo',
  'prod_name',
  'trans_title',
  'trans_category',
  'trans_type_detail',
  'fob_name',
] as const;
