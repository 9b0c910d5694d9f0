import { createService, type Logger, type Service } from '@hannun/infra';
import type { AdminAccounts } from '../admins/admin-accounts.ts';
import type { RegistryAdmin } from '../registry/registry-admin.ts';
import type { ResendOutcome, ResendRequest } from '../statistics/ask-resend.ts';
import type { RegistryClock, RegistryRepository } from '../store/registry-repository.ts';
import type { StatisticsRepository } from '../store/statistics-repository.ts';
import type { StatusRepository } from '../store/status-repository.ts';
import { STYLESHEET_PATH } from './layout.ts';
import { pageLang } from './page-lang.ts';
import { TEXT } from './page-text.ts';
import type { PagesContext } from './pages-context.ts';
import { PORTAL_CSS } from './portal-css.ts';
import { adminGuard, registerAuthRoutes } from './routes/auth-routes.ts';
import { registerChangesRoutes } from './routes/changes-routes.ts';
import { type MyConsentsContext, registerMyConsentsRoutes } from './routes/my-consents-routes.ts';
import { registerRegistryRoutes } from './routes/registry-routes.ts';
import { registerStatisticsRoutes } from './routes/statistics-routes.ts';
import { sendPage } from './send-page.ts';
import { type AdminSessions, createAdminSessions } from './session/admin-sessions.ts';
import { createLoginThrottle, type LoginThrottle } from './session/login-throttle.ts';
import { messagePage } from './views/message-page.ts';

export interface PortalPagesOptions {
  readonly admin: RegistryAdmin;
  readonly registry: RegistryRepository;
  readonly statuses: StatusRepository;
  readonly statistics: StatisticsRepository;
  /** What the login form asks for (scripts, first set-up). */
  readonly adminToken: string;
  /** Administrator accounts: login by name and password (argon2id, lockout). */
  readonly accounts?: AdminAccounts;
  /** 지원-104 (the statistics page's resend form); no form without it. */
  readonly resend?: (request: ResendRequest) => Promise<ResendOutcome>;
  readonly clock: RegistryClock;
  readonly logger: Logger;
  readonly onChange?: () => void;
  readonly sessions?: AdminSessions;
  readonly throttle?: LoginThrottle;
  readonly serviceName?: string;
  /** The consolidated consent view for people (`/consents`); not served without it. */
  readonly consentView?: MyConsentsContext;
}

/**
 * The portal's web pages for people (administrators): server-rendered HTML, Korean first (English with
 * `?lang=en`), no scripts and no external assets (CSP), behind a login by password (administrator accounts) or
 * the admin token (an HttpOnly,
 * SameSite=Strict session cookie; a CSRF token in every form). The registry (list, onboard, edit, remove), the
 * change log, and the statistics with charts rendered on the server as SVG (ECharts). Plain HTTP: serve it on
 * loopback or behind TLS.
 */
export function createPortalPages(opts: PortalPagesOptions): Service {
  const ctx: PagesContext = {
    admin: opts.admin,
    registry: opts.registry,
    statuses: opts.statuses,
    statistics: opts.statistics,
    sessions: opts.sessions ?? createAdminSessions(),
    throttle: opts.throttle ?? createLoginThrottle(),
    adminToken: opts.adminToken,
    ...(opts.accounts ? { accounts: opts.accounts } : {}),
    resend: opts.resend,
    clock: opts.clock,
    logger: opts.logger,
    ...(opts.onChange ? { onChange: opts.onChange } : {}),
  };
  const app = createService({
    name: opts.serviceName ?? 'portal-pages',
    version: '0.1.0',
    logger: opts.logger,
    metrics: false,
    notFound: (request, reply) =>
      sendPage(
        reply,
        404,
        messagePage({
          lang: pageLang(request.query),
          title: TEXT.notFoundTitle,
          body: TEXT.notFoundBody,
          path: '/admin',
        }),
      ),
  });
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_request, body, done) => done(null, new URLSearchParams(body as string)),
  );
  app.get(STYLESHEET_PATH, async (_request, reply) =>
    reply
      .header('cache-control', 'public, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .type('text/css; charset=utf-8')
      .send(PORTAL_CSS),
  );
  registerAuthRoutes(app, ctx);
  if (opts.consentView) registerMyConsentsRoutes(app, opts.consentView);
  void app.register(async (admin) => {
    admin.addHook('preHandler', adminGuard(ctx));
    registerRegistryRoutes(admin, ctx);
    registerChangesRoutes(admin, ctx);
    registerStatisticsRoutes(admin, ctx);
  });
  return app;
}
