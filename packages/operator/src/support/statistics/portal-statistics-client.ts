import { type ManageToken, requestManageToken, type SupportCaller, SupportApiError } from '@hannun/registry';
import { apiById, apiPath, generateTranId, type WireObject } from '@hannun/spec';
import { fetch } from 'undici';

const MYDATA_STATISTICS = apiById('지원-004');

/** Sends an operator's weekly statistics to the portal (지원-004). */
export interface OperatorStatisticsClient {
  /** POST one week; resolves on 00000, throws SupportApiError with the portal's rsp_code otherwise. */
  send(body: WireObject): Promise<void>;
}

/**
 * The portal as the operator reaches it: its own certificate (mutual TLS, `caller.dispatcher`) and the credential
 * the portal issued it (지원-001), the token kept until shortly before it expires and fetched again after a 40101.
 */
export function createOperatorStatisticsClient(
  caller: SupportCaller,
  nowMs: () => number = Date.now,
): OperatorStatisticsClient {
  let token: ManageToken | undefined;
  const freshToken = async (): Promise<string> => {
    if (!token || nowMs() >= token.renewAtMs) token = await requestManageToken(caller, nowMs());
    return token.accessToken;
  };
  const post = async (body: WireObject, bearer: string) => {
    const res = await fetch(new URL(apiPath(MYDATA_STATISTICS, { version: 'v2' }), caller.portalUrl), {
      method: 'POST',
      ...(caller.dispatcher ? { dispatcher: caller.dispatcher } : {}),
      headers: {
        authorization: `Bearer ${bearer}`,
        'content-type': 'application/json; charset=utf-8',
        'x-api-tran-id': generateTranId(caller.orgCode, caller.tranIdKind),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(caller.timeoutMs ?? 10_000),
    });
    const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
    const code = typeof json?.rsp_code === 'string' ? json.rsp_code : `HTTP ${res.status}`;
    const message = typeof json?.rsp_msg === 'string' ? json.rsp_msg : '';
    return { status: res.status, code, message };
  };
  return {
    async send(body) {
      let answer = await post(body, await freshToken());
      if (answer.code === '40101') {
        token = undefined;
        answer = await post(body, await freshToken());
      }
      if (answer.code !== '00000') {
        throw new SupportApiError(MYDATA_STATISTICS.id, answer.status, answer.code, answer.message);
      }
    },
  };
}
