import type { FastifyRequest } from '@hannun/infra';
import type { Registry } from '@hannun/registry';
import { isValidTranId } from '@hannun/spec';
import { isFailure } from '../check-chain/check-failure.ts';
import { type AuthDeps, registryOf } from './auth-deps.ts';
import { formFields } from './form-body.ts';
import { type OAuthFailure, isOAuthFailure, oauthFail } from './oauth-failure.ts';

export interface Prelude {
  readonly registry: Registry;
  /** The calling organisation when mutual TLS names it. */
  readonly callerOrg: string | undefined;
  readonly tranId: string;
  readonly fields: Record<string, string>;
}

/**
 * What the token and revoke endpoints check before the grant: the registry is there, the transport (client
 * certificate serial, source address: `unauthorized_client`, 첨부1), x-api-tran-id, and the form body.
 */
export function endpointPrelude(deps: AuthDeps, request: FastifyRequest): Prelude | OAuthFailure {
  const registry = registryOf(deps);
  if (isOAuthFailure(registry)) return registry;
  const caller = deps.transport(request);
  if (isFailure(caller)) {
    return oauthFail(
      'unauthorized_client',
      caller.rspCode === '40103' ? '인증서(SERIALNUMBER) 검증 실패' : '허용되지 않은 원격지 IP',
      caller.reason ?? `transport refused (${caller.rspCode})`,
    );
  }
  const tranId = request.headers['x-api-tran-id'];
  if (typeof tranId !== 'string' || tranId === '') {
    return oauthFail('invalid_request', 'x-api-tran-id: 필수 헤더가 없습니다', 'x-api-tran-id is missing');
  }
  if (!isValidTranId(tranId)) {
    return oauthFail('invalid_request', 'x-api-tran-id: 형식 오류', 'x-api-tran-id is malformed');
  }
  const fields = formFields(request.body, request.headers['content-type']);
  if (isOAuthFailure(fields)) return fields;
  return { registry, callerOrg: caller, tranId, fields };
}

/** org_code of the form is this institution's (invalid_request otherwise). */
export function checkOrgCode(given: string, orgCode: string): OAuthFailure | undefined {
  return given === orgCode
    ? undefined
    : oauthFail('invalid_request', 'org_code: 이 정보제공자의 기관코드가 아닙니다', 'org_code is not this institution');
}
