import type { CallerRegistry } from './caller-registry.ts';
import { type CheckFailure, fail } from './check-failure.ts';

/**
 * Step 1, 40103: the client certificate's SERIALNUMBER must belong to a registered organisation. Returns
 * the caller's org_code. Without mutual TLS (`requireMtls: false`, development) the step is skipped and the
 * caller stays unknown (undefined); the engine says so loudly at start.
 */
export function checkClientCert(
  requireMtls: boolean,
  serial: string | undefined,
  callers: CallerRegistry,
): string | undefined | CheckFailure {
  if (!requireMtls) return undefined;
  if (serial === undefined || serial === '') {
    return fail('40103', '클라이언트 인증서가 없습니다', 'no client certificate');
  }
  const orgCode = callers.orgBySerial(serial);
  if (orgCode === undefined) {
    return fail('40103', '등록되지 않은 인증서입니다', 'client certificate serial not registered');
  }
  return orgCode;
}
