import { COMMON_FIELDS } from '../fields/common.ts';
import { COMMON_INFO_FIELDS } from '../fields/common-info.ts';
import { type Industry, INDUSTRY_LIST } from '../industries.ts';
import { list, vocabulary } from '../schema/shape.ts';
import { listScope, type Scope } from '../scopes.ts';
import { infoApi, PLAIN_LIST_QUERY } from './define.ts';

const { req, opt } = vocabulary({ ...COMMON_FIELDS, ...COMMON_INFO_FIELDS });

/** Every industry offers 공통-001/002, each under its own `<industry>.list` scope (규격 §2.2). */
const LIST_SCOPES: Partial<Record<Industry, Scope>> = Object.fromEntries(
  INDUSTRY_LIST.map((industry) => [industry, listScope(industry)]),
);

/** 공통-001 request: the provider's org_code and the last search_timestamp (query). */
export const APIS_QUERY = PLAIN_LIST_QUERY;

/** 공통-001 response (after rsp_code/rsp_msg). */
export const APIS_RESPONSE = [
  opt('search_timestamp'),
  req('version'),
  req('min_version'),
  list('api_list', 'api_cnt', [req('api_code'), req('api_uri')], {
    ko: 'API 목록',
    en: 'APIs the provider offers',
    countType: COMMON_INFO_FIELDS.api_cnt.type,
  }),
] as const;

/** 공통-002 request (query). */
export const CONSENTS_QUERY = [req('org_code')] as const;

/** 공통-002 response (after rsp_code/rsp_msg): the consent items of 규격 §3.2.1 as the provider stored them. */
export const CONSENTS_RESPONSE = [
  req('is_scheduled'),
  opt('fnd_cycle'),
  opt('add_cycle'),
  req('end_date'),
  req('purpose'),
  req('period'),
  opt('is_consent_trans_memo', { since: 'v2' }),
  opt('is_consent_merchant_name_regno', { since: 'v2' }),
  opt('is_consent_trans_category', { since: 'v2' }),
] as const;

export const COMMON_APIS = [
  infoApi({
    id: '공통-001',
    code: 'CM01',
    ko: 'API 목록 조회',
    en: 'List of APIs the provider offers',
    industries: INDUSTRY_LIST,
    method: 'GET',
    resource: '/apis',
    scope: LIST_SCOPES,
    cycle: '기본',
    timestamp: true,
    request: APIS_QUERY,
    response: APIS_RESPONSE,
    provisional: true,
    notes:
      'Chapter 6 table not public: fields from the notes §3.3 (nervers1, a Node mock). One implementation also sends client_id in the query; whether a Bearer token is needed is open (notes §11 q6), we require it as for every info API.',
  }),
  infoApi({
    id: '공통-002',
    code: 'CM02',
    ko: '전송요구 내역 조회',
    en: 'The consent the data subject gave this provider',
    industries: INDUSTRY_LIST,
    method: 'GET',
    resource: '/consents',
    scope: LIST_SCOPES,
    cycle: '기본',
    request: CONSENTS_QUERY,
    response: CONSENTS_RESPONSE,
    provisional: true,
    notes:
      'Chapter 6 table not public: fields from the notes §3.3/§4.4 (NH25, a Node mock, the synthetic sample; the early draft had one `cycle`). fnd_cycle/add_cycle are sent only when is_scheduled is true. The v2 consent flags gate trans_memo, merchant_name/merchant_regno and trans_category in the sector APIs.',
  }),
];
