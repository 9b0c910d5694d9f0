import type { ApiType } from '@hannun/spec';
import { type CheckFailure, fail } from './check-failure.ts';
import type { NpWindows } from './np-time-windows.ts';

/** Step 17, 50009: scheduled calls only inside the institution's np_time windows (Korean time). */
export function checkNpTime(
  apiType: ApiType,
  windows: NpWindows,
  minuteOfDay: number,
  npTimes: readonly string[],
): CheckFailure | undefined {
  if (apiType !== 'scheduled' || windows.contains(minuteOfDay)) return undefined;
  return fail('50009', `전송 가능 시간: ${npTimes.join(', ')}`, 'scheduled call outside np_time');
}
