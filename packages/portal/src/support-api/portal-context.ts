import type { Logger } from '@hannun/infra';
import type { VersionConfig } from '@hannun/spec';
import type { RegistryClock, RegistryRepository } from '../store/registry-repository.ts';
import type { StatisticsRepository } from '../store/statistics-repository.ts';
import type { ManageTokenKey } from '../tokens/manage-token.ts';
import type { VerifiedTokens } from '../tokens/verified-tokens.ts';

/** How callers reach the support APIs. */
export interface TransportPolicy {
  /** Mutual TLS: the client certificate names the caller. Off only in development (logged loudly). */
  readonly requireMtls: boolean;
  /** Accept loopback addresses for every organisation (everything on one machine: the demo). */
  readonly allowLoopback: boolean;
}

/** What the support APIs share. */
export interface PortalContext {
  /** The portal's own org_code (iss of its tokens). */
  readonly orgCode: string;
  readonly registry: RegistryRepository;
  readonly statistics: StatisticsRepository;
  readonly tokenKey: ManageTokenKey;
  /** Verifies presented tokens (and remembers good ones); by default a cache over `tokenKey` for `orgCode`. */
  readonly verifyToken?: VerifiedTokens;
  /** Lifetime of a 지원-001 token, at most a year. */
  readonly tokenLifetimeSeconds: number;
  readonly clock: RegistryClock;
  readonly versions: VersionConfig;
  readonly transport: TransportPolicy;
  readonly logger: Logger;
}
