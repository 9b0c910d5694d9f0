import type { Registry } from '@hannun/registry';
import {
  type ConsentAsset,
  type ConsentDocument,
  encodeConsentDocument,
  type Industry,
  INDUSTRY_SCOPES,
  listScope,
  parseConsentDocument,
} from '@hannun/spec';
import { invalid } from '../shared/operator-error.ts';
import { kstDateTime } from '../time/kst.ts';
import { isAllowedEndDate } from './consent-dates.ts';
import { isAllowedCycle } from './cycle.ts';

export type AuthPath = 'integrated' | 'individual';

/** The v2 sensitive items (notes §4.4): memo, merchant name and number, order category. */
export interface ConsentFlags {
  readonly transMemo: boolean;
  readonly merchantNameRegno: boolean;
  readonly transCategory: boolean;
}

/** What the person chose for one provider: the seven items, the v2 flags and the auth path. */
export interface ConsentDraft {
  /** 1. the provider. */
  readonly orgCode: string;
  readonly authPath: AuthPath;
  /** 3. consent scopes of the provider's industry (its `.list` scope is added). */
  readonly scopes: readonly string[];
  readonly target: 'all' | 'list';
  /** When target is 'list': each asset by its list API and key. */
  readonly assets?: readonly ConsentAsset[];
  /** 4. regular transmission and its cycles (1 week to 1 month). */
  readonly isScheduled: boolean;
  readonly fndCycle: string;
  readonly addCycle: string;
  /** 5. YYYYMMDD, after today and at most 5 years ahead (KST). */
  readonly endDate: string;
  /** 6. purpose; 7. retention period. */
  readonly purpose: string;
  readonly period: string;
  readonly flags: ConsentFlags;
}

/** The operator as recipient (item 2): its org_code and the service's client_id. */
export interface Recipient {
  readonly orgCode: string;
  readonly clientId: string;
}

export interface CheckedDraft {
  readonly draft: ConsentDraft;
  readonly industry: Industry;
  /** The scope string, `<industry>.list` first. */
  readonly scope: string;
  readonly document: ConsentDocument;
  readonly text: string;
}

const PROVIDER_TYPES = new Set(['01', '02']);

/**
 * Checks a draft against the registry and the rules (a provider of one industry, that industry's scopes,
 * cycles 1 week–1 month, end date ≤ 5 years, purpose and retention present) and builds the document the
 * person signs (spec's ConsentDocument, checked by spec's own parser). The first problem throws, naming its
 * field.
 */
export function checkDraft(draft: ConsentDraft, registry: Registry, recipient: Recipient, nowMs: number): CheckedDraft {
  const org = registry.org(draft.orgCode);
  if (!org || !PROVIDER_TYPES.has(org.orgType) || !org.industry) {
    throw invalid('orgCode', 'is not a registered information provider', '등록된 정보제공자가 아닙니다');
  }
  const industry = org.industry;
  const allowed = INDUSTRY_SCOPES[industry] as readonly string[];
  for (const s of draft.scopes) {
    if (!allowed.includes(s))
      throw invalid('scopes', `${s} is not a scope of ${industry}`, `${industry} 업권의 scope가 아닙니다`);
  }
  const list = listScope(industry);
  const scope = [list, ...allowed.filter((s) => s !== list && draft.scopes.includes(s))].join(' ');
  for (const f of ['fndCycle', 'addCycle'] as const) {
    if (!isAllowedCycle(draft[f])) {
      throw invalid(
        f,
        'must be a cycle from once a week to once a month (1/w … 1/m)',
        '전송주기는 주 1회에서 월 1회 사이여야 합니다',
      );
    }
  }
  if (!isAllowedEndDate(draft.endDate, nowMs)) {
    throw invalid(
      'endDate',
      'must be after today and at most 5 years ahead (YYYYMMDD)',
      '종료시점은 오늘 이후 5년 이내여야 합니다',
    );
  }
  const document: ConsentDocument = {
    org_code: draft.orgCode,
    rcv_org_code: recipient.orgCode,
    client_id: recipient.clientId,
    scope,
    target: draft.target,
    asset_list: draft.target === 'all' ? [] : (draft.assets ?? []),
    is_scheduled: draft.isScheduled ? 'true' : 'false',
    fnd_cycle: draft.fndCycle,
    add_cycle: draft.addCycle,
    end_date: draft.endDate,
    purpose: draft.purpose.trim(),
    period: draft.period.trim(),
    is_consent_trans_memo: draft.flags.transMemo ? 'true' : 'false',
    is_consent_merchant_name_regno: draft.flags.merchantNameRegno ? 'true' : 'false',
    is_consent_trans_category: draft.flags.transCategory ? 'true' : 'false',
    consent_date: kstDateTime(nowMs),
  };
  const text = encodeConsentDocument(document);
  const parsed = parseConsentDocument(text);
  if (!parsed.ok) {
    const f = parsed.problem.field;
    throw invalid(DRAFT_FIELD[f] ?? f.replace(/^asset_list/, 'assets'), parsed.problem.en, parsed.problem.ko);
  }
  return { draft, industry, scope, document, text };
}

/** The draft's names for the document's fields (so an error names what the caller sent). */
const DRAFT_FIELD: Record<string, string> = {
  org_code: 'orgCode',
  rcv_org_code: 'recipient.orgCode',
  client_id: 'recipient.clientId',
  scope: 'scopes',
  target: 'target',
  asset_list: 'assets',
  purpose: 'purpose',
  period: 'period',
  end_date: 'endDate',
  consent: 'assets',
};
