import { Temporal } from 'temporal-polyfill';
import type { Passed } from '../check-chain/run-check-chain.ts';
import type { ConsentRecord } from '../consent/consent.ts';
import type { CompiledApi } from './compile-api.ts';
import { type Answer, OK_MSG } from './respond.ts';

const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * The consent's retention period as 공통-002's `period` (a DATE in the catalogue). ConsentRecord keeps it
 * as text: a date (YYYYMMDD or YYYY-MM-DD) is sent as it is; anything else (e.g. "서비스 탈퇴 시까지") has
 * no date to send, and the consent's end date stands in for it.
 */
export function retentionDate(consent: ConsentRecord): Temporal.PlainDate {
  const compact = COMPACT_DATE.exec(consent.period);
  try {
    if (compact) return new Temporal.PlainDate(Number(compact[1]), Number(compact[2]), Number(compact[3]));
    return Temporal.PlainDate.from(consent.period, { overflow: 'reject' });
  } catch {
    return consent.endDate;
  }
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
