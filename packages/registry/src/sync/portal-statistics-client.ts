import { apiById, apiPath, generateTranId, type WireObject } from '@hannun/spec';
import { fetch } from 'undici';
import { type ManageToken, requestManageToken, type SupportCaller, SupportApiError } from './support-client.ts';

/** Sends weekly statistics to the portal (지원-004 an operator's, 지원-005 a provider's), with a 지원-001 token it keeps and renews. */
export interface PortalStatisticsClient {
  /** POST one week; resolves on 00000, throws SupportApiError with the portal's rsp_code otherwise. */
  send(body: WireObject): Promise<void>;
}

/**
 * The portal as the statistics sender reaches it: the sender's own certificate (mutual TLS) and credential
 * (지원-001), the token kept until a minute before it expires and fetched again after a 40101.
 */
export function createPortalStatisticsClient(
  caller: SupportCaller,
  apiId: '지원-004' | '지원-005',
  nowMs: () => number = Date.now,
): PortalStatisticsClient {
  const api = apiById(apiId);
  let token: ManageToken | undefined;
  const freshToken = async (): Promise<string> => {
    if (!token || nowMs() >= token.renewAtMs) token = await requestManageToken(caller, nowMs());
    return token.accessToken;
  };
  const post = async (body: WireObject, bearer: string) => {
    const res = await fetch(new URL(apiPath(api, { version: 'v2' }), caller.portalUrl), {
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
        token = undefined; // revoked, or the portal restarted with other keys: once more with a new token
        answer = await post(body, await freshToken());
      }
      if (answer.code !== '00000') {
        throw new SupportApiError(api.id, answer.status, answer.code, answer.message);
      }
    },
  };
}
