import { AUTH_FIELDS } from '../fields/auth.ts';
import { COMMON_FIELDS } from '../fields/common.ts';
import { SUPPORT_FIELDS } from '../fields/support.ts';
import { ORG_TYPE_LIST } from '../org-types.ts';
import { list, optList, type Shape, vocabulary } from '../schema/shape.ts';
import { N } from '../wire/wire-type.ts';
import { fixed, oneOf, plainApi } from './plain-api.ts';

const { req, opt } = vocabulary({ ...COMMON_FIELDS, ...AUTH_FIELDS, ...SUPPORT_FIELDS });

const F = SUPPORT_FIELDS;
const TOKEN_HEADERS = { required: ['x-api-tran-id'] } as const;
const WITH_TOKEN = { required: ['authorization', 'x-api-tran-id'] } as const;

// --- 지원-001 / 지원-101: support-API tokens (client_credentials, scope manage) ---

/** 지원-001 and 지원-101 form (chapter 7.1.1 / 7.2.1). */
export const MANAGE_TOKEN_FORM = [
  fixed(req('grant_type'), 'client_credentials'),
  req('client_id'),
  req('client_secret'),
  fixed(req('scope'), 'manage'),
] as const;

/** Support token answer: no refresh token (lifetime ≤ 1 year). */
export const MANAGE_TOKEN_RESPONSE = [
  fixed(req('token_type'), 'Bearer'),
  req('access_token'),
  req('expires_in'),
  fixed(req('scope'), 'manage'),
] as const;

// --- 지원-002: registry of organisations (delta since search_timestamp) ---

/** The request of the registry deltas 지원-002, 003, 006: search_timestamp is mandatory (0 = everything). */
export const REGISTRY_QUERY = [req('search_timestamp')] as const;

/** One org record of 지원-002. Only op_type and org_code are sent for op_type D. */
export const ORG_RECORD = [
  req('op_type'),
  req('org_code'),
  oneOf(req('org_type'), ORG_TYPE_LIST),
  opt('is_rcv_org'),
  opt('org_name'),
  opt('org_regno'),
  opt('corp_regno'),
  opt('serial_num'),
  opt('address'),
  opt('domain'),
  optList('domain_ip_list', 'domain_ip_cnt', [req('domain_ip')], {
    ko: 'API서버 공인IP 목록',
    en: 'Public IPs of the API server',
    countType: F.domain_ip_cnt.type,
  }),
  opt('relay_org_code'),
  opt('industry'),
  oneOf(opt('auth_type'), ['01', '03']),
  opt('cert_issuer_dn'),
  opt('cert_oid'),
  optList('ip_list', 'ip_cnt', [req('ip')], {
    ko: 'IP목록',
    en: 'Client IPs the counterparts must allow',
    countType: F.ip_cnt.type,
  }),
  optList('np_time_list', 'np_time_cnt', [req('np_time')], {
    ko: '정기적 전송 가능 시간대 목록',
    en: 'Non-peak windows for regular transmission (providers only)',
    countType: F.np_time_cnt.type,
    max: 3,
  }),
] as const;

export const ORGS_RESPONSE = [
  opt('search_timestamp'),
  list('org_list', 'org_cnt', ORG_RECORD, { ko: '기관목록', en: 'Changed organisations', countType: F.org_cnt.type }),
] as const;

// --- 지원-003: operators' services and their OAuth clients ---

export const SERVICE_RECORD = [
  req('service_name'),
  req('op_type'),
  req('client_id'),
  opt('client_secret'),
  optList('redirect_uri_list', 'redirect_uri_cnt', [req('redirect_uri')], {
    ko: 'Callback URL 목록',
    en: 'Registered callback URLs (at most 4)',
    countType: F.redirect_uri_cnt.type,
    max: 4,
  }),
  optList('app_scheme_list', 'app_scheme_cnt', [req('app_scheme')], {
    ko: '앱 URL 스킴 목록',
    en: 'Registered app schemes',
    countType: F.app_scheme_cnt.type,
  }),
] as const;

export const SERVICES_RESPONSE = [
  opt('search_timestamp'),
  list(
    'org_list',
    'org_cnt',
    [
      req('org_code'),
      list('service_list', 'service_cnt', SERVICE_RECORD, {
        ko: '서비스목록',
        en: 'Changed services of this operator',
        // Chapter 7 gives N(3) here and N(5) in 지원-103.
        countType: N(3),
      }),
    ],
    { ko: '기관목록', en: 'Operators with changed services', countType: F.org_cnt.type },
  ),
] as const;

