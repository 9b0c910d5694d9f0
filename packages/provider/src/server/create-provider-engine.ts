import { createLogger, createService, type Service } from '@hannun/infra';
import type { Registry } from '@hannun/registry';
import { apisForIndustry, DEFAULT_VERSION_CONFIG } from '@hannun/spec';
import { createCallerRegistry } from '../check-chain/caller-registry.ts';
import { fail } from '../check-chain/check-failure.ts';
import { createCycleCounter } from '../check-chain/cycle-counter.ts';
import { parseNpWindows } from '../check-chain/np-time-windows.ts';
import { type ChainDeps, checkTransport } from '../check-chain/run-check-chain.ts';
import { type AuthControls, registerAuthRoutes } from '../auth/register-auth-routes.ts';
import { createTranIdLedger } from '../check-chain/tran-id-ledger.ts';
import { type ProviderClock, systemClock } from '../clock/provider-clock.ts';
import type { AccessTokenClaims, ConsentStore } from '../consent/consent.ts';
import { createCursorCodec } from '../cursor/cursor-codec.ts';
import { type CompiledApi, compileApi } from '../engine/compile-api.ts';
import { apiListing } from '../engine/handle-api-list.ts';
import { envelopeAnswer } from '../engine/respond.ts';
import {
  type EngineInstitution,
  registerEngineRoutes,
  routingFailure,
  sendAnswer,
} from '../engine/register-engine-routes.ts';
import { registerAdminRoutes } from '../hooks/admin-routes.ts';
import { createFaultInjector, type FaultInjector } from '../hooks/fault-injection.ts';
import type { Institution } from '../institutions/institution.ts';
import type { InstitutionBook } from '../ledger/ledger.ts';
import { mintAccessToken } from '../tokens/mint-access-token.ts';
import { generateSigningKeys, type SigningKeys } from '../tokens/signing-keys.ts';
import { createTokenRevocations, type TokenRevocations } from '../tokens/token-revocations.ts';
import { createTokenVerifier } from '../tokens/token-verifier.ts';
import { registerSupportRoutes } from '../support/register-support-routes.ts';
import type { SupportConfig } from '../support/support-config.ts';
import type { CallTally } from '../support/statistics/call-tally.ts';
import { createCallHook } from '../support/statistics/engine-call-hook.ts';
import type { ProviderEngineConfig } from './engine-config.ts';
import { observeCalls } from './observe-calls.ts';
import { tlsPeerSerial } from './tls-peer-serial.ts';

export interface ProviderEngineOptions {
  readonly institutions: readonly Institution[];
  /** One book per institution (matched by org_code). */
  readonly books: Iterable<InstitutionBook>;
  readonly consents: ConsentStore;
  /** The provider clock. Default: real time. */
  readonly clock?: ProviderClock;
  readonly config?: ProviderEngineConfig;
  /** The portal registry (services, CAs): needed by the authentication endpoints (server_error without it). */
  readonly registry?: Registry;
  /** 지원-101/102/104 for the portal: the portal credential each institution verifies (support/support-config.ts). */
  readonly support?: SupportConfig;
  /** Count every answered information-API call here, for the weekly statistics (지원-005; support/statistics/). */
  readonly statistics?: CallTally;
}

/** What the engine offers besides HTTP: keys, tokens, revocation, and the test hooks when enabled. */
export interface ProviderControls {
  readonly institutions: readonly Institution[];
  readonly signingKeys: SigningKeys;
  readonly revocations: TokenRevocations;
  readonly consents: ConsentStore;
  readonly clock: ProviderClock;
  /** Fault injection, when test hooks are enabled. */
  readonly faults: FaultInjector | undefined;
  /** Authentication's store and simulated SMS (개별인증, 통합인증-002). */
  readonly auth: AuthControls;
  /** The information APIs each institution serves (by org_code), as compiled from the catalogue. */
  apisOf(orgCode: string): readonly CompiledApi[];
  /** Sign an access token with the institution's key (iss = claims.iss). */
  mintAccessToken(claims: AccessTokenClaims): Promise<string>;
  /** Revoke one token by its jti, from the provider clock's now. */
  revokeToken(jti: string): void;
}

export type ProviderEngine = Service & {
  readonly provider: ProviderControls;
  /** The person's pages of 개별인증 on their own listener (`config.personPages`); start and stop it with the engine. */
  readonly pages: Service | undefined;
};

const ADMIN_TOKEN_MIN = 16;

/**
 * The information-provider engine: one fastify service (`createService`: logging, metrics, health,
 * tran-id echo) serving every institution under its base path, each information API of its industry
 * behind the check chain, with the engine's own 공통-001/002. Start and stop it as any Hannun service.
 */
