import type { KeyObject } from 'node:crypto';
import type { Logger } from '@hannun/infra';
import type { Registry } from '@hannun/registry';
import type { OperatorDomain } from '../operator-domain.ts';
import { CaClient } from './ca-client.ts';
import type { Collector } from './collector.ts';
import { FollowUpRunner } from './follow-up-runner.ts';
import { IndividualAuth } from './individual-auth.ts';
import { IntegratedAuth } from './integrated-auth.ts';
import type { Outbound } from './outbound.ts';
import { LiveProgress } from './live-progress.ts';
import { createOperatorMaintenance, type OperatorMaintenance } from './operator-maintenance.ts';
import { PendingFlows } from './pending-flows.ts';
import { ProviderAuthClient, type ServiceCredentials } from './provider-auth-client.ts';
import { SignUpIdentity } from './sign-up-identity.ts';

export interface OperatorRuntimeOptions {
  readonly domain: OperatorDomain;
  /** Who is who (live from the portal in `hannun up`): the institutions, their domains and names. */
  readonly registry: Registry;
  /** The operator's mutual-TLS agent and org_code. */
  readonly out: Outbound;
  readonly ca: {
    /** 통합인증-101…103 and the identity check (mutual TLS). */
    readonly apiUrl: string;
    /** Where the person's browser signs or confirms (`/sign/…`, `/identity/…`). */
    readonly pagesUrl: string;
    readonly orgCode: string;
    readonly caCode: string;
    /** The CA's public signing key: identity assertions are verified with it. */
    readonly publicKey: KeyObject;
  };
  /** The operator organisation's own credentials (통합인증-101 at the CA). */
  readonly orgCredentials: { readonly clientId: string; readonly clientSecret: string };
  /** The app's service at the providers (개별인증, 통합인증-002, 개별인증-004). */
  readonly service: ServiceCredentials;
  readonly collector: Collector;
  readonly logger: Logger;
  /** 통합인증-103 polling interval (default 1 s). */
  readonly pollMs?: number;
  /** How long a process holds a 통합인증 flow it polls without renewing (default 15 s). */
  readonly flowLeaseMs?: number;
  /** The daily maintenance (live-consent check, yearly notices): started unless `false`. */
  readonly maintenance?: false | { readonly intervalMs?: number; readonly firstRunMs?: number };
}

/** Everything the operator's app API runs on, wired once per process. */
export interface OperatorRuntime {
  readonly domain: OperatorDomain;
  readonly registry: Registry;
  readonly ca: CaClient;
  readonly providers: ProviderAuthClient;
  readonly hub: LiveProgress;
  readonly integrated: IntegratedAuth;
  readonly individual: IndividualAuth;
  readonly signUp: SignUpIdentity;
  readonly followUps: FollowUpRunner;
  readonly collector: Collector;
  readonly logger: Logger;
  /** The daily maintenance; `runOnce()` and `liveConsents()` are the diagnostics. */
  readonly maintenance: OperatorMaintenance;
  /** Stops the 통합인증 pollers (waiting flows stay in the database for the next process) and the maintenance. */
  close(): Promise<void>;
}

export function createOperatorRuntime(o: OperatorRuntimeOptions): OperatorRuntime {
  const { domain, logger, collector } = o;
  const ca = new CaClient({
    apiUrl: o.ca.apiUrl,
    caOrgCode: o.ca.orgCode,
    credentials: o.orgCredentials,
    out: o.out,
    caPublicKey: o.ca.publicKey,
    nowMs: () => domain.clock.nowMs(),
  });
  const providers = new ProviderAuthClient({ registry: o.registry, out: o.out, service: o.service });
  const hub = new LiveProgress(collector);
  const flows = new PendingFlows({ store: domain.store, crypto: domain.crypto });
  const integrated = new IntegratedAuth({
    flows,
    domain,
    ca,
    caCode: o.ca.caCode,
    caPagesUrl: o.ca.pagesUrl,
    providers,
    hub,
    collector,
    logger,
    ...(o.pollMs !== undefined ? { pollMs: o.pollMs } : {}),
    ...(o.flowLeaseMs !== undefined ? { leaseMs: o.flowLeaseMs } : {}),
  });
  const individual = new IndividualAuth({ domain, providers, hub, collector, logger, flows });
  const signUp = new SignUpIdentity({ ca, flows, caPagesUrl: o.ca.pagesUrl, clock: domain.clock, logger });
  // 통합인증 flows left by a process that stopped (a restart) are taken over.
  integrated.startResuming();
  const followUps = new FollowUpRunner({ domain, providers, collector, logger });
  const maintenance = createOperatorMaintenance({ domain, logger, ...(o.maintenance || {}) });
  if (o.maintenance !== false) maintenance.start();
  return {
    domain,
    registry: o.registry,
    ca,
    providers,
    hub,
    integrated,
    individual,
    signUp,
    followUps,
    collector,
    logger,
    maintenance,
    async close() {
      await maintenance.stop();
      await integrated.close();
    },
  };
}
