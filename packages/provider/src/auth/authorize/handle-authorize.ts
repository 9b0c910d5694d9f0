import type { FastifyReply, FastifyRequest } from '@hannun/infra';
import type { RegisteredService } from '@hannun/registry';
import {
  AUTHORIZE_QUERY,
  AUTH_FIELDS,
  decodeMessage,
  decodeValue,
  generateTranId,
  isValidTranId,
  OAUTH_ERRORS,
  WireError,
} from '@hannun/spec';
import { isFailure } from '../../check-chain/check-failure.ts';
import { type AuthDeps, type AuthInstitution, registryOf } from '../auth-deps.ts';
import { fitDescription, isOAuthFailure, type OAuthFailure, oauthFail } from '../oauth-failure.ts';
import { randomToken } from '../secrets.ts';
import type { AuthRequest } from '../store/auth-store.ts';
import { callbackUrl } from './callback-url.ts';

type Query = Record<string, string | string[] | undefined>;

/** A query value given once; a repeated parameter is refused like a malformed one. */
function one(query: Query, name: string): string | undefined {
  const v = query[name];
  return Array.isArray(v) ? undefined : v;
}

function wireProblem(field: string, error: unknown): string {
  if (error instanceof WireError) return error.messageKo;
  return `${field}: 형식 오류`;
}

/** Decode one field of the authorize query with its dictionary type (client_id, redirect_uri). */
function decodeField(name: 'client_id' | 'redirect_uri', raw: string | undefined): string | OAuthFailure {
  if (raw === undefined || raw === '')
    return oauthFail('invalid_request', `${name}: 필수 항목입니다`, `${name} missing`);
  try {
    return decodeValue(AUTH_FIELDS[name].type, raw, { field: name, location: 'query' });
  } catch (error) {
    return oauthFail('invalid_request', wireProblem(name, error), `${name} malformed`);
  }
}

/**
 * Steps that answer JSON 400 (규격 §5.1.1 ①): the client_id is a registered service and redirect_uri one
 * of its callbacks. Until both hold there is nowhere safe to redirect to.
 */
function checkClient(deps: AuthDeps, query: Query): { service: RegisteredService; redirectUri: string } | OAuthFailure {
  const registry = registryOf(deps);
  if (isOAuthFailure(registry)) return registry;
  const clientId = decodeField('client_id', one(query, 'client_id'));
  if (isOAuthFailure(clientId)) return clientId;
  const service = registry.service(clientId);
  if (!service) return oauthFail('invalid_request', 'client_id: 등록되지 않은 클라이언트', 'unknown client_id');
  const redirectUri = decodeField('redirect_uri', one(query, 'redirect_uri'));
  if (isOAuthFailure(redirectUri)) return redirectUri;
  if (!service.redirectUris.includes(redirectUri)) {
    return oauthFail('invalid_request', 'redirect_uri: 등록되지 않은 Callback URL', 'redirect_uri not registered');
  }
  return { service, redirectUri };
}

function decodeQuery(fields: Record<string, string>) {
  try {
    return decodeMessage(AUTHORIZE_QUERY, fields, { location: 'query', unknown: 'strip' });
  } catch (error) {
    if (error instanceof WireError) return oauthFail('invalid_request', error.messageKo, error.message);
    throw error;
  }
}

