import type { FastifyInstance, FastifyReply, FastifyRequest } from '@hannun/infra';
import { apiById } from '@hannun/spec';
import { handleToken } from './handle-token.ts';
import { registryHandlers } from './handle-registry-apis.ts';
import { statisticsHandlers } from './handle-statistics.ts';
import { certificateCaller } from './identify-caller.ts';
import { refuse, sendOAuthError } from './oauth-answer.ts';
import type { PortalContext } from './portal-context.ts';
import { fail, isFailure, sendFailure } from './support-failure.ts';

/** `/{version}/mgmts/orgs` → `/:version/mgmts/orgs` (fastify's parameter syntax). */
const route = (id: string) => apiById(id).resource.replace('{version}', ':version');

const OTHER_METHODS = ['DELETE', 'PATCH', 'PUT', 'OPTIONS', 'HEAD'] as const;

/** Unknown paths answer 40401, after the certificate and address checks (so strangers learn nothing). */
export function supportNotFound(ctx: PortalContext) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const caller = await certificateCaller(ctx, request);
    if (isFailure(caller)) return sendFailure(reply, caller);
    return sendFailure(
      reply,
      fail('40401', undefined, `no support API at ${request.method} ${request.url.split('?')[0]}`),
    );
  };
}

/**
 * The portal's support APIs: 지원-001 `POST /mgmts/oauth/2.0/token` (form, OAuth errors), 지원-002/003/006
 * `GET /{version}/mgmts/orgs|services|orgs_for_ca`, 지원-004/005 `POST /{version}/mgmts/statistics/mydata|provider`
 * (JSON). Other methods on these paths answer 405 (`method_not_allowed` / 40501).
 */
export function registerSupportRoutes(app: FastifyInstance, ctx: PortalContext): void {
  const registry = registryHandlers(ctx);
  const statistics = statisticsHandlers(ctx);

  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) =>
      done(null, body),
    );
    scope.setErrorHandler((error, request, reply) => {
      const status = (error as { statusCode?: unknown }).statusCode;
      if (typeof status === 'number' && status >= 400 && status < 500) {
        return sendOAuthError(
          reply,
          refuse('invalid_request', '(body): 요청 본문을 읽을 수 없습니다', (error as Error).message),
        );
      }
      request.log.error({ err: error }, '지원-001 failed unexpectedly');
      return sendOAuthError(reply, refuse('server_error', '서버 오류', 'unexpected'));
    });
    const url = route('지원-001');
    scope.post(url, (request, reply) => handleToken(ctx, request, reply));
    scope.route({
      method: [...OTHER_METHODS, 'GET'],
      url,
      exposeHeadRoute: false,
      handler: (_request, reply) =>
        sendOAuthError(reply, refuse('method_not_allowed', '허용되지 않은 HTTP 메소드', 'wrong method')),
    });
  });

  void app.register(async (scope) => {
    scope.setErrorHandler((error, request, reply) => {
      const status = (error as { statusCode?: unknown }).statusCode;
      if (typeof status === 'number' && status >= 400 && status < 500) {
        return sendFailure(reply, fail('40001', '(body): 요청 본문을 읽을 수 없습니다', (error as Error).message));
      }
      request.log.error({ err: error }, 'support API failed unexpectedly');
      return sendFailure(reply, fail('50001', undefined, 'unexpected'));
    });
    const methodNotAllowed = (url: string, allowed: 'GET' | 'POST') =>
      scope.route({
        method: [...OTHER_METHODS, allowed === 'GET' ? 'POST' : 'GET'],
        url,
        exposeHeadRoute: false,
        handler: async (request, reply) => {
          const caller = await certificateCaller(ctx, request);
          if (isFailure(caller)) return sendFailure(reply, caller);
          return sendFailure(reply, fail('40501', undefined, `${request.method} not allowed`));
        },
      });
    const get = (id: string, handler: typeof registry.orgs) => {
      scope.get(route(id), { exposeHeadRoute: false }, handler);
      methodNotAllowed(route(id), 'GET');
    };
    get('지원-002', registry.orgs);
    get('지원-003', registry.services);
    get('지원-006', registry.orgsForCa);
    scope.post(route('지원-004'), statistics.mydata);
    methodNotAllowed(route('지원-004'), 'POST');
    scope.post(route('지원-005'), statistics.provider);
    methodNotAllowed(route('지원-005'), 'POST');
  });
}
