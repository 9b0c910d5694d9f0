import type { InformationScope } from '@hannun/spec';
import type { Holding } from '../ledger/ledger.ts';

const OVERDRAFT_SCOPES: readonly string[] = ['bank.deposit', 'bank.loan'];

/**
 * Whether an API under `scope` is about this holding: the holding's scope must be the API's, except that a
 * 마이너스통장 (`is_minus` in 은행-001) is both a deposit and a loan account (규격 §2.2).
 */
export function assetApplies(holding: Holding, scope: InformationScope): boolean {
  if (holding.scope === scope) return true;
  return (
    holding.listItem['is_minus'] === true &&
    OVERDRAFT_SCOPES.includes(holding.scope) &&
    OVERDRAFT_SCOPES.includes(scope)
  );
}