export function createProviderEngine(opts: ProviderEngineOptions): ProviderEngine {
  const config = opts.config ?? {};
  const clock = opts.clock ?? systemClock;
  const logger = config.logger ?? createLogger({ service: config.serviceName ?? 'provider' });
  const versions = config.versions ?? DEFAULT_VERSION_CONFIG;
  const requireMtls = config.requireMtls ?? false;
  const hooks = config.testHooks?.enabled === true ? config.testHooks : undefined;
  if (hooks && (hooks.adminToken ?? '').length < ADMIN_TOKEN_MIN) {
    throw new Error(`test hooks need an adminToken of at least ${ADMIN_TOKEN_MIN} characters`);
  }

  const books = new Map<string, InstitutionBook>();
  for (const book of opts.books) books.set(book.orgCode, book);
  const signingKeys = config.signingKeys ?? generateSigningKeys(opts.institutions.map((i) => i.orgCode));
  const revocations = createTokenRevocations();
  const startedAt = clock.nowMs();

  const compiled: EngineInstitution[] = opts.institutions.map((institution) => {
    const book = books.get(institution.orgCode);
    if (!book) throw new Error(`no book for institution ${institution.orgCode}`);
    const industryApis = apisForIndustry(institution.industry);
    const apis = industryApis
      .map((api) => compileApi(api, institution.industry, industryApis))
      .filter((api): api is CompiledApi => api !== null);
    return {
      institution,
      book,
      apis,
      verifier: createTokenVerifier({
        key: signingKeys.of(institution.orgCode),
        consents: opts.consents,
        revocations,
        ...(config.tokenCacheSize ? { cacheSize: config.tokenCacheSize } : {}),
      }),
      npWindows: parseNpWindows(institution.npTimes),
      listing: apiListing(apis, versions, startedAt),
    };
  });

  const chain: ChainDeps = {
    requireMtls,
    callers: config.callers ?? createCallerRegistry(),
    tranIds: createTranIdLedger(),
    versions,
    cursors: createCursorCodec(config.cursorSecret),
    cycles: createCycleCounter(),
  };
  const faults = hooks ? createFaultInjector() : undefined;
  const clientCertSerial = config.clientCertSerial ?? tlsPeerSerial;
  const runtime = {
    chain,
    handlers: { cursors: chain.cursors },
    clock,
    faults,
    clientCertSerial,
    calls: opts.statistics
      ? createCallHook({
          tally: opts.statistics,
          consents: opts.consents,
          callerOrg: (request) => {
            const serial = clientCertSerial(request);
            return serial === undefined ? undefined : chain.callers.orgBySerial(serial);
          },
        })
      : undefined,
  };

  const service = createService({
    name: config.serviceName ?? 'provider',
    version: config.serviceVersion ?? '0.1.0',
    logger,
    ...(config.metrics !== undefined ? { metrics: config.metrics } : {}),
    fastify: {
      ...config.fastify,
      // A path fastify cannot decode (an invalid percent-encoding) is a bad request in the standard's envelope.
      frameworkErrors: (_error, _request, reply) => {
        void sendAnswer(reply, envelopeAnswer('40001', '(path): 요청 경로를 읽을 수 없습니다'));
      },
    },
    notFound: (request, reply) => sendAnswer(reply, routingFailure(runtime, request, fail('40401'))),
  });
  if (config.onCall) observeCalls(service, clock, config.onCall, logger);
  registerEngineRoutes(service, compiled, runtime);
  registerSupportRoutes(service, {
    ...{ institutions: compiled, signingKeys, clock, versions, registry: opts.registry, faults, config: opts.support },
    transport: (request) =>
      checkTransport(chain, { ip: request.ip, clientCertSerial: runtime.clientCertSerial(request) }),
  });
  const pages = config.personPages
    ? createService({
        name: `${config.serviceName ?? 'provider'}-pages`,
        version: config.serviceVersion ?? '0.1.0',
        logger,
        metrics: false,
      })
    : undefined;
  const auth = registerAuthRoutes(service, {
    institutions: compiled,
    registry: opts.registry,
    consents: opts.consents,
    revocations,
    signingKeys,
    clock,
    transport: (request) =>
      checkTransport(chain, { ip: request.ip, clientCertSerial: runtime.clientCertSerial(request) }),
    config: config.auth,
    ...(hooks ? { hooks: { prefix: hooks.prefix ?? '/_test', token: hooks.adminToken! } } : {}),
    ...(pages ? { pages: { app: pages, origin: () => listeningOrigin(pages) } } : {}),
  });

  if (!requireMtls) {
    logger.warn(
      { requireMtls: false },
      '!!! MUTUAL TLS IS OFF: client certificate serials are not checked (40103 never answered). Development only: set requireMtls for anything else. !!!',
    );
  }
  if (hooks && faults) {
    const prefix = hooks.prefix ?? '/_test';
    registerAdminRoutes(service, {
      prefix,
      token: hooks.adminToken!,
      faults,
      clock,
      institutions: new Map(compiled.map((e) => [e.institution.orgCode, e])),
    });
    logger.warn({ prefix }, 'test hooks are ON: fault injection and the admin routes are served');
  }

  const apisByOrg = new Map(compiled.map((e) => [e.institution.orgCode, e.apis]));
  const provider: ProviderControls = {
    institutions: opts.institutions,
    signingKeys,
    revocations,
    consents: opts.consents,
    clock,
    faults,
    auth,
    apisOf: (orgCode) => apisByOrg.get(orgCode) ?? [],
    mintAccessToken: (claims) => mintAccessToken(signingKeys.of(claims.iss), claims),
    revokeToken: (jti) => revocations.revoke(jti, clock.nowMs()),
  };
  service.decorate('provider', provider);
  service.decorate('pages', pages);
  return service as ProviderEngine;
}

/** `http://host:port` of a listening plain-HTTP service (a wildcard address is reached as localhost). */
function listeningOrigin(service: Service): string | undefined {
  const address = service.server.address();
  if (address === null || typeof address === 'string') return undefined;
  const host = address.address === '0.0.0.0' || address.address === '::' ? 'localhost' : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}
