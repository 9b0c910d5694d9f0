import type { Logger } from '@hannun/infra';
import { checkLiveConsents, type LiveConsentReport } from '../consent/live-consent-check.ts';
import type { OperatorDomain } from '../operator-domain.ts';
import { makeYearlyNoticesDue } from '../records/yearly-notice.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** One daily task: a name for the logs and what it does (its result is logged, so never personal data). */
export interface MaintenanceTask {
  readonly name: string;
  run(): Promise<Record<string, unknown>>;
}

export interface OperatorMaintenance {
  /** Every task once, now; a failing task is logged and does not stop the others. */
  runOnce(): Promise<Record<string, Record<string, unknown> | { error: string }>>;
  /** The live-consent check alone (the diagnostic: who is uncovered, by table, opaque person id and provider). */
  liveConsents(): Promise<LiveConsentReport>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * The operator's daily maintenance in the app process: the live-consent check ("no stored personal row without a
 * live consent", audited as `consent.live-check` with counts when something is uncovered) and whatever tasks are
 * added (the yearly notices). The first run is `firstRunMs` after start (1 minute), then every `intervalMs`
 * (a day); timers are unref'd so they never hold the process. Several processes may run it: every task is
 * idempotent.
 */
export function createOperatorMaintenance(o: {
  domain: OperatorDomain;
  logger: Logger;
  tasks?: readonly MaintenanceTask[];
  intervalMs?: number;
  firstRunMs?: number;
}): OperatorMaintenance {
  const { domain, logger } = o;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;

  async function liveConsents(): Promise<LiveConsentReport> {
    return checkLiveConsents(domain.store, { now: domain.clock.nowMs() });
  }

  const tasks: MaintenanceTask[] = [
    {
      name: 'live consents',
      async run() {
        const report = await liveConsents();
        const rows = report.uncovered.reduce((n, u) => n + u.rows, 0);
        if (!report.ok) {
          const people = new Set(report.uncovered.map((u) => u.personId)).size;
          await domain.store.transaction((trx) =>
            domain.audit.append(trx, {
              actor: 'operator:maintenance',
              action: 'consent.live-check',
              details: { uncovered_groups: report.uncovered.length, rows, people },
            }),
          );
          logger.warn({ groups: report.uncovered.length, rows, people }, 'rows without a live consent');
        }
        return { ok: report.ok, groups: report.uncovered.length, rows };
      },
    },
    {
      name: 'yearly notices',
      async run() {
        return makeYearlyNoticesDue(domain.store, domain.clock.nowMs());
      },
    },
    ...(o.tasks ?? []),
  ];

  async function runOnce() {
    const out: Record<string, Record<string, unknown> | { error: string }> = {};
    for (const t of tasks) {
      try {
        out[t.name] = await t.run();
      } catch (e) {
        logger.error({ err: e, task: t.name }, 'operator maintenance task failed');
        out[t.name] = { error: e instanceof Error ? e.message : String(e) };
      }
    }
    logger.info({ tasks: out }, 'operator maintenance done');
    return out;
  }

  const tick = () => {
    running ??= runOnce().finally(() => {
      running = undefined;
    });
  };

  return {
    runOnce,
    liveConsents,
    start() {
      if (timer) return;
      timer = setTimeout(function again() {
        tick();
        timer = setTimeout(again, o.intervalMs ?? DAY);
        timer.unref();
      }, o.firstRunMs ?? MINUTE);
      timer.unref();
    },
    async stop() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
