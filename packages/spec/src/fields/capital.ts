import type { FieldDef } from '../schema/shape.ts';

/**
 * Instalment-finance fields (할부금융-001…006). Every field these APIs use already has a definition with the
 * same meaning elsewhere, so none is redefined here:
 * - the account list and loan fields come from fields/bank.ts (via SHARED_BANK_FIELDS in fields/insu.ts),
 * - `account_type` (loan account type, no fixed code list) from fields/insu.ts,
 * - the rest (holder_name, issue_date, trans_* …) from fields/common.ts.
 * Capital-only names go here once the standard's chapter 6 shows any.
 */
export const CAPITAL_FIELDS = {} as const satisfies Record<string, FieldDef>;
