import type { FieldDef } from '../schema/shape.ts';
import { AH, aN, aNS, BOOL, DATE, N } from '../wire/wire-type.ts';

/**
 * Fields of 공통-001 (/apis) and 공통-002 (/consents). Their tables are in chapter 6, which is not public:
 * names follow the notes §3.3/§4.4 (nervers1, a Node mock, NH25, the synthetic sample), types are ours and
 * provisional unless the standard fixes them elsewhere (end_date, via 지원-103's consent_end_date).
 */
export const COMMON_INFO_FIELDS = {
  // --- 공통-001 ---
  version: { type: aNS(10), ko: '현재 버전', en: 'Current API version (e.g. v2)', provisional: true },
  min_version: { type: aNS(10), ko: '최소 버전', en: 'Oldest API version still answered', provisional: true },
  api_cnt: { type: N(3), ko: 'API 목록수', en: 'Number of APIs', provisional: true },
  api_code: {
    type: aN(4),
    ko: 'API 구분 코드',
    en: 'API code (첨부12), e.g. BA01',
    provisional: true,
    note: 'the same 4-character code set as 지원-004 api_type aN(4)',
  },
  api_uri: { type: aNS(256), ko: 'API URI', en: 'The API path, e.g. /v2/bank/accounts', provisional: true },
  // --- 공통-002 ---
  is_scheduled: { type: BOOL, ko: '정기적 전송 여부', en: 'Regular transmission requested', provisional: true },
  fnd_cycle: {
    type: aNS(6),
    ko: '정기적 전송주기 (기본정보)',
    en: 'Regular cycle of basic information',
    provisional: true,
    note: 'format not fixed by a public text: "1/w" (WizVera sample) or "1m" (synthetic sample); absent when not scheduled',
  },
  add_cycle: {
    type: aNS(6),
    ko: '정기적 전송주기 (추가정보)',
    en: 'Regular cycle of additional information',
    provisional: true,
    note: 'as fnd_cycle',
  },
  end_date: {
    type: DATE,
    ko: '전송요구 종료시점',
    en: 'End date of the consent',
    provisional: false,
    note: 'DATE: 지원-103 consent_end_date (DATE) carries the same value, as chapter 7 says',
  },
  purpose: { type: AH(300), ko: '전송을 요구하는 목적', en: 'Purpose of the consent', provisional: true },
  period: {
    type: DATE,
    ko: '전송을 요구하는 개인신용정보의 보유기간',
    en: 'Retention period of the collected data (its end date)',
    provisional: true,
    note: '[G] a date, as end_date; NH25 calls it 보유만료일시',
  },
  is_consent_trans_memo: {
    type: BOOL,
    ko: '적요 전송요구 여부',
    en: 'Consent covers transaction memos (trans_memo)',
    provisional: true,
  },
  is_consent_merchant_name_regno: {
    type: BOOL,
    ko: '가맹점명·사업자등록번호 전송요구 여부',
    en: 'Consent covers merchant names and registration numbers',
    provisional: true,
  },
  is_consent_trans_category: {
    type: BOOL,
    ko: '거래 카테고리 전송요구 여부',
    en: 'Consent covers transaction categories',
    provisional: true,
  },
} as const satisfies Record<string, FieldDef>;
