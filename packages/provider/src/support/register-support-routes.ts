import type { FastifyInstance, FastifyReply, FastifyRequest } from '@hannun/infra';
import { clientSecretMatches, type Registry } from '@hannun/registry';
import {
  type ApiSpec,
  apiById,
  apiPath,
  decodeHeaders,
  decodeMessage,
  encodeMessage,
  type Infer,
  isApiVersion,
  MANAGE_TOKEN_FORM,
  MANAGE_TOKEN_RESPONSE,
  REQ_STATISTICS_QUERY,
  RSP_CODES,
  type RspCode,
  type Shape,
  type StatisticsType,
  STATUS_QUERY,
  STATUS_RESPONSE,
  SUPPORT_SCOPE,
  type VersionConfig,
  WireError,
} from '@hannun/spec';
import { type CheckFailure, fail, isFailure } from '../check-chain/check-failure.ts';
import { dateNumber, kstDateNumber } from '../clock/kst.ts';
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
const RESEND_API = apiById('지원-104');
const RESEND_PATH = RESEND_API.resource.replace('{version}', ':version');
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
 * The checks every portal call with a 지원-101 token passes (지원-102, 지원-104): the portal's certificate,
 * the headers, the version, a token of this institution issued to the caller, scope manage.
 */
async function authorisePortal(
  opts: SupportRoutesOptions,
  institution: Institution,
  api: ApiSpec,
  request: FastifyRequest<{ Params: { version: string } }>,
): Promise<string | undefined | CheckFailure> {
  const caller = portalCaller(opts, request);
  if (isFailure(caller)) return caller;
  let accessToken: string | undefined;
  try {
    accessToken = decodeHeaders(api, request.headers).accessToken;
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
  return caller;
}

function decodeQuery<S extends Shape>(shape: S, query: unknown): Infer<S> | CheckFailure {
  try {
    return decodeMessage(shape, query, { location: 'query', unknown: 'reject' });
  } catch (error) {
    if (error instanceof WireError) return fail('40001', error.messageKo, error.message);
    throw error;
  }
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
  const caller = await authorisePortal(opts, institution, STATUS_API, request);
  if (isFailure(caller)) return caller;
  const query = decodeQuery(STATUS_QUERY, request.query);
  if (isFailure(query)) return query;
  if (query.org_code !== institution.orgCode) {
    return fail('40303', 'org_code: 이 정보제공자의 기관코드가 아닙니다', 'org_code is not this institution');
  }
  return encodeMessage(STATUS_RESPONSE, {
    availability: availabilityOf(opts.faults, institution.orgCode, opts.clock.nowMs()),
  });
}

/**
 * 지원-104 (GET `<base>/{version}/mgmts/req-statistics?org_code=&org_type=03&inquiry_date=&type=`): the portal
 * asks for a week's statistics again. Checked here (this institution, org_type 03 정보제공자, a Sunday not in
 * the future, type 0/1/2); the sending (지원-005) starts at once and is not awaited.
 */
async function requestStatistics(
  opts: SupportRoutesOptions,
  institution: Institution,
  request: FastifyRequest<{ Params: { version: string } }>,
): Promise<Record<string, unknown> | CheckFailure> {
  const caller = await authorisePortal(opts, institution, RESEND_API, request);
  if (isFailure(caller)) return caller;
  const query = decodeQuery(REQ_STATISTICS_QUERY, request.query);
  if (isFailure(query)) return query;
  if (query.org_code !== institution.orgCode) {
    return fail('40303', 'org_code: 이 정보제공자의 기관코드가 아닙니다', 'org_code is not this institution');
  }
  if (query.org_type !== '03') {
    return fail('40001', 'org_type: 정보제공자는 03입니다', `org_type ${query.org_type} is not 03 (provider)`);
  }
  const inquiry = query.inquiry_date.toString().replaceAll('-', '');
  if (query.inquiry_date.dayOfWeek !== 7) {
    return fail('40001', `inquiry_date: ${inquiry}은(는) 일요일이 아닙니다`, 'inquiry_date is not a Sunday');
  }
  if (dateNumber(query.inquiry_date) > kstDateNumber(opts.clock.nowMs())) {
    return fail('40001', `inquiry_date: ${inquiry}은(는) 아직 오지 않은 날입니다`, 'inquiry_date is in the future');
  }
  const resender = opts.config?.statistics;
  if (!resender) return fail('50001', '통계 전송이 설정되지 않았습니다', 'no statistics sender');
  const type = String(query.type);
  const types: StatisticsType[] = type === '0' ? ['1', '2'] : [type as StatisticsType];
  resender.resend(institution.orgCode, inquiry, types).catch((error: unknown) => {
    request.log.warn({ api: RESEND_API.id, err: error }, 'statistics resend failed');
  });
  request.log.info(
    { api: RESEND_API.id, org: institution.orgCode, inquiryDate: inquiry, types },
    'statistics resend asked',
  );
  return {};
}

/** 지원-101, 지원-102 and 지원-104 under every institution's base path, in their own scope (form bodies parsed here). */
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
      for (const [api, path, handle] of [
        [STATUS_API, STATUS_PATH, status],
        [RESEND_API, RESEND_PATH, requestStatistics],
      ] as const) {
        scope.get<{ Params: { version: string } }>(
          `${base}${path}`,
          { exposeHeadRoute: false },
          async (request, reply) => {
            const outcome = await handle(opts, institution, request);
            if (isFailure(outcome)) {
              request.log.info(
                { api: api.id, rspCode: outcome.rspCode, reason: outcome.reason },
                'support call refused',
              );
              return sendRsp(reply, outcome.rspCode, {}, outcome.detail);
            }
            return sendRsp(reply, '00000', outcome);
          },
        );
      }
    }
  });
}
