import type { Logger } from '@hannun/infra';
import { clientAgent, type Pki } from '@hannun/pki';
import { type LiveRegistry, type Registry, type SyncRole, syncRegistry } from '@hannun/registry';
import type { TranIdGenerator } from '@hannun/spec';
import type { DemoOrganisation } from '../ecosystem/demo-organisations.ts';
import type { ClientCredential } from '../ecosystem/ecosystem-credentials.ts';
import type { ServiceContext } from '../ecosystem/service-definition.ts';

export interface ParticipantRegistry {
  /** Live (synced from the portal) or, without a portal in this run, the portal's registry at start. */
  readonly registry: Registry;
  readonly live: LiveRegistry | undefined;
  /** Ask the portal for changes now (no-op without a portal). */
  syncNow(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The registry a participant works from. When this run has a portal, a live copy synced over the support
 * APIs as `self` (its own certificate and the credential the portal issued it): 지원-001 token, then the
 * deltas of its role on start and every `intervalMs`. Without one (e.g. `hannun provider` alone), the portal's
 * registry as it was when the run started (`ctx.trust.registry`), said in the log.
 */
export async function participantRegistry(
  ctx: ServiceContext,
  opts: {
    readonly self: DemoOrganisation;
    readonly role: SyncRole;
    readonly tranIdKind: TranIdGenerator;
    readonly intervalMs: number;
    /** Mutual TLS to the portal; false only with HANNUN_INSECURE_NO_MTLS. */
    readonly mutualTls: boolean;
  },
): Promise<ParticipantRegistry> {
  const portal = ctx.running().find((s) => s.role === 'portal');
  if (!portal) {
    ctx.logger.warn('no portal in this run: the registry is the portal’s as it was at start (not synced)');
    return { registry: ctx.trust.registry, live: undefined, syncNow: async () => {}, stop: async () => {} };
  }
  return followPortal({
    portalUrl: portal.url,
    pki: ctx.trust.pki,
    credentials: ctx.trust.credentials.orgs.get(opts.self.orgCode),
    logger: ctx.logger,
    ...opts,
  });
}

/**
 * A live registry synced from the portal at `portalUrl` as `self` (its own certificate from `pki` and the
 * credential the portal issued it): 지원-001 token, then the deltas of its role on start and every
 * `intervalMs`. Shared by the services of `hannun up` and by `hannun worker`, which has no ecosystem around it.
 */
export async function followPortal(opts: {
  readonly portalUrl: string;
  readonly pki: Pki;
  readonly credentials: ClientCredential | undefined;
  readonly logger: Logger;
  readonly self: DemoOrganisation;
  readonly role: SyncRole;
  readonly tranIdKind: TranIdGenerator;
  readonly intervalMs: number;
  readonly mutualTls: boolean;
}): Promise<ParticipantRegistry> {
  const { credentials, logger, portalUrl } = opts;
  if (!credentials) throw new Error(`the portal issued no credential to ${opts.self.orgCode} (credentials.json)`);
  const dispatcher = opts.mutualTls ? clientAgent(opts.pki.org(opts.self.pkiId)) : undefined;
  try {
    const sync = await syncRegistry({
      portalUrl,
      ...(dispatcher ? { dispatcher } : {}),
      credentials,
      orgCode: opts.self.orgCode,
      tranIdKind: opts.tranIdKind,
      role: opts.role,
      intervalMs: opts.intervalMs,
      logger,
    });
    logger.info(
      {
        portal: portalUrl,
        orgs: sync.registry.snapshot.orgs.length,
        services: sync.registry.snapshot.services.length,
        intervalMs: opts.intervalMs,
      },
      'following the portal registry',
    );
    return {
      registry: sync.registry,
      live: sync.registry,
      syncNow: async () => {
        await sync.syncNow();
      },
      async stop() {
        sync.stop();
        await dispatcher?.close();
      },
    };
  } catch (error) {
    await dispatcher?.close();
    throw error;
  }
}
