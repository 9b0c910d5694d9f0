import type { StatisticsType } from '@hannun/spec';
import type { TallyRow } from './call-tally.ts';
import type { Yyyymmdd } from './statistics-week.ts';

/** A week's sending as the portal acknowledged it. */
export interface SentWeek {
  readonly orgCode: string;
  readonly inquiryDate: Yyyymmdd;
  readonly type: StatisticsType;
  readonly sentMs: number;
}

/**
 * Where the call counts live between the tally and the weekly sending, and what was sent: memory (tests,
 * `hannun provider`) or SQL (`hannun up`; namespace `provider_stats`, tables `provider_stat_*`).
 */
export interface CallStatsStore {
  /** Add rows to what is kept (counters of the same key are summed). */
  add(rows: readonly TallyRow[]): Promise<void>;
  /** Every row of one institution for the days from…to (inclusive, YYYYMMDD). */
  rows(orgCode: string, from: Yyyymmdd, to: Yyyymmdd): Promise<TallyRow[]>;
  /** Since when calls of the institution have been recorded (the first `markRecording`). */
  recordingSince(orgCode: string): Promise<number | undefined>;
  /** Note that recording has started for these institutions (kept from the first time). */
  markRecording(orgCodes: readonly string[], atMs: number): Promise<void>;
  sent(orgCode: string, inquiryDate: Yyyymmdd, type: StatisticsType): Promise<SentWeek | undefined>;
  markSent(week: SentWeek): Promise<void>;
  close(): Promise<void>;
}

export const tallyKey = (
  r: Pick<TallyRow, 'orgCode' | 'day' | 'recipientOrgCode' | 'clientId' | 'apiCode' | 'type' | 'slot'>,
) => [r.orgCode, r.day, r.recipientOrgCode, r.clientId, r.apiCode, r.type, r.slot].join('\u0001');

export function createMemoryCallStatsStore(): CallStatsStore {
  const rows = new Map<string, TallyRow>();
  const since = new Map<string, number>();
  const sent = new Map<string, SentWeek>();
  const sentKey = (orgCode: string, inquiryDate: string, type: string) => `${orgCode}/${inquiryDate}/${type}`;
  return {
    async add(added) {
      for (const r of added) {
        const key = tallyKey(r);
        const had = rows.get(key);
        rows.set(
          key,
          had
            ? {
                ...had,
                success: had.success + r.success,
                fail: had.fail + r.fail,
                msTotal: had.msTotal + r.msTotal,
                msSquares: had.msSquares + r.msSquares,
              }
            : r,
        );
      }
    },
    async rows(orgCode, from, to) {
      return [...rows.values()].filter((r) => r.orgCode === orgCode && r.day >= from && r.day <= to);
    },
    async recordingSince(orgCode) {
      return since.get(orgCode);
    },
    async markRecording(orgCodes, atMs) {
      for (const o of orgCodes) if (!since.has(o)) since.set(o, atMs);
    },
    async sent(orgCode, inquiryDate, type) {
      return sent.get(sentKey(orgCode, inquiryDate, type));
    },
    async markSent(week) {
      sent.set(sentKey(week.orgCode, week.inquiryDate, week.type), week);
    },
    async close() {},
  };
}
