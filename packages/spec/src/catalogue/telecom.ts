import { COMMON_FIELDS } from '../fields/common.ts';
import { EFIN_FIELDS } from '../fields/efin.ts';
import { INSU_FIELDS, SHARED_BANK_FIELDS } from '../fields/insu.ts';
import { TELECOM_FIELDS } from '../fields/telecom.ts';
import { list, vocabulary } from '../schema/shape.ts';
import { DATE_PERIOD, infoApi, PLAIN_LIST_QUERY } from './define.ts';

const { req, opt } = vocabulary({
  ...COMMON_FIELDS,
  trans_cnt: SHARED_BANK_FIELDS.trans_cnt,
  paid_amt: INSU_FIELDS.paid_amt,
  trans_title: EFIN_FIELDS.trans_title,
  ...TELECOM_FIELDS,
});

const CONTRACT_KEYS = ['mgmt_id'] as const;

/**
 * 통신 (telecom): 통신-001…004. Method, resource and cycle from the standard's ch.4 table (the 2021 draft had
 * 통신-002 as GET); fields from the notes §3.3 and the 2021 draft fixtures, provisional.
 */
export const TELECOM_APIS = [
  infoApi({
    id: '통신-001',
    code: 'TC01',
    ko: '통신 계약 목록 조회',
    en: 'List of telecom contracts',
    industries: ['telecom'],
    method: 'GET',
    resource: '/telecoms',
    scope: 'telecom.list',
    cycle: '기본',
    timestamp: true,
    request: PLAIN_LIST_QUERY,
    response: [
      opt('search_timestamp'),
      list(
        'telecom_list',
        'telecom_cnt',
        [req('mgmt_id'), req('is_consent'), req('telecom_num'), req('type'), req('status')],
        { ko: '통신 계약 목록', en: 'Contracts', max: 500, countType: TELECOM_FIELDS.telecom_cnt.type },
      ),
    ],
    notes: 'Not paginated, as in the 2021 draft.',
  }),
  infoApi({
    id: '통신-002',
    code: 'TC02',
    ko: '청구 정보 조회',
    en: 'Telecom bills of a month',
    industries: ['telecom'],
    method: 'POST',
    resource: '/telecoms/bills',
    scope: 'telecom.mgmt',
    cycle: '추가',
    request: [req('org_code'), req('charge_month')],
    response: [
      list('bill_list', 'bill_cnt', [req('mgmt_id'), req('charge_amt'), opt('charge_date')], {
        ko: '청구 목록',
        en: 'Bills',
        countType: TELECOM_FIELDS.bill_cnt.type,
      }),
    ],
    notes:
      'As in the 2021 draft, one call per charge_month answers the bills of every consented contract (mgmt_id per item), so the request names no asset; a provider must leave out contracts outside the consent.',
  }),
  infoApi({
    id: '통신-003',
    code: 'TC03',
    ko: '통신 거래내역(납입내역) 조회',
    en: 'Telecom contract: payments made',
    industries: ['telecom'],
    method: 'POST',
    resource: '/telecoms/transactions',
    scope: 'telecom.mgmt',
    cycle: '추가',
    dateRule: 'months',
    assetKeys: CONTRACT_KEYS,
    listedBy: '통신-001',
    request: [req('org_code'), req('mgmt_id'), req('from_month'), req('to_month')],
    response: [
      list('trans_list', 'trans_cnt', [req('trans_month'), req('paid_amt'), req('pay_method')], {
        ko: '납입내역',
        en: 'Payments',
        countType: SHARED_BANK_FIELDS.trans_cnt.type,
      }),
    ],
    notes:
      'Month-based (from_month/to_month, at most 3 months per call): the guideline lists 통신-003 under 월 기준 and each item carries trans_month. One item per month, so not paginated (the 2021 draft sends no next_page/limit).',
  }),
  infoApi({
    id: '통신-004',
    code: 'TC04',
    ko: '통신 결제내역 조회',
    en: 'Telecom contract: carrier-billing purchases',
    industries: ['telecom'],
    method: 'POST',
    resource: '/telecoms/paid-transactions',
    scope: 'telecom.mgmt',
    cycle: '추가',
    dateRule: 'days31',
    paginated: true,
    assetKeys: CONTRACT_KEYS,
    listedBy: '통신-001',
    request: [req('org_code'), req('mgmt_id'), ...DATE_PERIOD],
    response: [
      opt('next_page'),
      list('trans_list', 'trans_cnt', [req('trans_date'), req('trans_amt'), req('merchant_name'), opt('trans_title')], {
        ko: '결제내역',
        en: 'Purchases',
        max: 500,
        countType: SHARED_BANK_FIELDS.trans_cnt.type,
      }),
    ],
    notes:
      'trans_title is not consent-gated here; whether the v2 주문내역 flag (is_consent_trans_category) also covers it is an open question.',
  }),
] as const;
