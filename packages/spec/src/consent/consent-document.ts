import { type Industry, INDUSTRY_LIST } from '../industries.ts';
import { type InformationScope, isScopeOf, listScope } from '../scopes.ts';
import { utf8Length } from '../wire/utf8.ts';

/**
 * The consent (전송요구) a person signs for one provider: the `consent` field of 통합인증-102, 002 and 104
 * with `consent_type` '0' (the JSON text itself), and what the provider stores for 개별인증 too.
 *
 * PROVISIONAL — 별첨1/별첨2 are not public. The seven items of 신용정보법 (notes §4.4) are all here, with
 * the names 공통-002 uses where it has one; every value is a string, as on the wire. Hannun's choice, kept
 * in this one file: the recipient is named by org_code and service client_id; assets are named by their
 * list API and key fields, or `all` ("전체 자산", which the provider resolves to the assets it holds when
 * it issues the tokens, notes §4.3: beyond about 200 accounts the person is offered all assets).
 */
export interface ConsentDocument {
  /** 1. 전송요구를 받는 자: the provider's org_code. */
  readonly org_code: string;
  /** 2. 개인신용정보를 제공받는 자: the operator's org_code and its service. */
  readonly rcv_org_code: string;
  readonly client_id: string;
  /** 3. 전송을 요구하는 개인신용정보: scopes (space-separated, `<industry>.list` first) and the assets. */
  readonly scope: string;
  readonly target: 'all' | 'list';
  /** When target is 'list': each chosen asset, by its list API (e.g. 은행-001) and key (e.g. account_num, seqno). */
  readonly asset_list: readonly ConsentAsset[];
  /** 4. 정기적 전송 여부 및 주기 ('1/w' … '1/m', notes §4.4). */
  readonly is_scheduled: 'true' | 'false';
  readonly fnd_cycle: string;
  readonly add_cycle: string;
  /** 5. 전송요구 종료시점, YYYYMMDD, at most 5 years after consent_date (MyData 2.0). */
  readonly end_date: string;
  /** 6. 전송을 요구하는 목적. */
  readonly purpose: string;
  /** 7. 보유기간. */
  readonly period: string;
  /** The v2 sensitive-item consents (notes §4.4). */
  readonly is_consent_trans_memo: 'true' | 'false';
  readonly is_consent_merchant_name_regno: 'true' | 'false';
  readonly is_consent_trans_category: 'true' | 'false';
  /** When the person consented, YYYYMMDDhhmmss (KST). */
  readonly consent_date: string;
}

export interface ConsentAsset {
  readonly api: string;
  readonly key: Readonly<Record<string, string>>;
}

/** The most a consent text may hold, in UTF-8 bytes (consent: AH(7000), notes §4.3). */
export const CONSENT_MAX_BYTES = 7000;
/** The latest end date, in years after the consent (MyData 2.0). */
export const CONSENT_MAX_YEARS = 5;

const CYCLE = /^([1-9][0-9]?\/[dwm]|[1-9][0-9]?[dwm])$/;
const DATE = /^\d{8}$/;
const DTIME = /^\d{14}$/;
const ORG_CODE = /^[A-Za-z0-9]{10}$/;
const CLIENT_ID = /^[A-Za-z0-9]{1,50}$/;
const BOOL = new Set(['true', 'false']);

export interface ConsentDocumentProblem {
  /** The field at fault, as a path (`asset_list[2].key`). */
  readonly field: string;
  readonly ko: string;
  readonly en: string;
}

export type ConsentDocumentResult =
  | {
      readonly ok: true;
      readonly consent: ConsentDocument;
      readonly industry: Industry;
      readonly scopes: InformationScope[];
    }
  | { readonly ok: false; readonly problem: ConsentDocumentProblem };

const problem = (field: string, ko: string, en: string): ConsentDocumentResult => ({
  ok: false,
  problem: { field, ko, en },
});

function isText(v: unknown, max: number): v is string {
  return typeof v === 'string' && v.length > 0 && utf8Length(v) <= max;
}

/**
 * Parse and check a consent text (the JSON string that was signed). The industry comes from the scopes,
 * which must all belong to one industry and include its `.list` scope. Dates are checked for shape here;
 * the end date against today and the 5-year limit is the receiver's check (it knows today).
 */
