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
    publicUrl: config.publicUrl,
    requestTtlMs: (config.requestTtlSeconds ?? 15 * 60) * 1000,
  };

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
    for (const entry of opts.institutions) {
      const inst: AuthInstitution = {
        institution: entry.institution,
        book: entry.book,
        listApis: entry.apis.filter((a) => a.kind === 'list').map((a) => a.id),
        key: opts.signingKeys.of(entry.institution.orgCode),
      };
      const base = entry.institution.basePath;
      const route = (
        method: 'GET' | 'POST',
        url: string,
        handler: (d: AuthDeps, i: AuthInstitution, q: FastifyRequest, r: FastifyReply) => Promise<FastifyReply>,
      ) =>
        scope.route({
          method,
          url,
          exposeHeadRoute: false,
          handler: (request, reply) => handler(deps, inst, request, reply),
        });
      const refuseOthers = (url: string, allowed: readonly string[]) =>
        scope.route({
          method: [...OTHER_METHODS, 'GET', 'POST'].filter((m) => !allowed.includes(m)),
          url,
          exposeHeadRoute: false,
          handler: methodNotAllowed,
        });

      route('GET', `${base}${PATHS.authorize}`, handleAuthorize);
      refuseOthers(`${base}${PATHS.authorize}`, ['GET']);
      route('POST', `${base}${PATHS.token}`, handleToken);
      refuseOthers(`${base}${PATHS.token}`, ['POST']);
      route('POST', `${base}${PATHS.revoke}`, handleRevoke);
      refuseOthers(`${base}${PATHS.revoke}`, ['POST']);
      route('GET', `${base}/auth/login`, showLogin);
      route('POST', `${base}/auth/login`, submitLogin);
      route('GET', `${base}/auth/otp`, showOtp);
      route('POST', `${base}/auth/otp`, submitOtp);
      route('GET', `${base}/auth/consent`, showConsent);
      route('POST', `${base}/auth/consent`, submitConsent);
    }
  });
  if (opts.hooks) registerSmsHook(app, { prefix: opts.hooks.prefix, token: opts.hooks.token, sms });
  return { store, sms };
}
