import type { FastifyInstance, FastifyReply, FastifyRequest } from '@hannun/infra';
import { clientSecretMatches, type Registry } from '@hannun/registry';
import {
  apiById,
  apiPath,
  decodeHeaders,
  decodeMessage,
  encodeMessage,
  isApiVersion,
  MANAGE_TOKEN_FORM,
  MANAGE_TOKEN_RESPONSE,
  RSP_CODES,
  type RspCode,
  STATUS_QUERY,
  STATUS_RESPONSE,
  SUPPORT_SCOPE,
  type VersionConfig,
  WireError,
} from '@hannun/spec';
import { type CheckFailure, fail, isFailure } from '../check-chain/check-failure.ts';
import type { ProviderClock } from '../clock/provider-clock.ts';
import type { FaultInjector } from '../hooks/fault-injection.ts';
import type { Institution } from '../institutions/institution.ts';
import type { SigningKeys } from '../tokens/signing-keys.ts';
import { decodeForm, formFields } from '../auth/form-body.ts';
import { isOAuthFailure, noStore, type OAuthFailure, oauthFail, sendOAuthFailure } from '../auth/oauth-failure.ts';
import { availabilityOf } from './availability.ts';
import { DEFAULT_SUPPORT_TOKEN_SECONDS, MAX_SUPPORT_TOKEN_SECONDS, type SupportConfig } from './support-config.ts';
import { mintSupportToken, verifySupportToken } from './support-token.ts';

export interface SupportRoutesOptions {
  readonly institutions: readonly { readonly institution: Institution }[];
  readonly signingKeys: SigningKeys;
  readonly clock: ProviderClock;
  readonly versions: VersionConfig;
  /** The registry: the caller must be the portal (org_type 07). */
  readonly registry: Registry | undefined;
  /** The check chain's transport steps (certificate serial 40103, source IP 40102). */
  readonly transport: (request: FastifyRequest) => string | undefined | CheckFailure;
  readonly faults: FaultInjector | undefined;
  readonly config: SupportConfig | undefined;
}

const TOKEN_PATH = apiPath(apiById('지원-101'), { version: 'v2' });
const STATUS_API = apiById('지원-102');
const STATUS_PATH = STATUS_API.resource.replace('{version}', ':version');
const JSON_TYPE = 'application/json; charset=utf-8';

/** The portal, by its certificate (org_type 07), or undefined without mutual TLS. */
function portalCaller(opts: SupportRoutesOptions, request: FastifyRequest): string | undefined | CheckFailure {
  const caller = opts.transport(request);
  if (isFailure(caller) || caller === undefined) return caller;
  const org = opts.registry?.org(caller);
  if (org?.orgType !== '07')
    return fail('40104', '종합포털만 호출할 수 있습니다', `caller ${caller} is not the portal`);
  return caller;
}

function sendRsp(reply: FastifyReply, code: RspCode, fields: Record<string, unknown> = {}, detail?: string) {
  const rsp_msg = detail ? `${RSP_CODES[code].ko} - ${detail}` : RSP_CODES[code].ko;
  return reply
    .code(RSP_CODES[code].http)
    .type(JSON_TYPE)
    .send({ rsp_code: code, rsp_msg, ...fields });
}

/**
 * 지원-101 (POST `<base>/mgmts/oauth/2.0/token`): a token for the portal, client_credentials with the portal
 * credential this institution received at onboarding, scope manage.
 */
async function issueToken(
  opts: SupportRoutesOptions,
  institution: Institution,
  request: FastifyRequest,
): Promise<Record<string, unknown> | OAuthFailure> {
  const caller = portalCaller(opts, request);
  if (isFailure(caller)) {
    const what =
      caller.rspCode === '40103'
        ? '인증서(SERIALNUMBER) 검증 실패'
        : caller.rspCode === '40102'
          ? '허용되지 않은 원격지 IP'
          : '종합포털만 호출할 수 있습니다';
    return oauthFail('unauthorized_client', what, caller.reason ?? caller.rspCode);
  }
  try {
    decodeHeaders(apiById('지원-101'), request.headers);
  } catch (error) {
    if (error instanceof WireError) return oauthFail('invalid_request', error.messageKo, error.message);
    throw error;
  }
  const fields = formFields(request.body, request.headers['content-type']);
  if (isOAuthFailure(fields)) return fields;
  if (fields.grant_type !== undefined && fields.grant_type !== 'client_credentials') {
    return oauthFail('unsupported_grant_type', 'grant_type은 client_credentials여야 합니다', 'grant_type');
  }
  if (fields.scope !== undefined && fields.scope !== SUPPORT_SCOPE) {
    return oauthFail('invalid_scope', 'scope는 manage여야 합니다', 'scope');
  }
  const form = decodeForm(MANAGE_TOKEN_FORM, fields);
  if (isOAuthFailure(form)) return form;
  const expected = opts.config?.portalCredentials.get(institution.orgCode);
  const matches =
    expected !== undefined &&
    form.client_id === expected.clientId &&
    clientSecretMatches(form.client_secret, expected.clientSecretHash);
  if (!matches)
    return oauthFail('invalid_client', '클라이언트 인증 실패', 'not the portal credential of this institution');
  const lifetime = Math.min(
    opts.config?.tokenLifetimeSeconds ?? DEFAULT_SUPPORT_TOKEN_SECONDS,
    MAX_SUPPORT_TOKEN_SECONDS,
  );
  const token = await mintSupportToken(opts.signingKeys.of(institution.orgCode), {
    aud: caller ?? 'portal',
    nowMs: opts.clock.nowMs(),
    lifetimeSeconds: lifetime,
  });
  return encodeMessage(MANAGE_TOKEN_RESPONSE, {
    token_type: 'Bearer',
    access_token: token,
    expires_in: lifetime,
    scope: 'manage',
  });
}

