import {
  createService,
  type FastifyReply,
  type FastifyRequest,
  type Logger,
  type Service,
  type ServiceMetrics,
} from '@hannun/infra';
import type { MutualTlsServerOptions, SigningKey } from '@hannun/pki';
import { clientSecretMatches, type Registry } from '@hannun/registry';
import {
  apiById,
  apiPath,
  CONSENTS_BODY,
  decodeHeaders,
  decodeMessage,
  encodeMessage,
  isApiVersion,
  MANAGE_TOKEN_FORM,
  MANAGE_TOKEN_RESPONSE,
  MEMBER_CONSENTS_RESPONSE,
  OAUTH_ERRORS,
  type OAuthErrorCode,
  REQ_STATISTICS_QUERY,
  RSP_CODES,
  type RspCode,
  SUPPORT_SCOPE,
  WireError,
} from '@hannun/spec';
import type { OperatorDomain } from '../operator-domain.ts';
import { formatYmd } from '../time/kst.ts';
import { memberConsents } from './member-consents.ts';
import { isRefusal, portalCaller } from './portal-caller.ts';
import { mintSupportToken, verifySupportToken } from './support-token.ts';

/** The weekly statistics sender (지원-004), asked by 지원-104 to send a week again. Built apart (issue #6 item 8). */
export interface StatisticsResend {
  resend(q: { readonly inquiryDate: string; readonly type: '0' | '1' | '2' }): Promise<void>;
}

export interface OperatorSupportOptions {
  /** The operator's org_code (iss of its support tokens; 지원-103/104's org_code). */
  readonly orgCode: string;
  /** The operator's ES256 signing key (PKI): signs 지원-101 tokens. */
  readonly signingKey: SigningKey;
  /** Who is who: the portal is recognised by its certificate's serial and org_type 07. */
  readonly registry: Registry;
  readonly domain: OperatorDomain;
  /** The portal credential this operator received at onboarding (the secret as its hash). */
  readonly portalCredential: { readonly clientId: string; readonly clientSecretHash: string } | undefined;
  /** Mutual TLS 1.3 (`tlsServerOptions(pki.org(…))`); absent only in development (logged loudly). */
  readonly tls?: MutualTlsServerOptions;
  /** Accept the portal from loopback (everything on one machine: the demo). */
  readonly allowLoopback?: boolean;
  readonly statistics?: StatisticsResend;
  readonly tokenLifetimeSeconds?: number;
  readonly logger: Logger;
  readonly version: string;
  readonly serviceName?: string;
  readonly metrics?: ServiceMetrics | false;
}

const TOKEN_API = apiById('지원-101');
const CONSENTS_API = apiById('지원-103');
const STATS_API = apiById('지원-104');
const JSON_TYPE = 'application/json; charset=utf-8';
const DAY_SECONDS = 24 * 3600;

function sendRsp(reply: FastifyReply, code: RspCode, fields: Record<string, unknown> = {}, detail?: string) {
  return reply
    .code(RSP_CODES[code].http)
    .header('cache-control', 'no-store')
    .type(JSON_TYPE)
    .send({ rsp_code: code, rsp_msg: detail ? `${RSP_CODES[code].ko} - ${detail}` : RSP_CODES[code].ko, ...fields });
}

function sendOAuth(reply: FastifyReply, error: OAuthErrorCode, description: string) {
  return reply
    .code(OAUTH_ERRORS[error].http)
    .header('cache-control', 'no-store')
    .type(JSON_TYPE)
    .send({ error, error_description: description });
}

type Refused = { readonly refused: RspCode; readonly detail: string; readonly reason: string };
const refuse = (refused: RspCode, detail: string, reason: string): Refused => ({ refused, detail, reason });
const isRefused = (v: unknown): v is Refused => typeof v === 'object' && v !== null && 'refused' in v;

/**
 * The operator's support APIs for the portal (지원-101 token, 지원-103 a person's consents by CI, 지원-104
 * statistics again), on their own port behind mutual TLS: the back channel, apart from the person's app.
 * 103/104 check, in order: the caller is the portal (40103/40102/40104), the headers (40002), the version
 * (40003), a 지원-101 token of this operator issued to that caller with scope manage (40101/40104), then the
 * request (40001 naming the field) and its org_code (40303).
 */
