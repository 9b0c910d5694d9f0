import { createService, type Service, type ServiceMetrics } from '@hannun/infra';
import { type OrgCredentials, tlsServerOptions } from '@hannun/pki';
import { registerSupportRoutes, supportNotFound } from './register-support-routes.ts';
import type { PortalContext } from './portal-context.ts';
import { createVerifiedTokens } from '../tokens/verified-tokens.ts';

export interface SupportApiOptions {
  readonly ctx: PortalContext;
  /** The portal's organisation credentials (TLS certificate) when serving over mutual TLS. */
  readonly credentials?: OrgCredentials;
  readonly serviceName?: string;
  readonly serviceVersion?: string;
  readonly metrics?: ServiceMetrics | false;
}

/**
 * The support APIs 지원-001…006 as one service: mutual TLS 1.3 with the portal's certificate when
 * `ctx.transport.requireMtls` (then callers are named by their certificate), plain HTTP otherwise (development
 * only, said loudly).
 */
export function createSupportApi(opts: SupportApiOptions): Service {
  const ctx: PortalContext = {
    ...opts.ctx,
    verifyToken: opts.ctx.verifyToken ?? createVerifiedTokens(opts.ctx.tokenKey, opts.ctx.orgCode),
  };
  if (ctx.transport.requireMtls && !opts.credentials) throw new Error('mutual TLS needs the portal credentials');
  const api = createService({
    name: opts.serviceName ?? 'portal',
    version: opts.serviceVersion ?? '0.1.0',
    logger: ctx.logger,
    ...(opts.metrics !== undefined ? { metrics: opts.metrics } : {}),
    ...(ctx.transport.requireMtls && opts.credentials
      ? { fastify: { https: tlsServerOptions(opts.credentials) } }
      : {}),
    notFound: supportNotFound(ctx),
  });
  registerSupportRoutes(api, ctx);
  if (!ctx.transport.requireMtls) {
    ctx.logger.warn(
      { requireMtls: false },
      '!!! PORTAL: MUTUAL TLS IS OFF: 지원-001…006 are served over plain HTTP and callers are named by their token, not a certificate (40103 never answered). Development only. !!!',
    );
  }
  return api;
}