/**
 * 지원-102 (GET `<base>/{version}/mgmts/status?org_code=`): whether this institution's API server is available
 * (01 normal, 02 failure, 03 maintenance), for the portal only, with a 지원-101 token of this institution.
 */
async function status(
  opts: SupportRoutesOptions,
  institution: Institution,
  request: FastifyRequest<{ Params: { version: string } }>,
): Promise<Record<string, unknown> | CheckFailure> {
  const caller = portalCaller(opts, request);
  if (isFailure(caller)) return caller;
  let accessToken: string | undefined;
  try {
    accessToken = decodeHeaders(STATUS_API, request.headers).accessToken;
  } catch (error) {
    if (!(error instanceof WireError)) throw error;
    return error.field === 'authorization' && error.rule === 'required'
      ? fail('40101', '접근토큰이 없습니다', 'no bearer token')
      : fail('40002', error.messageKo, error.message);
  }
  const { version } = request.params;
  if (!isApiVersion(version) || !opts.versions.accepted.includes(version)) {
    return fail('40003', `허용 버전: ${opts.versions.accepted.join(', ')}`, `version '${version.slice(0, 10)}'`);
  }
  const verdict = await verifySupportToken(
    accessToken ?? '',
    opts.signingKeys.of(institution.orgCode),
    opts.clock.nowMs(),
  );
  if (!verdict.ok) return fail('40101', undefined, `token ${verdict.reason}`);
  if (caller !== undefined && verdict.aud !== caller) {
    return fail('40101', '다른 기관에 발급된 접근토큰입니다', 'token audience is not the caller');
  }
  if (!verdict.scope.split(' ').includes(SUPPORT_SCOPE)) return fail('40104', undefined, 'scope lacks manage');
  let query: { org_code: string };
  try {
    query = decodeMessage(STATUS_QUERY, request.query, { location: 'query', unknown: 'reject' });
  } catch (error) {
    if (error instanceof WireError) return fail('40001', error.messageKo, error.message);
    throw error;
  }
  if (query.org_code !== institution.orgCode) {
    return fail('40303', 'org_code: 이 정보제공자의 기관코드가 아닙니다', 'org_code is not this institution');
  }
  return encodeMessage(STATUS_RESPONSE, {
    availability: availabilityOf(opts.faults, institution.orgCode, opts.clock.nowMs()),
  });
}

/** 지원-101 and 지원-102 under every institution's base path, in their own scope (form bodies parsed here). */
export function registerSupportRoutes(app: FastifyInstance, opts: SupportRoutesOptions): void {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) =>
      done(null, body),
    );
    for (const { institution } of opts.institutions) {
      const base = institution.basePath;
      scope.post(`${base}${TOKEN_PATH}`, async (request, reply) => {
        const outcome = await issueToken(opts, institution, request);
        if (isOAuthFailure(outcome)) {
          request.log.warn({ api: '지원-101', error: outcome.error, reason: outcome.reason }, 'support token refused');
          return sendOAuthFailure(reply, outcome);
        }
        return noStore(reply).code(200).type(JSON_TYPE).send(outcome);
      });
      scope.get<{ Params: { version: string } }>(
        `${base}${STATUS_PATH}`,
        { exposeHeadRoute: false },
        async (request, reply) => {
          const outcome = await status(opts, institution, request);
          if (isFailure(outcome)) {
            request.log.info(
              { api: STATUS_API.id, rspCode: outcome.rspCode, reason: outcome.reason },
              'status refused',
            );
            return sendRsp(reply, outcome.rspCode, {}, outcome.detail);
          }
          return sendRsp(reply, '00000', outcome);
        },
      );
    }
  });
}