/** Steps that redirect their error to the callback (규격 §5.1.1 ②). */
function checkRest(
  deps: AuthDeps,
  inst: AuthInstitution,
  service: RegisteredService,
  request: FastifyRequest,
  query: Query,
): { appScheme: string; state: string; userCi: string } | OAuthFailure {
  const caller = deps.transport(request);
  if (isFailure(caller)) {
    return oauthFail('unauthorized_client', '인증서 또는 원격지 IP 검증 실패', caller.reason ?? caller.rspCode);
  }
  if (caller !== undefined && caller !== service.orgCode) {
    return oauthFail(
      'unauthorized_client',
      'client_id: 인증서의 기관이 서비스 운영 기관과 다릅니다',
      'caller is not the service',
    );
  }
  const tranId = request.headers['x-api-tran-id'];
  if (typeof tranId !== 'string' || !isValidTranId(tranId)) {
    return oauthFail('invalid_request', 'x-api-tran-id: 없거나 형식 오류', 'x-api-tran-id missing or malformed');
  }
  const ci = request.headers['x-user-ci'];
  let userCi: string;
  try {
    if (typeof ci !== 'string' || ci === '')
      throw new WireError({
        field: 'x-user-ci',
        rule: 'required',
        location: 'header',
        en: 'is required',
        ko: '필수 헤더입니다',
      });
    userCi = decodeValue(AUTH_FIELDS.user_ci.type, ci, { field: 'x-user-ci', location: 'header' });
  } catch (error) {
    return oauthFail('invalid_request', wireProblem('x-user-ci', error), 'x-user-ci missing or malformed');
  }
  const responseType = one(query, 'response_type');
  if (responseType !== undefined && responseType !== '' && responseType !== 'code') {
    return oauthFail('unsupported_response_type', "response_type: 'code'만 허용합니다", 'response_type is not code');
  }
  const fields: Record<string, string> = {};
  for (const node of AUTHORIZE_QUERY) {
    const value = query[node.name];
    if (Array.isArray(value))
      return oauthFail('invalid_request', `${node.name}: 중복 전송되었습니다`, `${node.name} repeated`);
    if (value !== undefined) fields[node.name] = value;
  }
  const decoded = decodeQuery(fields);
  if (isOAuthFailure(decoded)) return decoded;
  if (decoded.org_code !== inst.institution.orgCode) {
    return oauthFail(
      'invalid_request',
      'org_code: 이 정보제공자의 기관코드가 아닙니다',
      'org_code is not this institution',
    );
  }
  if (!service.appSchemes.includes(decoded.app_scheme)) {
    return oauthFail('invalid_request', 'app_scheme: 등록되지 않은 앱스킴', 'app_scheme not registered');
  }
  return { appScheme: decoded.app_scheme, state: decoded.state, userCi };
}

/** Where the person's browser goes next: the provider's own login page (web mode). */
export function pagesBase(deps: AuthDeps, inst: AuthInstitution, request: FastifyRequest): string {
  const origin = deps.publicUrl()?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;
  return `${origin}${inst.institution.basePath}/auth`;
}

/**
 * 개별인증-001 (`GET <base>/oauth/2.0/authorize`, web mode): checks the operator's request and answers 302
 * to the provider's login page, where the person logs in (ID, password, one-time code), the provider
 * compares their CI with x-user-ci and shows the consent page; the code then goes to redirect_uri. A bad
 * client_id or redirect_uri answers JSON 400; any other error redirects to the callback. `state` is echoed
 * untouched in every answer that carries it.
 */
export async function handleAuthorize(
  deps: AuthDeps,
  inst: AuthInstitution,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const orgCode = inst.institution.orgCode;
  const query = (request.query ?? {}) as Query;
  const header = request.headers['x-api-tran-id'];
  const apiTranId = typeof header === 'string' && isValidTranId(header) ? header : generateTranId(orgCode, 'S');
  const rawState = one(query, 'state') ?? '';
  const refuse = (failure: OAuthFailure, status?: number) => {
    request.log.info({ org: orgCode, error: failure.error, reason: failure.reason }, 'authorize refused');
    return reply
      .code(status ?? OAUTH_ERRORS[failure.error].http)
      .header('cache-control', 'no-store')
      .type('application/json; charset=utf-8')
      .send({
        error: failure.error,
        error_description: fitDescription(failure.description),
        state: rawState,
        api_tran_id: apiTranId,
      });
  };

  const client = checkClient(deps, query);
  if (isOAuthFailure(client)) return refuse(client, client.error === 'server_error' ? 500 : 400);
  const rest = checkRest(deps, inst, client.service, request, query);
  if (isOAuthFailure(rest)) {
    request.log.info({ org: orgCode, error: rest.error, reason: rest.reason }, 'authorize refused (redirected)');
    return reply
      .code(302)
      .header('cache-control', 'no-store')
      .header(
        'location',
        callbackUrl(client.redirectUri, {
          error: rest.error,
          error_description: fitDescription(rest.description),
          state: rawState,
          api_tran_id: apiTranId,
        }),
      )
      .send();
  }

  const now = deps.clock.nowMs();
  const authRequest: AuthRequest = {
    id: randomToken(24),
    orgCode,
    clientId: client.service.clientId,
    redirectUri: client.redirectUri,
    appScheme: rest.appScheme,
    state: rest.state,
    tranId: apiTranId,
    userCi: rest.userCi,
    createdAt: now,
    expiresAt: now + deps.requestTtlMs,
    csrf: randomToken(24),
    stage: 'login',
  };
  await deps.store.requests.put(authRequest);
  const login = `${pagesBase(deps, inst, request)}/login?request=${encodeURIComponent(authRequest.id)}`;
  return reply.code(302).header('cache-control', 'no-store').header('location', login).send();
}
