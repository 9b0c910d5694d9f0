import type { Logger } from '@hannun/infra';
import type { StatisticsType } from '@hannun/spec';
import type { ProviderClock } from '../../clock/provider-clock.ts';
import type { ConsentRecord } from '../../consent/consent.ts';
import type { CallTally } from './call-tally.ts';
import type { CallStatsStore } from './call-stats-store.ts';
import { consentCounters } from './consent-counters.ts';
import type { PortalStatisticsClient } from '@hannun/registry';
import { dueInquiryDate, kstDayStartMs, weekDays, type Yyyymmdd } from './statistics-week.ts';
import { encodeWeeklyStatistics, weeklyStatistics } from './weekly-statistics.ts';

export interface StatisticsSenderOptions {
  /** The institutions whose statistics this sender sends. */
  readonly orgCodes: readonly string[];
  readonly tally: CallTally;
  readonly store: CallStatsStore;
  /** Every consent the institutions hold (for the type 2 counters). */
  readonly consents: () => Iterable<ConsentRecord>;
  readonly client: PortalStatisticsClient;
  /** Who sends: an institution itself, or (as in `hannun up`) the relay hosting them, which names each in org_code. */
  readonly senderOrgCode: string;
  /** The provider clock: which days calls fall on and which week is owed. */
  readonly clock: ProviderClock;
  readonly logger: Logger;
  /** When on Monday (KST minute of the day) the week is sent. Default 60 (01:00). */
  readonly sendAtMinute?: number;
  /** How often the tally is written to the store and the schedule looked at. Default 10 s. */
  readonly tickMs?: number;
  /** After a failed sending, wait this long before trying again. Default 5 minutes. */
  readonly retryMs?: number;
}

/** What one sending came to. */
export interface SendReport {
  readonly orgCode: string;
  readonly inquiryDate: Yyyymmdd;
  readonly type: StatisticsType;
  readonly ok: boolean;
  /** The portal's rsp_code and message, or why it could not be reached. */
  readonly error?: string;
  /** Service entries summed over the 7 days, calls counted, and calls no service could be named for. */
  readonly entries: number;
  readonly calls: number;
  readonly unattributed: number;
}

export interface StatisticsSender {
  /** Write what the tally holds to the store. */
  flush(): Promise<void>;
  /** Send one week now (both types unless told), for every institution or the ones named; sent or not, a report each. */
  sendWeek(
    inquiryDate: Yyyymmdd,
    opts?: { readonly types?: readonly StatisticsType[]; readonly orgCodes?: readonly string[] },
  ): Promise<SendReport[]>;
  /** 지원-104: one institution's week again, whatever was sent before. */
  resend(orgCode: string, inquiryDate: Yyyymmdd, types: readonly StatisticsType[]): Promise<SendReport[]>;
  /** Send the week owed now, where it was not sent yet and recording covered part of it (the catch-up). */
  sendDue(): Promise<SendReport[]>;
  /** Note the start of recording, catch up, then flush and look at the schedule every tick. */
  start(): Promise<SendReport[]>;
  /** Stop the ticks and flush. */
  stop(): Promise<void>;
}

const TYPES: readonly StatisticsType[] = ['1', '2'];

/**
 * The weekly statistics sender of a provider (지원-005): on Monday (KST, `sendAtMinute`) the week before, both
 * types, for every institution; at start the week owed if it was not sent (while recording covered it); on
 * demand (`sendWeek`, and 지원-104 when the portal asks for a resend). A week the portal acknowledged is noted in
 * the store and not sent again by the schedule; a failed one is tried again after `retryMs`.
 */
