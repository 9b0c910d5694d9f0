import type { ProviderStatus } from '@hannun/spec';
import { kstMinuteOfDay } from '../clock/kst.ts';
import { parseNpWindows } from '../check-chain/np-time-windows.ts';
import type { FaultInjector } from '../hooks/fault-injection.ts';

/**
 * 지원-102's answer for one institution now: 03 maintenance inside a maintenance window the test hooks set,
 * 02 failure while faults are injected (an rsp_code, timeouts or broken bodies for every API), 01 otherwise.
 * Faults limited to some APIs leave it normal: the server is up.
 */
export function availabilityOf(faults: FaultInjector | undefined, orgCode: string, nowMs: number): ProviderStatus {
  const f = faults?.get(orgCode);
  if (!f) return '01';
  if (f.maintenance && parseNpWindows(f.maintenance).contains(kstMinuteOfDay(nowMs))) return '03';
  const everyApi = f.apis === undefined || f.apis.length === 0;
  if (everyApi && (f.rspCode !== undefined || f.timeout === true || f.malformed !== undefined)) return '02';
  return '01';
}