export function parseConsentDocument(text: string): ConsentDocumentResult {
  if (utf8Length(text) > CONSENT_MAX_BYTES) {
    return problem(
      'consent',
      `전송요구 내역이 ${CONSENT_MAX_BYTES}바이트를 넘습니다`,
      `consent exceeds ${CONSENT_MAX_BYTES} bytes`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return problem('consent', '전송요구 내역이 JSON이 아닙니다', 'consent is not JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return problem('consent', '전송요구 내역은 객체여야 합니다', 'consent must be an object');
  }
  const c = raw as Record<string, unknown>;
  for (const [field, re] of [
    ['org_code', ORG_CODE],
    ['rcv_org_code', ORG_CODE],
    ['client_id', CLIENT_ID],
    ['end_date', DATE],
    ['consent_date', DTIME],
  ] as const) {
    if (typeof c[field] !== 'string' || !re.test(c[field]))
      return problem(field, `${field} 형식 오류`, `${field} is malformed`);
  }
  for (const field of [
    'is_scheduled',
    'is_consent_trans_memo',
    'is_consent_merchant_name_regno',
    'is_consent_trans_category',
  ]) {
    if (typeof c[field] !== 'string' || !BOOL.has(c[field])) {
      return problem(field, `${field}는 "true" 또는 "false"`, `${field} must be "true" or "false"`);
    }
  }
  for (const field of ['fnd_cycle', 'add_cycle']) {
    if (typeof c[field] !== 'string' || !CYCLE.test(c[field]))
      return problem(field, `${field} 주기 형식 오류`, `${field} is not a cycle`);
  }
  if (!isText(c.purpose, 300)) return problem('purpose', '목적이 없습니다', 'purpose is missing');
  if (!isText(c.period, 300)) return problem('period', '보유기간이 없습니다', 'period is missing');
  if (typeof c.scope !== 'string' || c.scope.length > 128)
    return problem('scope', 'scope 형식 오류', 'scope is malformed');
  const names = c.scope.split(' ').filter(Boolean);
  const industry = INDUSTRY_LIST.find((i) => names.length > 0 && names.every((s) => isScopeOf(i, s)));
  if (!industry) return problem('scope', '한 업권의 scope가 아닙니다', 'scopes are not of one industry');
  if (!names.includes(listScope(industry))) {
    return problem('scope', `${listScope(industry)} scope가 없습니다`, `scope lacks ${listScope(industry)}`);
  }
  if (c.target !== 'all' && c.target !== 'list')
    return problem('target', 'target은 all 또는 list', 'target must be all or list');
  if (!Array.isArray(c.asset_list)) return problem('asset_list', '자산 목록이 없습니다', 'asset_list is missing');
  if (c.target === 'list' && c.asset_list.length === 0) {
    return problem('asset_list', '선택한 자산이 없습니다', 'no asset chosen');
  }
  if (c.target === 'all' && c.asset_list.length > 0) {
    return problem(
      'asset_list',
      '전체 자산 동의에는 자산 목록이 없어야 합니다',
      'asset_list must be empty when target is all',
    );
  }
  for (const [i, a] of c.asset_list.entries()) {
    const at = `asset_list[${i}]`;
    if (typeof a !== 'object' || a === null) return problem(at, '자산 형식 오류', 'asset is malformed');
    const asset = a as Record<string, unknown>;
    if (typeof asset.api !== 'string' || asset.api.length === 0)
      return problem(`${at}.api`, '목록 API가 없습니다', 'api is missing');
    if (typeof asset.key !== 'object' || asset.key === null || Array.isArray(asset.key)) {
      return problem(`${at}.key`, '자산 키 형식 오류', 'key is malformed');
    }
    const entries = Object.entries(asset.key);
    if (entries.length === 0 || entries.some(([, v]) => typeof v !== 'string')) {
      return problem(`${at}.key`, '자산 키 값은 문자열이어야 합니다', 'key values must be strings');
    }
  }
  return { ok: true, consent: c as unknown as ConsentDocument, industry, scopes: names as InformationScope[] };
}

/** The consent text to sign: canonical JSON (keys in the order of ConsentDocument), so equal consents are equal bytes. */
export function encodeConsentDocument(c: ConsentDocument): string {
  return JSON.stringify({
    org_code: c.org_code,
    rcv_org_code: c.rcv_org_code,
    client_id: c.client_id,
    scope: c.scope,
    target: c.target,
    asset_list: c.asset_list.map((a) => ({ api: a.api, key: a.key })),
    is_scheduled: c.is_scheduled,
    fnd_cycle: c.fnd_cycle,
    add_cycle: c.add_cycle,
    end_date: c.end_date,
    purpose: c.purpose,
    period: c.period,
    is_consent_trans_memo: c.is_consent_trans_memo,
    is_consent_merchant_name_regno: c.is_consent_merchant_name_regno,
    is_consent_trans_category: c.is_consent_trans_category,
    consent_date: c.consent_date,
  });
}