// --- 지원-004 / 지원-005: weekly statistics ---

/** Per time slot (첨부11), the call counts; 지원-004 also has the response times. */
const TM_SLOT_WITH_TIMES = [
  req('tm_slot'),
  req('rsp_avg'),
  req('rsp_total'),
  req('rsp_stdev'),
  req('success_api_cnt'),
  req('fail_api_cnt'),
] as const;

const TM_SLOT_COUNTS = [req('tm_slot'), req('success_api_cnt'), req('fail_api_cnt')] as const;

const apiTypeList = <const S extends Shape>(slot: S) =>
  list(
    'api_type_list',
    'api_type_cnt',
    [
      req('api_type'),
      list('tm_slot_list', 'tm_slot_cnt', slot, {
        ko: '시간대별 통계정보 목록',
        en: 'Per time slot (always 2)',
        countType: F.tm_slot_cnt.type,
        max: 2,
      }),
    ],
    { ko: 'API 구분 별 통계정보 목록', en: 'Per API code (첨부12)', countType: F.api_type_cnt.type },
  );

/** The consent counters: sent for type 2 only. */
const CONSENT_COUNTERS = [opt('consent_new'), opt('consent_revoke'), opt('consent_own')] as const;

export const MYDATA_STATISTICS_BODY = [
  oneOf(req('type'), ['1', '2']),
  req('client_id'),
  req('inquiry_date'),
  list(
    'stat_date_list',
    'stat_date_cnt',
    [
      req('stat_date'),
      list('org_list', 'org_cnt', [req('org_code'), ...CONSENT_COUNTERS, apiTypeList(TM_SLOT_WITH_TIMES)], {
        ko: '정보제공자별 통계정보 목록',
        en: 'Per provider',
        countType: F.org_cnt.type,
      }),
    ],
    { ko: '통계일자별 통계정보 목록', en: 'Per day (always 7)', countType: F.stat_date_cnt.type, max: 7 },
  ),
] as const;

export const PROVIDER_STATISTICS_BODY = [
  opt('org_code'),
  oneOf(req('type'), ['1', '2']),
  req('inquiry_date'),
  list(
    'stat_date_list',
    'stat_date_cnt',
    [
      req('stat_date'),
      list(
        'mydata_svc_list',
        'mydata_svc_cnt',
        [req('org_code'), req('client_id'), ...CONSENT_COUNTERS, apiTypeList(TM_SLOT_COUNTS)],
        {
          ko: '마이데이터서비스/정보수신자별 통계정보 목록',
          en: 'Per operator service or recipient (and the portal)',
          countType: F.mydata_svc_cnt.type,
        },
      ),
    ],
    { ko: '통계일자별 통계정보 목록', en: 'Per day (always 7)', countType: F.stat_date_cnt.type, max: 7 },
  ),
] as const;

// --- 지원-006: registry for the integrated CA ---

export const CA_ORG_RECORD = [
  req('op_type'),
  req('org_code'),
  oneOf(opt('org_type'), ['01', '02', '03', '04']),
  opt('org_name'),
  opt('domain'),
  opt('cp_code'),
  opt('relay_org_code'),
  opt('server_cert_issuer_dn'),
  opt('server_cert_subject_dn'),
  optList('ip_list', 'ip_cnt', [req('ip')], {
    ko: '클라이언트 IP목록',
    en: 'IPs that will ask the CA for identity checks',
    countType: F.ip_cnt.type,
  }),
] as const;

export const ORGS_FOR_CA_RESPONSE = [
  opt('search_timestamp'),
  list('org_list', 'org_cnt', CA_ORG_RECORD, {
    ko: '기관목록',
    en: 'Changed providers, operators and relays',
    countType: F.org_cnt.type,
  }),
] as const;

// --- 지원-102, 103, 104: served by operators and providers ---

export const STATUS_QUERY = [req('org_code')] as const;
export const STATUS_RESPONSE = [req('availability')] as const;

export const CONSENTS_BODY = [req('org_code'), req('user_ci')] as const;

