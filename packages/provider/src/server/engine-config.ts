import type { FastifyRequest, Logger, ServiceMetrics, ServiceOptions } from '@hannun/infra';
import type { VersionConfig } from '@hannun/spec';
import type { AuthConfig } from '../auth/auth-config.ts';
import type { CallerRegistry } from '../check-chain/caller-registry.ts';
import type { SigningKeys } from '../tokens/signing-keys.ts';
import type { CallObserver } from './observe-calls.ts';

/** Test hooks: fault injection and the admin routes (read-only customer view, clock). Never on by default. */
export interface TestHooksConfig {
  readonly enabled: boolean;
  /** Bearer token of the admin routes; required (≥ 16 characters) when enabled. */
  readonly adminToken?: string;
  /** Where the admin routes live. Default `/_test`. */
  readonly prefix?: string;
}

export interface ProviderEngineConfig {
  /**
   * Check every client certificate's SERIALNUMBER against the registry (40103). Pair it with
   * `fastify: { https: tlsServerOptions(org) }` from `@hannun/pki` (TLS 1.3, client certificate required and
   * verified against the root), as `hannun up` does. Default off: the engine then says so loudly at start.
   */
  readonly requireMtls?: boolean;
  /** How to read the client certificate's serial; by default from the TLS socket. */
  readonly clientCertSerial?: (request: FastifyRequest) => string | undefined;
  /** Registered callers: serials and IPs (`createCallerRegistry({ registry })`). Default: loopback only. */
  readonly callers?: CallerRegistry;
  /** Versions answered (40003 for others). Default /v2, /v1 accepted. */
  readonly versions?: VersionConfig;
  /** HMAC key of next_page cursors (≥ 32 bytes). Default: random at start (cursors die with a restart; `hannun up` persists one). */
  readonly cursorSecret?: Uint8Array;
  /** Token signing keys. Default: a fresh ES256 key per institution at start (`hannun up` loads the PKI's). */
  readonly signingKeys?: SigningKeys;
  /** Verified tokens remembered per institution. Default 10,000. */
  readonly tokenCacheSize?: number;
  readonly testHooks?: TestHooksConfig;
  /**
   * Serve the person's pages of 개별인증 (login, one-time code, consent) on a second listener of their own, plain
   * HTTP without client certificates (`engine.pages`, started by the caller), as a browser needs: the institutions'
   * endpoints take only registered client certificates. Default off: the pages are served by the engine itself.
   */
  readonly personPages?: boolean;
  /** Authentication (개별인증-001…004, 통합인증-002): lifetimes, store, CA client, demo logins (auth/auth-config.ts). */
  readonly auth?: AuthConfig;
  /**
   * Observe every request the engine answers, after the answer is sent (server/observe-calls.ts): the operator
   * checks' recording provider. Default none (no hook is added).
   */
  readonly onCall?: CallObserver;
  readonly logger?: Logger;
  readonly serviceName?: string;
  readonly serviceVersion?: string;
  readonly metrics?: ServiceMetrics | false;
  /** Further fastify options (https with requestCert for mTLS, bodyLimit …). */
  readonly fastify?: ServiceOptions['fastify'];
}
