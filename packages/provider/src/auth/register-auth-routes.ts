import type { FastifyInstance, FastifyReply, FastifyRequest } from '@hannun/infra';
import type { Registry } from '@hannun/registry';
import { apiById, apiPath, OAUTH_ERRORS } from '@hannun/spec';
import type { CheckFailure } from '../check-chain/check-failure.ts';
import type { ProviderClock } from '../clock/provider-clock.ts';
import type { ConsentStore } from '../consent/consent.ts';
import type { Institution } from '../institutions/institution.ts';
import type { InstitutionBook } from '../ledger/ledger.ts';
import type { SigningKeys } from '../tokens/signing-keys.ts';
import { resolveLifetimes } from '../tokens/token-lifetimes.ts';
import type { TokenRevocations } from '../tokens/token-revocations.ts';
import type { AuthConfig } from './auth-config.ts';
import type { AuthDeps, AuthInstitution } from './auth-deps.ts';
import { handleAuthorize } from './authorize/handle-authorize.ts';
import { showConsent, submitConsent } from './consent-page/consent-flow.ts';
import { createKeyedLock } from './keyed-lock.ts';
import { DEFAULT_DEMO_LOGIN_SEED } from './login/demo-logins.ts';
import { createLoginService } from './login/login-service.ts';
import { registerSmsHook } from './login/sms-hook-route.ts';
import { createSmsOutbox, type SmsOutbox } from './login/sms-outbox.ts';
import { noStore, oauthFail, sendOAuthFailure } from './oauth-failure.ts';
import { showLogin, showOtp, submitLogin, submitOtp } from './pages/login-flow.ts';
import { handleRevoke } from './revoke/handle-revoke.ts';
import type { AuthStore } from './store/auth-store.ts';
import { createMemoryAuthStore } from './store/memory-auth-store.ts';
import { handleToken } from './token/handle-token.ts';

export interface AuthRoutesOptions {
  readonly institutions: readonly {
    readonly institution: Institution;
    readonly book: InstitutionBook;
    readonly apis: readonly { readonly id: string; readonly kind: string }[];
  }[];
  /** The portal registry: services (client_id, secret hash, callbacks, app schemes) and CAs. */
  readonly registry: Registry | undefined;
  readonly consents: ConsentStore;
  readonly revocations: TokenRevocations;
  readonly signingKeys: SigningKeys;
  readonly clock: ProviderClock;
  /** The check chain's transport steps (client certificate serial, source IP) for a request. */
  readonly transport: (request: FastifyRequest) => string | undefined | CheckFailure;
  readonly config?: AuthConfig;
  /** Test hooks: the simulated SMS is readable under `<prefix>/auth/sms/:org`. */
  readonly hooks?: { readonly prefix: string; readonly token: string };
  /**
   * Where the person's pages (`/auth/login`, `/otp`, `/consent`) are served: a listener of their own, without
   * client certificates, for a browser (the institutions' endpoints need the operator's certificate). `origin`
   * answers where that listener is reached once started (the login page's Location). Default: on `app`.
   */
  readonly pages?: { readonly app: FastifyInstance; readonly origin: () => string | undefined };
}

/** What authentication offers besides HTTP (tests, the demo). */
export interface AuthControls {
  readonly store: AuthStore;
  readonly sms: SmsOutbox;
}

const PATHS = {
  authorize: apiPath(apiById('개별인증-001'), { version: 'v2' }),
  token: apiPath(apiById('개별인증-002'), { version: 'v2' }),
  revoke: apiPath(apiById('개별인증-004'), { version: 'v2' }),
};

const OTHER_METHODS = ['DELETE', 'PATCH', 'PUT', 'OPTIONS', 'HEAD'] as const;

function methodNotAllowed(_request: FastifyRequest, reply: FastifyReply) {
  return noStore(reply)
    .code(OAUTH_ERRORS.method_not_allowed.http)
    .type('application/json; charset=utf-8')
    .send({ error: 'method_not_allowed', error_description: '허용되지 않은 HTTP 메소드' });
}

/**
 * Authentication at every institution, under its base path: 개별인증-001 `GET /oauth/2.0/authorize`,
 * `POST /oauth/2.0/token` (개별인증-002/003 and 통합인증-002 by grant_type), 개별인증-004
 * `POST /oauth/2.0/revoke`, and the provider's own pages (`/auth/login`, `/auth/otp`, `/auth/consent`).
 * Other methods answer 405 `method_not_allowed`. Form bodies are parsed here only.
 */
