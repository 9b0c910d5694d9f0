import type { Holding } from '../ledger/ledger.ts';
import { type CheckFailure, fail } from './check-failure.ts';

const STATE_KO: Record<Holding['status'], string> = {
  normal: '정상',
  dormant: '휴면',
  closed: '해지',
  suspended: '정지',
  lost: '분실',
  matured: '만기',
};

/** Step 13, 40305: only an asset in its normal state is answered for (not closed, lost, dormant …). */
export function checkAssetState(holding: Holding): CheckFailure | undefined {
  if (holding.status === 'normal') return undefined;
  return fail('40305', `자산 상태: ${STATE_KO[holding.status]}`, `asset is ${holding.status}`);
}
