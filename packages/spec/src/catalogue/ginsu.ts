import { COMMON_FIELDS } from '../fields/common.ts';
import { GINSU_FIELDS } from '../fields/ginsu.ts';
import { INSU_FIELDS, SHARED_BANK_FIELDS } from '../fields/insu.ts';
import { list, vocabulary } from '../schema/shape.ts';
import { DATE_PERIOD, infoApi, PLAIN_LIST_QUERY } from './define.ts';

const { req, opt } = vocabulary({
  ...COMMON_FIELDS,
  trans_cnt: SHARED_BANK_FIELDS.trans_cnt,
  ...INSU_FIELDS,
  ...GINSU_FIELDS,
});

const POLICY_KEYS = ['insu_num'] as const;

/**
 * 보증보험 (ginsu): 보증보험-001…003. Method, resource and cycle from the standard's ch.4 table; fields from the
 * notes §3.3 (2021 draft) and, for the list, standard ch.3 (증권번호, 전송요구 여부, 상품명, 보험종류 구분), all
 * provisional. Field names and meanings are insurance's (fields/insu.ts).
 */
export const GINSU_APIS = [
  infoApi({
    id: '보증보험-001',
    code: 'GI01',
    ko: '보증보험 목록 조회',
    en: 'List of guarantee insurance policies',
    industries: ['ginsu'],
    method: 'GET',
    resource: '/insurances',
    scope: 'ginsu.list',
    cycle: '기본',
    timestamp: true,
    request: PLAIN_LIST_QUERY,
    response: [
      opt('search_timestamp'),
      list(
        'insu_list',
        'insu_cnt',
        [req('insu_num'), req('is_consent'), req('prod_name'), req('insu_type'), req('insu_status')],
        { ko: '보증보험 목록', en: 'Policies', max: 500, countType: INSU_FIELDS.insu_cnt.type },
      ),
    ],
    notes: 'Not paginated, like the other non-bank lists of the 2021 draft.',
  }),
  infoApi({
    id: '보증보험-002',
    code: 'GI02',
    ko: '보증보험 기본정보 조회',
    en: 'Guarantee insurance policy: basic information',
    industries: ['ginsu'],
    method: 'POST',
    resource: '/insurances/basic',
    scope: 'ginsu.insurance',
    cycle: '기본',
    timestamp: true,
    assetKeys: POLICY_KEYS,
    listedBy: '보증보험-001',
    request: [req('org_code'), req('insu_num'), opt('search_timestamp')],
    response: [
      opt('search_timestamp'),
      req('issue_date'),
      req('exp_date'),
      req('face_amt'),
      list('insured_list', 'insured_cnt', [req('insured_name')], {
        ko: '피보험자 목록',
        en: 'Insured parties',
        countType: INSU_FIELDS.insured_cnt.type,
      }),
      opt('pay_due'),
      req('pay_amt'),
    ],
    notes: 'The 피보험자 of a guarantee policy is usually the obligee (e.g. the landlord or the contracting company).',
  }),
  infoApi({
    id: '보증보험-003',
    code: 'GI03',
    ko: '보증보험 거래내역 조회',
    en: 'Guarantee insurance policy: premium transactions',
    industries: ['ginsu'],
    method: 'POST',
    resource: '/insurances/transactions',
    scope: 'ginsu.insurance',
    cycle: '추가',
    dateRule: 'days3m',
    paginated: true,
    assetKeys: POLICY_KEYS,
    listedBy: '보증보험-001',
    request: [req('org_code'), req('insu_num'), ...DATE_PERIOD],
    response: [
      opt('next_page'),
      list('trans_list', 'trans_cnt', [req('trans_date'), opt('trans_no'), req('paid_amt'), req('pay_method')], {
        ko: '거래내역',
        en: 'Transactions',
        max: 500,
        countType: SHARED_BANK_FIELDS.trans_cnt.type,
      }),
    ],
  }),
] as const;