export function registerAuthRoutes(app: FastifyInstance, opts: AuthRoutesOptions): AuthControls {
  const config = opts.config ?? {};
  const store = config.store ?? createMemoryAuthStore(opts.consents);
  for (const { jti, at } of store.revokedJtis.loaded()) opts.revocations.revoke(jti, at);
  const sms = createSmsOutbox();
  const deps: AuthDeps = {
    registry: opts.registry,
    store,
    revocations: opts.revocations,
    clock: opts.clock,
    lifetimes: resolveLifetimes(config.lifetimes),
    caClient: config.caClient,
    lock: createKeyedLock(),
    transport: opts.transport,
    logins: createLoginService({
      logins: store.logins,
      demoSeed: config.demoLoginSeed ?? DEFAULT_DEMO_LOGIN_SEED,
      ...(config.passwordHashing ? { cost: config.passwordHashing } : {}),
    }),
    sms,
    showDemoSms: config.showDemoSms ?? true,
    publicUrl: () => config.publicUrl ?? opts.pages?.origin(),
    requestTtlMs: (config.requestTtlSeconds ?? 15 * 60) * 1000,
  };

  const institutions = opts.institutions.map(
    (entry): AuthInstitution => ({
      institution: entry.institution,
      book: entry.book,
      listApis: entry.apis.filter((a) => a.kind === 'list').map((a) => a.id),
      key: opts.signingKeys.of(entry.institution.orgCode),
    }),
  );
  authScope(app, (scope) => {
    for (const inst of institutions) {
      const { route, refuseOthers } = routesOf(scope, deps, inst);
      route('GET', PATHS.authorize, handleAuthorize);
      refuseOthers(PATHS.authorize, ['GET']);
      route('POST', PATHS.token, handleToken);
      refuseOthers(PATHS.token, ['POST']);
      route('POST', PATHS.revoke, handleRevoke);
      refuseOthers(PATHS.revoke, ['POST']);
      if (!opts.pages) registerPages(route);
    }
  });
  if (opts.pages) {
    authScope(opts.pages.app, (scope) => {
      for (const inst of institutions) registerPages(routesOf(scope, deps, inst).route);
    });
  }
  if (opts.hooks) registerSmsHook(app, { prefix: opts.hooks.prefix, token: opts.hooks.token, sms });
  return { store, sms };
}

type AuthHandler = (d: AuthDeps, i: AuthInstitution, q: FastifyRequest, r: FastifyReply) => Promise<FastifyReply>;
type RouteOf = (method: 'GET' | 'POST', path: string, handler: AuthHandler) => void;

/** The provider's own pages for the person: login, one-time code, consent. */
function registerPages(route: RouteOf): void {
  route('GET', '/auth/login', showLogin);
  route('POST', '/auth/login', submitLogin);
  route('GET', '/auth/otp', showOtp);
  route('POST', '/auth/otp', submitOtp);
  route('GET', '/auth/consent', showConsent);
  route('POST', '/auth/consent', submitConsent);
}

/** Routes under an institution's base path, and the 405 answer for the methods a path does not take. */
function routesOf(scope: FastifyInstance, deps: AuthDeps, inst: AuthInstitution) {
  const base = inst.institution.basePath;
  const route: RouteOf = (method, path, handler) => {
    scope.route({
      method,
      url: `${base}${path}`,
      exposeHeadRoute: false,
      handler: (request, reply) => handler(deps, inst, request, reply),
    });
  };
  const refuseOthers = (path: string, allowed: readonly string[]) => {
    scope.route({
      method: [...OTHER_METHODS, 'GET', 'POST'].filter((m) => !allowed.includes(m)),
      url: `${base}${path}`,
      exposeHeadRoute: false,
      handler: methodNotAllowed,
    });
  };
  return { route, refuseOthers };
}

/** A plugin scope reading bodies as strings (forms are decoded by each handler) with OAuth-shaped errors. */
function authScope(app: FastifyInstance, register: (scope: FastifyInstance) => void): void {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) =>
      done(null, body),
    );
    scope.setErrorHandler((error, request, reply) => {
      const status = (error as { statusCode?: unknown }).statusCode;
      if (typeof status === 'number' && status >= 400 && status < 500) {
        return sendOAuthFailure(reply, oauthFail('invalid_request', '(body): 요청 본문을 읽을 수 없습니다'));
      }
      request.log.error({ err: error }, 'authentication failed unexpectedly');
      return sendOAuthFailure(reply, oauthFail('server_error', '서버 오류'));
    });
    register(scope);
  });
}
