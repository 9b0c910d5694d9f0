import { createLogger, createService, type Logger, type Service, type ServiceMetrics } from '@hannun/infra';
import { type OrgCredentials, tlsServerOptions } from '@hannun/pki';
import type { Registry } from '@hannun/registry';
import { apiNotFound, registerApiRoutes } from './api/register-api-routes.ts';
import { type CaLimits, resolveLimits } from './ca-limits.ts';
import { type CaClock, systemClock } from './clock.ts';
import { type CaControls, createCaControls } from './controls.ts';
import { createMemoryIdentityStore, type IdentityStore } from './identity/identity-store.ts';
import { registerIdentityRoutes } from './identity/register-identity-routes.ts';
import { pageNotFound, registerPageRoutes } from './pages/register-page-routes.ts';
import type { CaSecrets } from './secrets/ca-secrets.ts';
import type { CaContext } from './service/ca-context.ts';
import type { CaRepository } from './store/ca-repository.ts';
import { caTokenKey } from './tokens/ca-token.ts';

export interface CaServiceOptions {
  /** The CA's org_code in the registry (org_type 05 or 06, with a caCode). */
  readonly orgCode: string;
  /** The CA's organisation credentials from @hannun/pki: TLS certificate and the ES256 token-signing key. */
  readonly credentials: OrgCredentials;
  readonly registry: Registry;
  readonly repository: CaRepository;
  /** PIN pepper, key-encryption key, personal root (`ensureCaSecrets({ dataDir })`). */
  readonly secrets: CaSecrets;
  /**
   * Serve 통합인증-101…104 over mutual TLS 1.3 and identify callers by their certificate. False is for
   * development only: the API is then plain HTTP, callers are named by their token, and the log says so.
   */
  readonly requireMtls: boolean;
  /** Accept loopback source addresses for every organisation (everything on one machine: the demo). */
  readonly allowLoopback?: boolean;
  readonly clock?: CaClock;
  /** Where identity checks (본인확인, PROVISIONAL) wait for the person; in memory by default. */
  readonly identityStore?: IdentityStore;
  readonly limits?: Partial<CaLimits>;
  readonly logger?: Logger;
  readonly serviceName?: string;
  readonly serviceVersion?: string;
  /** Metrics registries of the two services, or false for none. */
  readonly metrics?: { readonly api?: ServiceMetrics | false; readonly pages?: ServiceMetrics | false };
}

export interface CaService {
  /** 통합인증-101…104 (mutual TLS unless requireMtls is false). */
  readonly api: Service;
  /** The person's approval page, plain HTTP: GET/POST /sign/:cert_tx_id. */
  readonly pages: Service;
  readonly controls: CaControls;
}

/**
 * The integrated certificate authority (통합인증기관), 사설인증서 flow: two services sharing one context
 * (registry, repository, secrets, clock). Start each with `start({ host, port })`, stop with `stop()`.
 */
export function createCaService(opts: CaServiceOptions): CaService {
  const name = opts.serviceName ?? 'ca';
  const logger = opts.logger ?? createLogger({ service: name });
  const self = opts.registry.org(opts.orgCode);
  if (!self) throw new Error(`CA org_code ${opts.orgCode} is not in the registry`);
  if (!self.caCode) throw new Error(`CA org_code ${opts.orgCode} has no ca_code in the registry`);
  if (!opts.credentials.signing) throw new Error('the CA credentials have no signing key (tokens need one)');
  const ctx: CaContext = {
    orgCode: self.orgCode,
    caCode: self.caCode,
    caName: self.name,
    registry: opts.registry,
    repository: opts.repository,
    secrets: opts.secrets,
    tokenKey: caTokenKey(opts.credentials.signing),
    clock: opts.clock ?? systemClock,
    limits: resolveLimits(opts.limits),
    logger,
  };
  const policy = { requireMtls: opts.requireMtls, allowLoopback: opts.allowLoopback ?? false };

  const api = createService({
    name: `${name}-api`,
    version: opts.serviceVersion ?? '0.1.0',
    logger,
    ...(opts.metrics?.api !== undefined ? { metrics: opts.metrics.api } : {}),
    ...(opts.requireMtls ? { fastify: { https: tlsServerOptions(opts.credentials) } } : {}),
    notFound: apiNotFound,
  });
  registerApiRoutes(api, ctx, policy);
  if (!opts.requireMtls) {
    logger.warn(
      { requireMtls: false },
      '!!! CA: MUTUAL TLS IS OFF: 통합인증-101…104 are served over plain HTTP and callers are identified by their token, not a certificate (40103 never answered). Development only. !!!',
    );
  }

  const pages = createService({
    name: `${name}-pages`,
    version: opts.serviceVersion ?? '0.1.0',
    logger,
    ...(opts.metrics?.pages !== undefined ? { metrics: opts.metrics.pages } : {}),
    notFound: pageNotFound(ctx),
  });
  registerPageRoutes(pages, ctx);
  registerIdentityRoutes(
    api,
    pages,
    ctx,
    policy,
    opts.identityStore ?? createMemoryIdentityStore(() => ctx.clock.nowMs()),
  );

  return { api, pages, controls: createCaControls(ctx) };
}
