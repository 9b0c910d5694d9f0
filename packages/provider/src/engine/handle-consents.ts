import { Temporal } from 'temporal-polyfill';
import type { Passed } from '../check-chain/run-check-chain.ts';
import type { ConsentRecord } from '../consent/consent.ts';
import type { CompiledApi } from './compile-api.ts';
import { type Answer, OK_MSG } from './respond.ts';

const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
/** What Temporal could read as an ISO date: a year (4 digits, or ± and 6) and a month after it. */
const ISO_LIKE = /^(?:\d{4}|[+-]\d{6})-?\d{2}/;

function isDayOfMonth(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the month's last day (proleptic Gregorian, as Temporal's ISO calendar).
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function readRetention(consent: ConsentRecord): Temporal.PlainDate {
  const { period } = consent;
  const compact = COMPACT_DATE.exec(period);
  if (compact) {
    const [year, month, day] = [Number(compact[1]), Number(compact[2]), Number(compact[3])];
    return isDayOfMonth(year, month, day) ? new Temporal.PlainDate(year, month, day) : consent.endDate;
  }
  // Text ("서비스 탈퇴 시까지") is no date: answered without asking Temporal, whose refusal is a thrown
  // RangeError (tens of µs on every 공통-002).
  if (!ISO_LIKE.test(period)) return consent.endDate;
  try {
    return Temporal.PlainDate.from(period, { overflow: 'reject' });
  } catch {
    return consent.endDate;
  }
}

/** Read once per consent record: records are replaced, never changed, so the answer cannot go stale. */
const retentionOf = new WeakMap<ConsentRecord, Temporal.PlainDate>();

/**
 * The consent's retention period as 공통-002's `period` (a DATE in the catalogue). ConsentRecord keeps it
 * as text: a date (YYYYMMDD or YYYY-MM-DD) is sent as it is; anything else (e.g. "서비스 탈퇴 시까지") has
 * no date to send, and the consent's end date stands in for it.
 */
export function retentionDate(consent: ConsentRecord): Temporal.PlainDate {
  let date = retentionOf.get(consent);
  if (date === undefined) {
    date = readRetention(consent);
    retentionOf.set(consent, date);
  }
  return date;
}

/**
 * 공통-002: the consent as this institution stored it: regular transmission and its cycles (only when
 * scheduled), end date, purpose, retention, and the three v2 flags (dropped on /v1 by the encoder).
 */
export function handleConsents(api: CompiledApi, passed: Passed): Answer {
  const c = passed.consent;
  const body: Record<string, unknown> = {
    rsp_code: '00000',
    rsp_msg: OK_MSG,
    is_scheduled: c.isScheduled,
    end_date: c.endDate,
    purpose: c.purpose,
    period: retentionDate(c),
    is_consent_trans_memo: c.flags.transMemo,
    is_consent_merchant_name_regno: c.flags.merchantNameRegno,
    is_consent_trans_category: c.flags.transCategory,
  };
  if (c.isScheduled) {
    body['fnd_cycle'] = c.fndCycle;
    body['add_cycle'] = c.addCycle;
  }
  return { rspCode: '00000', body: api.encoder(passed.version, 0).bytes(body) };
}
