import type { FastifyRequest } from '@hannun/infra';
import type { Registry } from '@hannun/registry';
import type { CheckFailure } from '../check-chain/check-failure.ts';
import type { ProviderClock } from '../clock/provider-clock.ts';
import type { Institution } from '../institutions/institution.ts';
import type { InstitutionBook } from '../ledger/ledger.ts';
import type { SigningKey } from '../tokens/signing-keys.ts';
import type { TokenLifetimes } from '../tokens/token-lifetimes.ts';
import type { TokenRevocations } from '../tokens/token-revocations.ts';
import type { CaClient } from './ca-client.ts';
import type { KeyedLock } from './keyed-lock.ts';
import type { LoginService } from './login/login-service.ts';
import type { SmsOutbox } from './login/sms-outbox.ts';
import { type OAuthFailure, oauthFail } from './oauth-failure.ts';
import type { AuthStore } from './store/auth-store.ts';

/** One institution as authentication sees it. */
export interface AuthInstitution {
  readonly institution: Institution;
  readonly book: InstitutionBook;
  /** The industry's list APIs (은행-001, IRP-001 …): their holdings are what a consent can name. */
  readonly listApis: readonly string[];
  readonly key: SigningKey;
}

/** What every authentication handler needs, built once by registerAuthRoutes. */
export interface AuthDeps {
  readonly registry: Registry | undefined;
  readonly store: AuthStore;
  readonly revocations: TokenRevocations;
  readonly clock: ProviderClock;
  readonly lifetimes: TokenLifetimes;
  readonly caClient: CaClient | undefined;
  readonly lock: KeyedLock;
  /** Mutual TLS and source address (the check chain's steps 1–2): the caller's org_code, or a failure. */
  readonly transport: (request: FastifyRequest) => string | undefined | CheckFailure;
  readonly logins: LoginService;
  readonly sms: SmsOutbox;
  readonly showDemoSms: boolean;
  /** The origin of the person's pages (AuthConfig.publicUrl, or the pages listener's), if not the request's. */
  readonly publicUrl: () => string | undefined;
  readonly requestTtlMs: number;
}

/** The registry, or the clear error of an engine started without one. */
export function registryOf(deps: AuthDeps): Registry | OAuthFailure {
  return (
    deps.registry ??
    oauthFail(
      'server_error',
      '정보제공자 설정 오류: 등록 정보(registry) 없음',
      'the provider engine was started without a registry (ProviderEngineOptions.registry): no client can be checked',
    )
  );
}
