import type { RspCode, StatisticsType, TmSlot } from '@hannun/spec';
import { kstDayNumber } from '../../clock/kst.ts';
import { dayOfNumber, type Yyyymmdd } from './statistics-week.ts';

/** One answered information-API call, as the statistics count it. */
export interface AnsweredCall {
  /** The institution that answered. */
  readonly orgCode: string;
  /** When (the provider clock, epoch ms): its KST day and time slot. */
  readonly atMs: number;
  /** The calling operator (or recipient) and its service; undefined when the call could not be attributed. */
  readonly caller: { readonly orgCode: string; readonly clientId: string } | undefined;
  /** The API code (첨부12), e.g. BA01. */
  readonly apiCode: string;
  /** 1 for scheduled calls, 2 for every other x-api-type. */
  readonly type: StatisticsType;
  readonly slot: TmSlot;
  readonly rspCode: RspCode;
  /** How long the answer took, in ms. */
  readonly elapsedMs: number;
}

/**
 * Counts of one (institution, day, caller, service, API code, type, time slot). `recipientOrgCode` and
 * `clientId` are empty for calls refused before the caller's service was known (no or unreadable token):
 * they are kept, but no 지원-005 entry can name them.
 */
export interface TallyRow {
  readonly orgCode: string;
  readonly day: Yyyymmdd;
  readonly recipientOrgCode: string;
  readonly clientId: string;
  readonly apiCode: string;
  readonly type: StatisticsType;
  readonly slot: TmSlot;
  readonly success: number;
  readonly fail: number;
  /** Sum of the response times (whole ms) and of their squares: mean and deviation without keeping calls. */
  readonly msTotal: number;
  readonly msSquares: number;
}

/** A call succeeded when it answered 00000 (data) or 00001 (up to date, nothing new). */
export function isSuccess(code: RspCode): boolean {
  return code === '00000' || code === '00001';
}

/**
 * The calls answered since the store last took them, aggregated in memory: one counter per key, so recording
 * is a map lookup and a few additions on the engine's hot path.
 */
export interface CallTally {
  record(call: AnsweredCall): void;
  /** What was recorded since the last take, as rows to add to the store; the tally starts again empty. */
  take(): TallyRow[];
  /** How many calls are held (not yet taken). */
  pending(): number;
}

interface Counter {
  readonly orgCode: string;
  readonly dayNumber: number;
  readonly recipientOrgCode: string;
  readonly clientId: string;
  readonly apiCode: string;
  readonly type: StatisticsType;
  readonly slot: TmSlot;
  success: number;
  fail: number;
  msTotal: number;
  msSquares: number;
}

export function createCallTally(): CallTally {
  let counters = new Map<string, Counter>();
  let calls = 0;
  return {
    record(call) {
      const dayNumber = kstDayNumber(call.atMs);
      const rcv = call.caller?.orgCode ?? '';
      const client = call.caller?.clientId ?? '';
      const key = `${call.orgCode}\u0001${dayNumber}\u0001${rcv}\u0001${client}\u0001${call.apiCode}\u0001${call.type}\u0001${call.slot}`;
      let c = counters.get(key);
      if (!c) {
        c = {
          orgCode: call.orgCode,
          dayNumber,
          recipientOrgCode: rcv,
          clientId: client,
          apiCode: call.apiCode,
          type: call.type,
          slot: call.slot,
          success: 0,
          fail: 0,
          msTotal: 0,
          msSquares: 0,
        };
        counters.set(key, c);
      }
      if (isSuccess(call.rspCode)) c.success++;
      else c.fail++;
      const ms = Math.max(0, Math.round(call.elapsedMs));
      c.msTotal += ms;
      c.msSquares += ms * ms;
      calls++;
    },
    take() {
      const taken = counters;
      counters = new Map();
      calls = 0;
      const days = new Map<number, Yyyymmdd>();
      return [...taken.values()].map(({ dayNumber, ...c }) => {
        let day = days.get(dayNumber);
        if (day === undefined) {
          day = dayOfNumber(dayNumber);
          days.set(dayNumber, day);
        }
        return { ...c, day };
      });
    },
    pending: () => calls,
  };
}
