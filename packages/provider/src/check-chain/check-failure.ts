import type { RspCode } from '@hannun/spec';

/**
 * A step of the check chain that says no: the rsp_code, a Korean detail for rsp_msg (never a token, CI,
 * account or card number), and an English reason for logs and tests. Steps return it instead of
 * throwing, so the chain reads as a sequence of values.
 */
export class CheckFailure {
  constructor(
    readonly rspCode: RspCode,
    readonly detail?: string,
    readonly reason?: string,
  ) {}
}

export function fail(rspCode: RspCode, detail?: string, reason?: string): CheckFailure {
  return new CheckFailure(rspCode, detail, reason);
}

export function isFailure(value: unknown): value is CheckFailure {
  return value instanceof CheckFailure;
}
