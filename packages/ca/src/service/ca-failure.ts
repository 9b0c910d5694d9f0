import type { RspCode } from '@hannun/spec';

/**
 * A refusal of 통합인증-102…104: the rsp_code, a Korean detail for rsp_msg (never a CI, PIN, token or
 * consent text), and an English reason for the log and tests. Steps return it instead of throwing.
 */
export class CaFailure {
  constructor(
    readonly rspCode: RspCode,
    readonly detail?: string,
    readonly reason?: string,
  ) {}
}

export function fail(rspCode: RspCode, detail?: string, reason?: string): CaFailure {
  return new CaFailure(rspCode, detail, reason);
}

export function isFailure(value: unknown): value is CaFailure {
  return value instanceof CaFailure;
}
