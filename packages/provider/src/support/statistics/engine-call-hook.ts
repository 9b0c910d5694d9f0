import type { FastifyRequest } from '@hannun/infra';
import { apiById, isApiType, type RspCode, statisticsTypeOf, tmSlotOfKstMinute } from '@hannun/spec';
import { decodeJwt } from 'jose';
import type { Passed } from '../../check-chain/run-check-chain.ts';
import { kstMinuteOfDay } from '../../clock/kst.ts';
import type { ConsentStore } from '../../consent/consent.ts';
import type { AnsweredCall, CallTally } from './call-tally.ts';

/** What the engine knows once it has answered an information-API call. */
export interface EngineCall {
  readonly request: FastifyRequest;
  /** The institution that answered. */
  readonly orgCode: string;
  readonly apiId: string;
  /** The check chain's result when the call passed it (the token's consent names the service). */
  readonly passed: Passed | undefined;
  readonly rspCode: RspCode;
  /** The provider clock when the call arrived. */
  readonly nowMs: number;
  readonly elapsedMs: number;
}

export type CallHook = (call: EngineCall) => void;

export interface CallHookOptions {
  readonly tally: CallTally;
  readonly consents: ConsentStore;
  /** The org_code the request's client certificate names, when there is one (mutual TLS). */
  readonly callerOrg: (request: FastifyRequest) => string | undefined;
}

/**
 * Who made a call the chain refused: the token's consent, read without verifying the token (the call was
 * refused anyway; this only decides which service's failure it was), and only when that consent is one of this
 * institution's and belongs to the organisation the client certificate names. Anything else stays unattributed.
 */
function attributeRefused(opts: CallHookOptions, call: EngineCall): AnsweredCall['caller'] {
  const header = call.request.headers.authorization;
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return undefined;
  let sub: unknown;
  try {
    sub = decodeJwt(header.slice(7)).sub;
  } catch {
    return undefined;
  }
  if (typeof sub !== 'string') return undefined;
  const consent = opts.consents.get(sub);
  if (!consent || consent.orgCode !== call.orgCode) return undefined;
  const certOrg = opts.callerOrg(call.request);
  if (certOrg !== undefined && certOrg !== consent.recipientOrgCode) return undefined;
  return { orgCode: consent.recipientOrgCode, clientId: consent.clientId };
}

/**
 * The engine's hook for the weekly statistics (지원-005): every answered information-API call goes into the
 * tally with its institution, calling service, API code, type (x-api-type), rsp_code, time slot and time taken.
 */
export function createCallHook(opts: CallHookOptions): CallHook {
  const codes = new Map<string, string>();
  const codeOf = (apiId: string) => {
    let code = codes.get(apiId);
    if (code === undefined) {
      code = apiById(apiId).code;
      codes.set(apiId, code);
    }
    return code;
  };
  return (call) => {
    const header = call.request.headers['x-api-type'];
    const apiType = call.passed?.apiType ?? (typeof header === 'string' && isApiType(header) ? header : undefined);
    opts.tally.record({
      orgCode: call.orgCode,
      atMs: call.nowMs,
      caller: call.passed
        ? { orgCode: call.passed.consent.recipientOrgCode, clientId: call.passed.consent.clientId }
        : attributeRefused(opts, call),
      apiCode: codeOf(call.apiId),
      type: apiType === undefined ? '2' : statisticsTypeOf(apiType),
      slot: tmSlotOfKstMinute(kstMinuteOfDay(call.nowMs)),
      rspCode: call.rspCode,
      elapsedMs: call.elapsedMs,
    });
  };
}
