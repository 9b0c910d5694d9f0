import { createOperatorStatisticsSender, type OperatorDatabase, type OperatorStatisticsSender } from '@hannun/operator';
import { clientAgent } from '@hannun/pki';
import { createPortalStatisticsClient, type Registry } from '@hannun/registry';
import type { Store } from '@hannun/store';
import { HANNUN_OPERATOR } from '../ecosystem/demo-organisations.ts';
import type { ServiceContext } from '../ecosystem/service-definition.ts';

/** The operator's weekly statistics in `hannun up`: the sender, for 지원-104 (`createOperatorSupport({ statistics })`). */
export interface OperatorStatistics {
  readonly sender: OperatorStatisticsSender;
  /** Catch up (in the background: the service does not wait for the portal) and start the Sunday schedule. */
  start(): void;
  stop(): Promise<void>;
}

/**
 * The operator's weekly statistics (지원-004) when this run has a portal: computed from the operator's call records
 * in its own database, sent as MDHANNUN01 (its certificate for mutual TLS, the credential the portal issued it for
 * 지원-001) for the app's service, on Sunday from 01:00 KST, the week owed caught up at start, again when the portal
 * asks (지원-104). Undefined without a portal.
 */
export function operatorStatistics(
  ctx: ServiceContext,
  opts: {
    readonly store: Store<OperatorDatabase>;
    readonly registry: Registry;
    readonly clientIds: readonly string[];
    /** Mutual TLS to the portal; false only with HANNUN_INSECURE_NO_MTLS. */
    readonly mutualTls: boolean;
  },
): OperatorStatistics | undefined {
  const portal = ctx.running().find((s) => s.role === 'portal');
  if (!portal) {
    ctx.logger.warn('no portal in this run: weekly statistics (지원-004) are not sent');
    return undefined;
  }
  const credentials = ctx.trust.credentials.orgs.get(HANNUN_OPERATOR.orgCode);
  if (!credentials) throw new Error(`the portal issued no credential to ${HANNUN_OPERATOR.orgCode} (credentials.json)`);
  const dispatcher = opts.mutualTls ? clientAgent(ctx.trust.pki.org(HANNUN_OPERATOR.pkiId)) : undefined;
  const sender = createOperatorStatisticsSender({
    store: opts.store,
    clientIds: opts.clientIds,
    registry: opts.registry,
    client: createPortalStatisticsClient(
      {
        portalUrl: portal.url,
        ...(dispatcher ? { dispatcher } : {}),
        credentials,
        orgCode: HANNUN_OPERATOR.orgCode,
        tranIdKind: 'M',
      },
      '지원-004',
    ),
    logger: ctx.logger,
  });
  let started: Promise<unknown> | undefined;
  return {
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
      await dispatcher?.close();
    },
  };
}
