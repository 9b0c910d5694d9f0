import type { CallerRegistry } from './caller-registry.ts';
import { type CheckFailure, fail } from './check-failure.ts';

/** Step 2, 40102: the remote IP must be on the caller's allow-list (loopback is allowed by default). */
export function checkSourceIp(
  ip: string,
  callerOrg: string | undefined,
  callers: CallerRegistry,
): CheckFailure | undefined {
  if (callers.ipAllowed(ip, callerOrg)) return undefined;
  return fail('40102', undefined, 'remote IP not on the allow-list');
}