export const MEMBER_CONSENTS_RESPONSE = [
  req('is_member'),
  optList(
    'service_list',
    'service_cnt',
    [
      opt('client_id'),
      optList(
        'consent_list',
        'consent_cnt',
        [opt('org_code'), opt('scope'), opt('consent_date'), opt('consent_end_date')],
        { ko: '전송요구 내역 목록', en: 'Valid consents, one per provider', countType: F.consent_cnt.type },
      ),
    ],
    { ko: '서비스목록', en: 'Services the data subject uses', countType: F.service_cnt.type },
  ),
] as const;

export const REQ_STATISTICS_QUERY = [
  req('org_code'),
  oneOf(req('org_type'), ['01', '02', '03']),
  req('inquiry_date'),
  req('type'),
] as const;

const PORTAL_PROVIDES = { group: 'support-portal', providedBy: ['portal'] } as const;
const PARTICIPANT_PROVIDES = { group: 'support-participant', calledBy: ['portal'] } as const;

export const SUPPORT_APIS = [
  plainApi({
    ...PORTAL_PROVIDES,
    id: '지원-001',
    code: 'SU01',
    ko: '접근토큰 발급',
    en: 'Support-API token from the portal',
    calledBy: ['operator', 'provider', 'ca'],
    method: 'POST',
    resource: '/mgmts/oauth/2.0/token',
    scope: 'manage',
    headers: TOKEN_HEADERS,
    location: 'form',
    request: MANAGE_TOKEN_FORM,
    response: MANAGE_TOKEN_RESPONSE,
    errorStyle: 'oauth',
    provisional: false,
    notes:
      'Uses the "지원 API 호출용 자격증명" the portal issued. A relay calls it on behalf of the providers it relays. No version in the path.',
  }),
  plainApi({
    ...PORTAL_PROVIDES,
    id: '지원-002',
    code: 'SU02',
    ko: '기관정보 조회',
    en: 'Registry of organisations (changes since search_timestamp)',
    calledBy: ['operator', 'provider', 'ca'],
    method: 'GET',
    resource: '/{version}/mgmts/orgs',
    scope: 'manage',
    headers: WITH_TOKEN,
    location: 'query',
    request: REGISTRY_QUERY,
    response: ORGS_RESPONSE,
    errorStyle: 'rsp_code',
    timestamp: true,
    provisional: false,
    notes:
      'Only orgs changed since search_timestamp (0: all). For op_type D only op_type and org_code are sent. A relay receives the records for its relayed orgs. Types of most record fields were lost in the converted table and are provisional (see fields/support.ts); np_time is NS(9) "hhmm:hhmm", at most 3 windows.',
  }),
  plainApi({
    ...PORTAL_PROVIDES,
    id: '지원-003',
    code: 'SU03',
    ko: '서비스정보 조회',
    en: "Operators' services and OAuth clients (changes since search_timestamp)",
    calledBy: ['provider'],
    method: 'GET',
    resource: '/{version}/mgmts/services',
    scope: 'manage',
    headers: WITH_TOKEN,
    location: 'query',
    request: REGISTRY_QUERY,
    response: SERVICES_RESPONSE,
    errorStyle: 'rsp_code',
    timestamp: true,
    provisional: false,
    notes:
      'Grouped per operator org_code. For op_type D the client_secret, callback and app-scheme lists are not sent. Providers check redirect_uri and app_scheme of 개별인증-001 against these lists.',
  }),
  plainApi({
    ...PORTAL_PROVIDES,
    id: '지원-004',
    code: 'SU04',
    ko: '마이데이터사업자/정보수신자 통계자료 전송',
    en: 'Weekly statistics of an operator service',
    calledBy: ['operator'],
    method: 'POST',
    resource: '/{version}/mgmts/statistics/mydata',
    scope: 'manage',
    headers: WITH_TOKEN,
    location: 'json',
    request: MYDATA_STATISTICS_BODY,
    response: [],
    errorStyle: 'rsp_code',
    provisional: false,
    notes:
      'Sent on Sunday for the previous Sunday–Saturday, twice (type 1 regular, type 2 irregular) per service client_id. The consent counters are not sent for type 1. The converted table places type and client_id ambiguously; we read them as body fields. org_cnt reads N(4) in a garbled row; we keep the registry N(5).',
  }),
  plainApi({
    ...PORTAL_PROVIDES,
    id: '지원-005',
    code: 'SU05',
    ko: '정보제공자 통계자료 전송',
    en: 'Weekly statistics of a provider',
    calledBy: ['provider'],
    method: 'POST',
    resource: '/{version}/mgmts/statistics/provider',
    scope: 'manage',
    headers: WITH_TOKEN,
    location: 'json',
    request: PROVIDER_STATISTICS_BODY,
    response: [],
    errorStyle: 'rsp_code',
    provisional: false,
    notes:
      'Sent on Monday for the previous Sunday–Saturday, twice (type 1, type 2). org_code only when a relay sends for one of its relayed providers. Chapter 7 lists no response times (rsp_avg/rsp_total/rsp_stdev) per slot here, only the call counts.',
  }),
  plainApi({
    ...PORTAL_PROVIDES,
    id: '지원-006',
    code: 'SU06',
    ko: '통합인증기관용 기관정보 조회',
    en: 'Registry for the integrated CA (changes since search_timestamp)',
    calledBy: ['ca'],
    method: 'GET',
    resource: '/{version}/mgmts/orgs_for_ca',
    scope: 'manage',
    headers: WITH_TOKEN,
    location: 'query',
    request: REGISTRY_QUERY,
    response: ORGS_FOR_CA_RESPONSE,
    errorStyle: 'rsp_code',
    timestamp: true,
    provisional: false,
    notes:
      'org_type 01–04 only. org_name for 01/03/04, domain for 01/02/04, cp_code and relay_org_code for 02, the server-certificate DNs and ip_list for 01/04.',
  }),
  plainApi({
    ...PARTICIPANT_PROVIDES,
    id: '지원-101',
    code: 'SU11',
    ko: '접근토큰 발급',
    en: 'Support-API token for the portal',
    providedBy: ['operator', 'provider'],
    method: 'POST',
    resource: '/mgmts/oauth/2.0/token',
    scope: 'manage',
    headers: TOKEN_HEADERS,
    location: 'form',
    request: MANAGE_TOKEN_FORM,
    response: MANAGE_TOKEN_RESPONSE,
    errorStyle: 'oauth',
    provisional: false,
    notes: 'The portal uses the "종합포털 자격증명" it shared beforehand. Relays serve it too. No version in the path.',
  }),
  plainApi({
    ...PARTICIPANT_PROVIDES,
    id: '지원-102',
    code: 'SU12',
    ko: '정보제공자 상태 조회',
    en: 'Provider availability',
    providedBy: ['provider'],
    method: 'GET',
    resource: '/{version}/mgmts/status',
    scope: 'manage',
    headers: WITH_TOKEN,
    location: 'query',
    request: STATUS_QUERY,
    response: STATUS_RESPONSE,
    errorStyle: 'rsp_code',
    provisional: false,
    notes: 'org_code is mandatory even for a provider with its own API (a relay answers per relayed org).',
  }),
  plainApi({
    ...PARTICIPANT_PROVIDES,
    id: '지원-103',
    code: 'SU13',
    ko: '정보주체 별 전송요구 내역 조회',
    en: "A data subject's valid consents at an operator",
    providedBy: ['operator'],
    method: 'POST',
    resource: '/{version}/mgmts/consents',
    scope: 'manage',
    headers: WITH_TOKEN,
    location: 'json',
    request: CONSENTS_BODY,
    response: MEMBER_CONSENTS_RESPONSE,
    errorStyle: 'rsp_code',
    provisional: false,
    notes:
      "org_code is the operator's. Only currently valid consents, at scope level (no account numbers). When is_member is false nothing else is sent.",
  }),
  plainApi({
    ...PARTICIPANT_PROVIDES,
    id: '지원-104',
    code: 'SU14',
    ko: '통계자료 재전송 요청',
    en: 'Portal asks for statistics to be sent again',
    providedBy: ['operator', 'provider'],
    method: 'GET',
    resource: '/{version}/mgmts/req-statistics',
    scope: 'manage',
    headers: WITH_TOKEN,
    location: 'query',
    request: REQ_STATISTICS_QUERY,
    response: [],
    errorStyle: 'rsp_code',
    provisional: false,
    notes:
      'org_type here is 01 마이데이터사업자, 02 정보수신자, 03 정보제공자 (not the registry codes). type: 0 both, 1 regular, 2 irregular. The receiver sends 지원-004 or 지원-005 again for the week before inquiry_date.',
  }),
];
