import type { FastifyRequest, Logger, ServiceMetrics, ServiceOptions } from '@hannun/infra';
import type { VersionConfig } from '@hannun/spec';
import type { CallerRegistry } from '../check-chain/caller-registry.ts';
import type { SigningKeys } from '../tokens/signing-keys.ts';

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
   * Check every client certificate's SERIALNUMBER against the registry (40103). Off in development, where
   * the engine runs without TLS and says so loudly at start; the PKI issue brings the TLS layer.
   */
  readonly requireMtls?: boolean;
  /** How to read the client certificate's serial; by default from the TLS socket. */
  readonly clientCertSerial?: (request: FastifyRequest) => string | undefined;
  /** Registered callers: serials and IPs (the portal issue feeds it). Default: loopback only. */
  readonly callers?: CallerRegistry;
  /** Versions answered (40003 for others). Default /v2, /v1 accepted. */
  readonly versions?: VersionConfig;
  /** HMAC key of next_page cursors (≥ 32 bytes). Default: random at start (cursors die with a restart). */
  readonly cursorSecret?: Uint8Array;
  /** Token signing keys. Default: a fresh ES256 key per institution at start. */
  readonly signingKeys?: SigningKeys;
  /** Verified tokens remembered per institution. Default 10,000. */
  readonly tokenCacheSize?: number;
  readonly testHooks?: TestHooksConfig;
  readonly logger?: Logger;
  readonly serviceName?: string;
  readonly serviceVersion?: string;
  readonly metrics?: ServiceMetrics | false;
  /** Further fastify options (https with requestCert for mTLS, bodyLimit …). */
  readonly fastify?: ServiceOptions['fastify'];
}
