import { INDUSTRY_LIST } from '../industries.ts';
import { OP_TYPES, PROVIDER_STATUS, type ProviderStatus } from '../org-types.ts';
import type { FieldDef } from '../schema/shape.ts';
import { AH, A, aN, aNS, BOOL, DATE, N, NS } from '../wire/wire-type.ts';

const PROVIDER_STATUS_CODES = Object.keys(PROVIDER_STATUS) as ProviderStatus[];

/**
 * Fields of the support APIs (지원-001…006, 지원-101…104), from the standard's chapter 7 tables. Where the
 * converted table lost a type (most of the 지원-002 org record, parts of 지원-003/006), the type is our
 * choice and marked provisional; everything else is the table's. client_id, client_secret, scope,
 * grant_type, token fields, user_ci and auth_type are in fields/auth.ts.
 */
export const SUPPORT_FIELDS = {
  // --- registry records (지원-002, 003, 006) ---
  op_type: {
    type: A(1),
    ko: '신규/수정/삭제 구분',
    en: 'Change kind: I inserted, M modified, D deleted',
    values: OP_TYPES,
    provisional: false,
  },
  org_type: {
    type: aN(2),
    ko: '기관구분',
    en: 'Organisation type',
    provisional: false,
    note: 'aN(2) in 지원-104. Codes differ per API: 지원-002 ORG_TYPES (01…07, 99); 지원-006 01…04; 지원-104 01 마이데이터사업자, 02 정보수신자, 03 정보제공자 (narrowed per API)',
  },
  org_cnt: { type: N(5), ko: '기관목록수', en: 'Number of organisations', provisional: false },
  is_rcv_org: {
    type: BOOL,
    ko: '정보수신자 여부',
    en: 'Whether the org is an information recipient (other than an operator)',
    provisional: true,
  },
  org_name: { type: AH(150), ko: '기관명', en: 'Organisation name', provisional: true },
  org_regno: {
    type: aN(10),
    ko: '사업자등록번호',
    en: 'Business registration number (10 digits)',
    provisional: true,
  },
  corp_regno: {
    type: aN(13),
    ko: '법인등록번호',
    en: 'Corporate registration number (13 digits)',
    provisional: true,
  },
  serial_num: {
    type: aNS(64),
    ko: 'TLS 인증서 시리얼넘버',
    en: 'SERIALNUMBER (OID 2.5.4.5) of the TLS certificate subject',
    provisional: true,
  },
  address: { type: AH(300), ko: '주소', en: 'Address', provisional: true },
  domain: { type: aNS(256), ko: 'API서버 도메인명', en: 'Domain name of the API server', provisional: true },
  domain_ip_cnt: { type: N(3), ko: 'API서버 공인IP 목록수', en: 'Number of API-server public IPs', provisional: true },
  domain_ip: {
    type: aNS(21),
    ko: 'API서버 공인IP',
    en: 'API-server public IP, optionally ip:port (port mandatory for org_type 05)',
    provisional: true,
  },
  relay_org_code: {
    type: aN(10),
    ko: '중계기관/거점중계기관 기관코드',
    en: 'org_code of the relay (or hub relay) the org uses',
    provisional: true,
  },
  industry: {
    type: aN(10),
    ko: '정보제공자의 업권',
    en: 'Industry of a provider',
    values: INDUSTRY_LIST,
    provisional: true,
  },
  cert_issuer_dn: {
    type: aNS(256),
    ko: '통합인증기관 DN 값',
    en: 'DN "o" value of a certificate-based CA (org_type 05)',
    provisional: true,
  },
  cert_oid: {
    type: aNS(512),
    ko: '허용 통합인증서 OID',
    en: 'Allowed certificate policy OIDs, several joined with "_" (org_type 05)',
    provisional: true,
  },
  ip_cnt: { type: N(3), ko: 'IP목록수', en: 'Number of client IPs', provisional: false },
  ip: { type: aNS(15), ko: 'IP', en: 'Client IP to allow-list (IPv4)', provisional: false },
  np_time_cnt: {
    type: N(1),
    ko: '정기적 전송 가능 시간대 목록수',
    en: 'Number of non-peak windows (at most 3)',
    provisional: true,
  },
  np_time: {
    type: NS(9),
    ko: '정기적 전송 가능 시간',
    en: 'Non-peak window "hhmm:hhmm" in 30-minute steps; together at least 6 hours a day',
    provisional: false,
    pattern: {
      source: '^([01][0-9]|2[0-3])[03]0:([01][0-9]|2[0-3])[03]0$|^([01][0-9]|2[0-3])[03]0:2400$',
      en: 'must be hhmm:hhmm on 30-minute steps (e.g. 0000:0600)',
      ko: 'hhmm:hhmm 형식(30분 단위)이어야 합니다',
    },
  },
  cp_code: {
    type: aNS(20),
    ko: '본인확인용 기관코드',
    en: 'cpCode used for identity checks (지원-006)',
    provisional: true,
  },
  server_cert_issuer_dn: {
    type: aNS(256),
    ko: '서버용 공동인증서 발급자 DN',
    en: 'Issuer DN of the server certificate for integrated auth, comma-joined',
    provisional: true,
  },
  server_cert_subject_dn: {
    type: aNS(256),
    ko: '서버용 공동인증서 소유자 DN',
    en: 'Subject DN of the server certificate for integrated auth, comma-joined',
    provisional: true,
  },
  // --- services (지원-003, 103) ---
  service_cnt: {
    type: N(5),
    ko: '서비스목록수',
    en: 'Number of services',
    provisional: false,
    note: 'N(5) in 지원-103; 지원-003 gives N(3) (set on that list)',
  },
  service_name: { type: AH(30), ko: '서비스명', en: 'Service name', provisional: false },
  redirect_uri_cnt: {
    type: N(1),
    ko: 'Callback URL 개수',
    en: 'Number of callback URLs (at most 4)',
    provisional: true,
  },
  app_scheme_cnt: { type: N(3), ko: '앱 URL 스킴 목록수', en: 'Number of app schemes', provisional: true },
  // --- statistics (지원-004, 005, 104) ---
  type: {
    type: N(1),
    ko: '통계 구분',
    en: 'Statistics kind',
    values: ['0', '1', '2'],
    provisional: false,
    note: '지원-004/005: 1 정기적 전송, 2 비정기적 전송; 지원-104: 0 both, 1 regular, 2 irregular',
  },
  inquiry_date: {
    type: DATE,
    ko: '전송 기준일자',
    en: 'Reference date (a Sunday); the 7 days before it are reported',
    provisional: false,
  },
  stat_date_cnt: { type: N(1), ko: '통계일자수', en: 'Number of days (always 7)', provisional: false },
  stat_date: { type: DATE, ko: '통계일자', en: 'Day of the statistics', provisional: false },
  mydata_svc_cnt: {
    type: N(3),
    ko: '마이데이터서비스/정보수신자 수',
    en: 'Number of operator services and recipients',
    provisional: false,
  },
  consent_new: {
    type: N(10),
    ko: '신규 또는 변경 전송요구 수',
    en: 'New or changed consents that day (not sent for type 1)',
    provisional: false,
  },
  consent_revoke: {
    type: N(10),
    ko: '철회된 전송요구 수',
    en: 'Consents withdrawn that day (not sent for type 1)',
    provisional: false,
  },
  consent_own: {
    type: N(10),
    ko: '최종 유효한 전송요구 수',
    en: 'Consents valid at the end of that day (not sent for type 1)',
    provisional: false,
  },
  api_type_cnt: { type: N(3), ko: 'API 구분 수', en: 'Number of API codes', provisional: false },
  api_type: { type: aN(4), ko: 'API 구분 코드', en: 'API code (첨부12), e.g. BA01', provisional: false },
  tm_slot_cnt: { type: N(2), ko: '통계시점 시간대역 수', en: 'Number of time slots (always 2)', provisional: false },
  tm_slot: {
    type: aN(2),
    ko: '통계시점 시간대역',
    en: 'Time-slot code (첨부11)',
    provisional: false,
    note: 'the 첨부11 code list is not public',
  },
  rsp_avg: { type: N(6), ko: '응답시간 평균값(ms)', en: 'Mean response time (ms)', provisional: false },
  rsp_total: { type: N(15), ko: '응답시간 합계(ms)', en: 'Total response time (ms)', provisional: false },
  rsp_stdev: {
    type: N(6),
    ko: '응답시간 표준편차(ms)',
    en: 'Standard deviation of response time (ms)',
    provisional: false,
  },
  success_api_cnt: { type: N(10), ko: '성공한 API 호출 횟수', en: 'Successful calls', provisional: false },
  fail_api_cnt: { type: N(10), ko: '실패한 API 호출 횟수', en: 'Failed calls', provisional: false },
  // --- 지원-102, 103 ---
  availability: {
    type: aN(2),
    ko: 'API 서버 가용 여부',
    en: 'API server availability: 01 normal, 02 failure, 03 maintenance, 99 other',
    values: PROVIDER_STATUS_CODES,
    provisional: false,
  },
  is_member: {
    type: BOOL,
    ko: '회원 가입 여부',
    en: "Whether the data subject is the operator's customer",
    provisional: false,
  },
  consent_cnt: { type: N(3), ko: '전송요구 내역 수', en: 'Number of consents', provisional: false },
  consent_date: { type: DATE, ko: '전송요구 일자', en: 'Date of the consent', provisional: false },
  consent_end_date: {
    type: DATE,
    ko: '전송요구 종료 시점',
    en: 'End date of the consent (as 공통-002 end_date)',
    provisional: false,
  },
} as const satisfies Record<string, FieldDef>;