export function createStatisticsSender(opts: StatisticsSenderOptions): StatisticsSender {
  const sendAtMs = (opts.sendAtMinute ?? 60) * 60_000;
  const retryMs = opts.retryMs ?? 5 * 60_000;
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();
  let scheduled: Promise<SendReport[]> | undefined;
  let retryAtMs = 0;

  const flush = () => {
    flushing = flushing.then(async () => {
      const rows = opts.tally.take();
      if (rows.length > 0) await opts.store.add(rows);
    });
    return flushing;
  };

  async function sendOne(orgCode: string, inquiryDate: Yyyymmdd, type: StatisticsType): Promise<SendReport> {
    const days = weekDays(inquiryDate);
    const rows = await opts.store.rows(orgCode, days[0]!, days[6]!);
    const counters = type === '2' ? consentCounters(opts.consents(), orgCode, days) : undefined;
    const body = weeklyStatistics({
      orgCode,
      viaRelay: orgCode !== opts.senderOrgCode,
      type,
      inquiryDate,
      rows,
      ...(counters ? { counters } : {}),
    });
    const ofType = rows.filter((r) => r.type === type);
    const report = {
      orgCode,
      inquiryDate,
      type,
      entries: body.stat_date_list.reduce((n, d) => n + d.mydata_svc_list.length, 0),
      calls: ofType.reduce((n, r) => n + r.success + r.fail, 0),
      unattributed: ofType.filter((r) => r.clientId === '').reduce((n, r) => n + r.success + r.fail, 0),
    };
    try {
      // Encoding checks every value against the catalogue (a client_id that is no aN(50) is refused here).
      await opts.client.send(encodeWeeklyStatistics(body));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      opts.logger.warn({ api: '지원-005', ...report, error: why }, 'statistics not accepted by the portal');
      return { ...report, ok: false, error: why };
    }
    await opts.store.markSent({ orgCode, inquiryDate, type, sentMs: opts.clock.nowMs() });
    return { ...report, ok: true };
  }

  async function sendWeek(
    inquiryDate: Yyyymmdd,
    o: { readonly types?: readonly StatisticsType[]; readonly orgCodes?: readonly string[] } = {},
  ): Promise<SendReport[]> {
    weekDays(inquiryDate); // a Sunday, or a RangeError before anything is sent
    await flush();
    const reports: SendReport[] = [];
    for (const orgCode of o.orgCodes ?? opts.orgCodes) {
      for (const type of o.types ?? TYPES) reports.push(await sendOne(orgCode, inquiryDate, type));
    }
    const sent = reports.filter((r) => r.ok);
    if (sent.length > 0) {
      opts.logger.info(
        {
          api: '지원-005',
          inquiryDate,
          sent: sent.length,
          failed: reports.length - sent.length,
          calls: sent.reduce((n, r) => n + r.calls, 0),
          unattributed: sent.reduce((n, r) => n + r.unattributed, 0),
        },
        'weekly statistics sent to the portal',
      );
    }
    return reports;
  }

  async function sendDue(): Promise<SendReport[]> {
    const now = opts.clock.nowMs();
    // Before the sending time on Monday, the week owed is still the one before.
    const inquiryDate = dueInquiryDate(now - sendAtMs);
    const weekEnd = kstDayStartMs(inquiryDate);
    const reports: SendReport[] = [];
    for (const orgCode of opts.orgCodes) {
      const since = await opts.store.recordingSince(orgCode);
      if (since === undefined || since >= weekEnd) continue; // nothing of that week was recorded
      const owed: StatisticsType[] = [];
      for (const type of TYPES) if (!(await opts.store.sent(orgCode, inquiryDate, type))) owed.push(type);
      if (owed.length > 0) reports.push(...(await sendWeek(inquiryDate, { types: owed, orgCodes: [orgCode] })));
    }
    if (reports.some((r) => !r.ok)) retryAtMs = opts.clock.nowMs() + retryMs;
    return reports;
  }

  const sendDueOnce = () => {
    scheduled ??= sendDue().finally(() => {
      scheduled = undefined;
    });
    return scheduled;
  };

  async function tick(): Promise<void> {
    await flush();
    if (opts.clock.nowMs() >= retryAtMs) await sendDueOnce();
  }

  return {
    flush,
    sendWeek,
    async resend(orgCode, inquiryDate, types) {
      if (!opts.orgCodes.includes(orgCode)) throw new Error(`${orgCode} is not an institution of this sender`);
      return sendWeek(inquiryDate, { types, orgCodes: [orgCode] });
    },
    sendDue: sendDueOnce,
    async start() {
      timer ??= setInterval(() => {
        tick().catch((error: unknown) => opts.logger.warn({ err: error }, 'statistics tick failed'));
      }, opts.tickMs ?? 10_000);
      timer.unref();
      await opts.store.markRecording(opts.orgCodes, opts.clock.nowMs());
      return sendDueOnce();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await scheduled?.catch(() => undefined);
      await flush();
    },
  };
}
