import { type CheckFailure, fail } from './check-failure.ts';

/**
 * Step 7, 40303: the request's org_code must be this institution's. It is read from the undecoded input
 * (query or JSON body), before the request is decoded: a missing or non-string org_code is left to the
 * decoding step (40001).
 */
export function checkOrgCode(raw: unknown, orgCode: string): CheckFailure | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const given = (raw as Record<string, unknown>)['org_code'];
  if (typeof given !== 'string' || given === '' || given === orgCode) return undefined;
  return fail('40303', '요청한 기관코드가 이 기관이 아닙니다', 'org_code is another institution');
}