export function createOperatorSupport(o: OperatorSupportOptions): Service {
  const app = createService({
    name: o.serviceName ?? 'operator-support',
    version: o.version,
    logger: o.logger,
    ...(o.metrics !== undefined ? { metrics: o.metrics } : {}),
    ...(o.tls ? { fastify: { https: o.tls } } : {}),
    notFound: (_request, reply) => sendRsp(reply, '40401'),
  });
  if (!o.tls) {
    o.logger.warn(
      { requireMtls: false },
      '!!! OPERATOR SUPPORT APIs WITHOUT MUTUAL TLS: the portal is not identified by a certificate. Development only. !!!',
    );
  }
  const policy = { requireMtls: o.tls !== undefined, allowLoopback: o.allowLoopback ?? false };
  const now = () => o.domain.clock.nowMs();

  /** The caller (the portal) and its valid token, or why not. */
  async function authorise(request: FastifyRequest, api: typeof CONSENTS_API): Promise<true | Refused> {
    const caller = portalCaller(request, o.registry, policy);
    if (isRefusal(caller)) return refuse(caller.rspCode, '종합포털만 호출할 수 있습니다', caller.reason);
    let token: string | undefined;
    try {
      token = decodeHeaders(api, request.headers).accessToken;
    } catch (error) {
      if (!(error instanceof WireError)) throw error;
      return error.field === 'authorization' && error.rule === 'required'
        ? refuse('40101', '접근토큰이 없습니다', 'no bearer token')
        : refuse('40002', error.messageKo, error.message);
    }
    const version = (request.params as { version?: string }).version ?? '';
    if (!isApiVersion(version)) return refuse('40003', '허용 버전: v1, v2', `version '${version.slice(0, 10)}'`);
    const verdict = await verifySupportToken(token ?? '', o.signingKey, { iss: o.orgCode, nowMs: now() });
    if (!verdict.ok) return refuse('40101', '유효하지 않은 접근토큰입니다', `token ${verdict.reason}`);
    if (caller && verdict.aud !== caller.orgCode) {
      return refuse('40101', '다른 기관에 발급된 접근토큰입니다', 'token audience is not the caller');
    }
    if (!verdict.scope.split(' ').includes(SUPPORT_SCOPE))
      return refuse('40104', 'scope가 manage가 아닙니다', 'scope lacks manage');
    return true;
  }

  void app.register(async (scope) => {
    // Bodies as text, parsed by the routes, so a malformed one is answered in the standard's envelope.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_r, body, done) => done(null, body));

    scope.post(apiPath(TOKEN_API, { version: 'v2' }), async (request, reply) => {
      const caller = portalCaller(request, o.registry, policy);
      if (isRefusal(caller)) {
        request.log.warn({ api: TOKEN_API.id, reason: caller.reason }, 'support token refused');
        return sendOAuth(reply, 'unauthorized_client', caller.reason);
      }
      if (typeof request.headers['x-api-tran-id'] !== 'string')
        return sendOAuth(reply, 'invalid_request', 'x-api-tran-id');
      const params = new URLSearchParams(typeof request.body === 'string' ? request.body : '');
      const fields: Record<string, string> = {};
      for (const [k, v] of params) {
        if (k in fields) return sendOAuth(reply, 'invalid_request', `${k} is repeated`);
        fields[k] = v;
      }
      if (fields.grant_type !== 'client_credentials') return sendOAuth(reply, 'unsupported_grant_type', 'grant_type');
      if (fields.scope !== SUPPORT_SCOPE) return sendOAuth(reply, 'invalid_scope', 'scope must be manage');
      let form: { client_id: string; client_secret: string };
      try {
        form = decodeMessage(MANAGE_TOKEN_FORM, fields, { location: 'body' });
      } catch (error) {
        if (error instanceof WireError) return sendOAuth(reply, 'invalid_request', error.field);
        throw error;
      }
      const expected = o.portalCredential;
      if (
        !expected ||
        form.client_id !== expected.clientId ||
        !clientSecretMatches(form.client_secret, expected.clientSecretHash)
      ) {
        request.log.warn({ api: TOKEN_API.id }, 'support token refused: not the portal credential');
        return sendOAuth(reply, 'invalid_client', 'not the portal credential of this operator');
      }
      const lifetime = Math.min(o.tokenLifetimeSeconds ?? DAY_SECONDS, 365 * DAY_SECONDS);
      const token = await mintSupportToken(o.signingKey, {
        iss: o.orgCode,
        aud: caller?.orgCode ?? 'portal',
        nowMs: now(),
        lifetimeSeconds: lifetime,
      });
      return reply
        .code(200)
        .header('cache-control', 'no-store')
        .type(JSON_TYPE)
        .send(
          encodeMessage(MANAGE_TOKEN_RESPONSE, {
            token_type: 'Bearer',
            access_token: token,
            expires_in: lifetime,
            scope: 'manage',
          }),
        );
    });

    scope.post<{ Params: { version: string } }>(
      CONSENTS_API.resource.replace('{version}', ':version'),
      async (request, reply) => {
        const ok = await authorise(request, CONSENTS_API);
        if (isRefused(ok)) {
          request.log.warn({ api: CONSENTS_API.id, rspCode: ok.refused, reason: ok.reason }, 'support call refused');
          return sendRsp(reply, ok.refused, {}, ok.detail);
        }
        let body: { org_code: string; user_ci: string };
        try {
          const raw: unknown = JSON.parse(
            typeof request.body === 'string' && request.body !== '' ? request.body : 'null',
          );
          if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
            return sendRsp(reply, '40001', {}, '(body): JSON 객체여야 합니다');
          }
          body = decodeMessage(CONSENTS_BODY, raw as Record<string, unknown>, { location: 'body' });
        } catch (error) {
          if (error instanceof WireError) return sendRsp(reply, '40001', {}, error.messageKo);
          if (error instanceof SyntaxError) return sendRsp(reply, '40001', {}, '(body): JSON 형식 오류');
          throw error;
        }
        if (body.org_code !== o.orgCode)
          return sendRsp(reply, '40303', {}, 'org_code: 이 사업자의 기관코드가 아닙니다');
        const answer = await memberConsents(o.domain, body.user_ci);
        request.log.info({ api: CONSENTS_API.id, member: answer.is_member }, 'member consents answered');
        return sendRsp(reply, '00000', encodeMessage(MEMBER_CONSENTS_RESPONSE, answer as never));
      },
    );

    scope.get<{ Params: { version: string } }>(
      STATS_API.resource.replace('{version}', ':version'),
      { exposeHeadRoute: false },
      async (request, reply) => {
        const ok = await authorise(request, STATS_API);
        if (isRefused(ok)) {
          request.log.warn({ api: STATS_API.id, rspCode: ok.refused, reason: ok.reason }, 'support call refused');
          return sendRsp(reply, ok.refused, {}, ok.detail);
        }
        let q: ReturnType<typeof decodeMessage<typeof REQ_STATISTICS_QUERY>>;
        try {
          q = decodeMessage(REQ_STATISTICS_QUERY, request.query as Record<string, unknown>, {
            location: 'query',
            unknown: 'reject',
          });
        } catch (error) {
          if (error instanceof WireError) return sendRsp(reply, '40001', {}, error.messageKo);
          throw error;
        }
        if (q.org_code !== o.orgCode) return sendRsp(reply, '40303', {}, 'org_code: 이 사업자의 기관코드가 아닙니다');
        if (q.org_type !== '01') return sendRsp(reply, '40001', {}, 'org_type: 마이데이터사업자(01)입니다');
        if (!o.statistics) {
          request.log.warn(
            { api: STATS_API.id },
            'statistics resend asked, but this operator has no statistics sender yet',
          );
          return sendRsp(reply, '50002', {}, '통계 전송 기능이 준비되지 않았습니다');
        }
        await o.statistics.resend({ inquiryDate: formatYmd(q.inquiry_date), type: String(q.type) as '0' | '1' | '2' });
        request.log.info({ api: STATS_API.id, type: q.type }, 'statistics resend requested');
        return sendRsp(reply, '00000');
      },
    );
  });
  return app;
}
