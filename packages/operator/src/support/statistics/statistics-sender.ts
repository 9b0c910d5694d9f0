import type { Logger } from '@hannun/infra';
import type { Registry } from '@hannun/registry';
import type { StatisticsType } from '@hannun/spec';
import type { Store } from '@hannun/store';
import type { OperatorDatabase } from '../../schema/operator-database.ts';
import type { StatisticsResend } from '../create-operator-support.ts';
import {
  encodeOperatorWeek,
  operatorDueInquiryDate,
  operatorWeek,
  statisticsWeek,
  type Yyyymmdd,
} from './operator-week.ts';
import type { PortalStatisticsClient } from '@hannun/registry';

export interface OperatorStatisticsSenderOptions {
  readonly store: Store<OperatorDatabase>;
  /** The operator's services (client_id) whose statistics are sent: one report per service, week and type. */
  readonly clientIds: readonly string[];
  readonly client: PortalStatisticsClient;
  /** Providers as the portal knows them (a provider no longer registered is left out of the report). */
  readonly registry: Registry;
  readonly logger: Logger;
  readonly nowMs?: () => number;
  /** When on Sunday (KST minute of the day) the week is sent. Default 60 (01:00). */
  readonly sendAtMinute?: number;
  /** How often the schedule is looked at. Default 60 s. */
  readonly tickMs?: number;
  /** After a failed sending, wait this long before trying again. Default 5 minutes. */
  readonly retryMs?: number;
}

export interface OperatorSendReport {
  readonly clientId: string;
  readonly inquiryDate: Yyyymmdd;
  readonly type: StatisticsType;
  readonly ok: boolean;
  readonly error?: string;
  /** Provider entries over the 7 days, and calls counted. */
  readonly entries: number;
  readonly calls: number;
}

export interface OperatorStatisticsSender extends StatisticsResend {
  sendWeek(inquiryDate: Yyyymmdd, types?: readonly StatisticsType[]): Promise<OperatorSendReport[]>;
  /** The week owed now, where it was not acknowledged yet (the catch-up at start, then every tick). */
  sendDue(): Promise<OperatorSendReport[]>;
  start(): Promise<OperatorSendReport[]>;
  stop(): Promise<void>;
}

const TYPES: readonly StatisticsType[] = ['1', '2'];

/**
 * The operator's weekly statistics sender (지원-004): on Sunday (KST, `sendAtMinute`) the week before, both types,
 * for every service; at start the week owed if the portal has not acknowledged it; and when the portal asks
 * (지원-104, `resend`). A week the portal acknowledged is noted in op_statistics_sent and not sent again by the
 * schedule; a failed one is tried again after `retryMs`.
 */
export function createOperatorStatisticsSender(o: OperatorStatisticsSenderOptions): OperatorStatisticsSender {
  const now = o.nowMs ?? Date.now;
  const sendAtMs = (o.sendAtMinute ?? 60) * 60_000;
  const retryMs = o.retryMs ?? 5 * 60_000;
  const isProvider = (org: string) => {
    const t = o.registry.org(org)?.orgType;
    return t === '01' || t === '02';
  };
  let timer: NodeJS.Timeout | undefined;
  let due: Promise<OperatorSendReport[]> | undefined;
  let retryAt = 0;

  async function sendOne(clientId: string, inquiryDate: Yyyymmdd, type: StatisticsType): Promise<OperatorSendReport> {
    const body = await operatorWeek(o.store, { clientId, type, inquiryDate, isProvider });
    const report = {
      clientId,
      inquiryDate,
      type,
      entries: body.stat_date_list.reduce((n, d) => n + d.org_list.length, 0),
      calls: body.stat_date_list.reduce(
        (n, d) =>
          n +
          d.org_list.reduce(
            (m, org) =>
              m +
              org.api_type_list.reduce(
                (k, api) => k + api.tm_slot_list.reduce((j, s) => j + s.success_api_cnt + s.fail_api_cnt, 0),
                0,
              ),
            0,
          ),
        0,
      ),
    };
    try {
      await o.client.send(encodeOperatorWeek(body));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      o.logger.warn({ api: '지원-004', ...report, error: why }, 'statistics not accepted by the portal');
      return { ...report, ok: false, error: why };
    }
    await o.store.db
      .insertInto('op_statistics_sent')
      .values({ client_id: clientId, inquiry_date: inquiryDate, type, sent_at: now() })
      .onConflict((oc) => oc.columns(['client_id', 'inquiry_date', 'type']).doUpdateSet({ sent_at: now() }))
      .execute();
    return { ...report, ok: true };
  }

  async function sendWeek(inquiryDate: Yyyymmdd, types: readonly StatisticsType[] = TYPES) {
    statisticsWeek(inquiryDate); // a Sunday, or a RangeError before anything is sent
    const reports: OperatorSendReport[] = [];
    for (const clientId of o.clientIds)
      for (const type of types) reports.push(await sendOne(clientId, inquiryDate, type));
    const sent = reports.filter((r) => r.ok);
    if (sent.length > 0) {
      o.logger.info(
        {
          api: '지원-004',
          inquiryDate,
          sent: sent.length,
          failed: reports.length - sent.length,
          calls: sent.reduce((n, r) => n + r.calls, 0),
        },
        'weekly statistics sent to the portal',
      );
    }
    return reports;
  }

  async function sendDueNow(): Promise<OperatorSendReport[]> {
    // Before the sending time on Sunday, the week owed is still the one before.
    const inquiryDate = operatorDueInquiryDate(now() - sendAtMs);
    const reports: OperatorSendReport[] = [];
    for (const clientId of o.clientIds) {
      const sent = await o.store.db
        .selectFrom('op_statistics_sent')
        .select('type')
        .where('client_id', '=', clientId)
        .where('inquiry_date', '=', inquiryDate)
        .execute();
      const owed = TYPES.filter((t) => !sent.some((s) => s.type === t));
      for (const type of owed) reports.push(await sendOne(clientId, inquiryDate, type));
    }
    if (reports.some((r) => !r.ok)) retryAt = now() + retryMs;
    return reports;
  }

  const sendDue = () => {
    due ??= sendDueNow().finally(() => {
      due = undefined;
    });
    return due;
  };

  return {
    sendWeek,
    sendDue,
    async resend(q) {
      // 지원-104: type 0 asks for both.
      const types = q.type === '0' ? TYPES : [q.type];
      const reports = await sendWeek(q.inquiryDate, types);
      const failed = reports.find((r) => !r.ok);
      if (failed)
        throw new Error(`지원-004 resend of ${q.inquiryDate} type ${failed.type} failed: ${failed.error ?? ''}`);
    },
    async start() {
      timer ??= setInterval(() => {
        if (now() < retryAt) return;
        sendDue().catch((error: unknown) => o.logger.warn({ err: error }, 'statistics tick failed'));
      }, o.tickMs ?? 60_000);
      timer.unref();
      return sendDue();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await due?.catch(() => undefined);
    },
  };
}
