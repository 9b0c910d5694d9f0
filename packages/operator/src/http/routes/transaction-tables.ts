import { apiById } from '@hannun/spec';
import { MODEL_ROUTES } from '../../model/model-routes.ts';
import type { ModelTableDef } from '../../model/model-table.ts';

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
