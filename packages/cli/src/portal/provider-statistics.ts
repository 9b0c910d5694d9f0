import { clientAgent } from '@hannun/pki';
import {
  type CallTally,
  type ConsentRecord,
  createCallTally,
  createStatisticsSender,
  type Institution,
  openSqlCallStatsStore,
  type ProviderClock,
  type StatisticsSender,
} from '@hannun/provider';
import { createPortalStatisticsClient } from '@hannun/registry';
import { storeUrlFor } from '@hannun/store';
import { PROVIDER_HOST } from '../ecosystem/demo-organisations.ts';
import type { ServiceContext } from '../ecosystem/service-definition.ts';

/** The provider's weekly statistics in `hannun up`: what the engine counts into, and the sender. */
export interface ProviderStatistics {
  /** The engine records every answered information-API call here (`createProviderEngine({ statistics })`). */
  readonly tally: CallTally;
  /** Sends 지원-005 on Monday, catches up at start, answers 지원-104 (`support.statistics`). */
  readonly sender: StatisticsSender;
  /** Catch up (in the background: the service does not wait for the portal) and start the Monday schedule. */
  start(): void;
  stop(): Promise<void>;
}

/**
 * The weekly statistics of the demo's institutions (지원-005), when this run has a portal: the engine's host
 * RLHANNUN01 sends them for every institution it serves, as a relay does (its own certificate for mutual TLS,
 * its own credential for 지원-001, each institution named in `org_code`). Call counts are kept in the Hannun
 * database (namespace `provider_stats`), so a restart loses nothing and a week is sent once. Undefined without a
 * portal (e.g. `hannun provider` alone): nothing is counted then.
 */
export async function providerStatistics(
  ctx: ServiceContext,
  opts: {
    readonly institutions: readonly Institution[];
    readonly consents: () => Iterable<ConsentRecord>;
    readonly clock: ProviderClock;
    /** Mutual TLS to the portal; false only with HANNUN_INSECURE_NO_MTLS. */
    readonly mutualTls: boolean;
  },
): Promise<ProviderStatistics | undefined> {
  const portal = ctx.running().find((s) => s.role === 'portal');
  if (!portal) {
    ctx.logger.warn('no portal in this run: weekly statistics (지원-005) are neither counted nor sent');
    return undefined;
  }
  const credentials = ctx.trust.credentials.orgs.get(PROVIDER_HOST.orgCode);
  if (!credentials) throw new Error(`the portal issued no credential to ${PROVIDER_HOST.orgCode} (credentials.json)`);
  const store = await openSqlCallStatsStore({ url: storeUrlFor(ctx.dataDir, ctx.env), logger: ctx.logger });
  const dispatcher = opts.mutualTls ? clientAgent(ctx.trust.pki.org(PROVIDER_HOST.pkiId)) : undefined;
  const tally = createCallTally();
  const sender = createStatisticsSender({
    orgCodes: opts.institutions.map((i) => i.orgCode),
    tally,
    store,
    consents: opts.consents,
    client: createPortalStatisticsClient(
      {
        portalUrl: portal.url,
        ...(dispatcher ? { dispatcher } : {}),
        credentials,
        orgCode: PROVIDER_HOST.orgCode,
        tranIdKind: 'R',
      },
      '지원-005',
    ),
    senderOrgCode: PROVIDER_HOST.orgCode,
    clock: opts.clock,
    logger: ctx.logger,
  });
  let started: Promise<unknown> | undefined;
  return {
    tally,
    sender,
    start() {
      started = sender.start().catch((error: unknown) => {
        ctx.logger.warn(
          { err: error },
          'weekly statistics: the catch-up at start failed (tried again on the next tick)',
        );
      });
    },
    async stop() {
      await started;
      await sender.stop();
      await store.close();
      await dispatcher?.close();
    },
  };
}
