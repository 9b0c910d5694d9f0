import {
  createService,
  type FastifyReply,
  type FastifyRequest,
  type Logger,
  type Service,
  type ServiceMetrics,
} from '@hannun/infra';
import { registerAnalysisRoutes } from '../analysis/analysis-routes.ts';
import type { OperatorRuntime } from '../service/operator-runtime.ts';
import { handleAppError } from './app-error.ts';
import { registerAppPages } from './app-pages.ts';
import { registerAccountRoutes } from './routes/account-routes.ts';
import { registerConnectRoutes } from './routes/connect-routes.ts';
import { registerConsentRoutes } from './routes/consent-routes.ts';
import { registerDataRoutes } from './routes/data-routes.ts';
import { registerExportRoutes } from './routes/export-routes.ts';
import { registerJourneyRoutes } from './routes/journey-routes.ts';
import { registerLeaveRoutes } from './routes/leave-routes.ts';
import { registerNoticeRoutes } from './routes/notice-routes.ts';
import { registerProgressRoutes } from './routes/progress-routes.ts';
import { registerRefreshRoutes } from './routes/refresh-routes.ts';
import { refuseNul } from './refuse-nul.ts';
import { sameOriginJson } from './session-guard.ts';

export interface OperatorAppOptions {
  readonly runtime: OperatorRuntime;
  readonly logger: Logger;
  readonly serviceName?: string;
  readonly version: string;
  /** The app is served over https (directly or behind a TLS proxy): cookies get `Secure`. */
  readonly secureCookies: boolean;
  /** Where `/callback` sends the browser after 개별인증 (default `/`). */
  readonly returnPath?: string;
  /** The built web app (packages/app/dist) served on every non-API path; absent or missing: an error page. */
  readonly appDir?: string;
  /** The docs hub, linked from `/` and reached at `/docs`. */
  readonly docsUrl?: () => string | undefined;
  readonly metrics?: ServiceMetrics | false;
}

/**
 * The operator's app API (issue #6 items 1–3, 9): JSON under `/api/`, behind the session cookie and the CSRF
 * token, plus `/callback` for 개별인증. State-changing requests must be JSON from this origin. Errors name
 * their field and carry a Korean message. Start with `start({ host, port })`; `stop()` ends open progress
 * streams first.
 */
export function createOperatorApp(o: OperatorAppOptions): Service {
  const app = createService({
    name: o.serviceName ?? 'operator',
    version: o.version,
    logger: o.logger,
    ...(o.metrics !== undefined ? { metrics: o.metrics } : {}),
    readiness: {
      database: async () =>
        void (await o.runtime.domain.store.db.selectFrom('op_audit_anchor').select('name').limit(1).execute()),
    },
    fastify: { bodyLimit: 64 * 1024 },
  });
  registerAppPages(app, { appDir: o.appDir, docsUrl: () => (o.docsUrl?.() ? '/docs' : undefined) });
  // The docs hub moved to its own port when the app took PORT: `/docs…` keeps reaching it (path and query kept).
  const toDocs = async (request: FastifyRequest, reply: FastifyReply) => {
    const docs = o.docsUrl?.();
    if (!docs) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'no docs hub in this run' });
    const rest = request.url.slice('/docs'.length);
    return reply.redirect(`${docs.replace(/\/$/, '')}${rest.startsWith('/') ? rest : `/${rest}`}`, 302);
  };
  app.get('/docs', toDocs);
  app.get('/docs/*', toDocs);
  void app.register(async (scope) => {
    scope.setErrorHandler(handleAppError);
    scope.addHook('onRequest', sameOriginJson);
    scope.addHook('preValidation', refuseNul);
    registerAccountRoutes(scope, o.runtime, { secureCookies: o.secureCookies });
    registerConsentRoutes(scope, o.runtime);
    registerConnectRoutes(scope, o.runtime, { returnPath: o.returnPath ?? '/' });
    registerDataRoutes(scope, o.runtime);
    registerNoticeRoutes(scope, o.runtime);
    registerProgressRoutes(scope, o.runtime);
    registerLeaveRoutes(scope, o.runtime, { secureCookies: o.secureCookies });
    registerRefreshRoutes(scope, o.runtime);
    registerExportRoutes(scope, o.runtime);
    registerJourneyRoutes(scope, o.runtime);
    registerAnalysisRoutes(scope, o.runtime);
  });
  return app;
}
