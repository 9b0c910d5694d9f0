import type { ConsentDocument, InformationScope } from '@hannun/spec';
import { Temporal } from 'temporal-polyfill';
import type { AssetRef } from './consent-assets.ts';
import type { ConsentRecord, ConsentSignature } from './consent.ts';

/** YYYYMMDD as a date, or undefined when it is no date of the calendar. */
export function compactDate(text: string): Temporal.PlainDate | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return undefined;
  try {
    return Temporal.PlainDate.from(
      { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) },
      { overflow: 'reject' },
    );
  } catch {
    return undefined;
  }
}

export interface ConsentOrigin {
  readonly id: string;
  readonly ci: string;
  readonly createdAt: number;
  /** The assets the consent covers, resolved against the institution's holdings (target 'all' included). */
  readonly assets: readonly AssetRef[];
  readonly scopes: readonly InformationScope[];
  readonly signature?: ConsentSignature;
}

/**
 * The stored record of a signed consent document (통합인증-002), after the receiver's checks: the seven
 * items, the v2 flags, the resolved assets and the signature evidence. The end date must parse (checked).
 */
export function consentFromDocument(doc: ConsentDocument, origin: ConsentOrigin): ConsentRecord {
  const endDate = compactDate(doc.end_date);
  if (!endDate) throw new Error(`end_date ${doc.end_date} is not a date`);
  return {
    id: origin.id,
    orgCode: doc.org_code,
    ci: origin.ci,
    recipientOrgCode: doc.rcv_org_code,
    clientId: doc.client_id,
    scopes: origin.scopes,
    assets: origin.assets.map((a) => ({ listApi: a.listApi, key: a.key })),
    isScheduled: doc.is_scheduled === 'true',
    fndCycle: doc.fnd_cycle,
    addCycle: doc.add_cycle,
    endDate,
    purpose: doc.purpose,
    period: doc.period,
    flags: {
      transMemo: doc.is_consent_trans_memo === 'true',
      merchantNameRegno: doc.is_consent_merchant_name_regno === 'true',
      transCategory: doc.is_consent_trans_category === 'true',
    },
    createdAt: origin.createdAt,
    auth: origin.signature ? 'integrated' : 'individual',
    ...(origin.signature ? { signature: origin.signature } : {}),
  };
}
