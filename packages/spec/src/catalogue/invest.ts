import { COMMON_FIELDS } from '../fields/common.ts';
import { INVEST_FIELDS } from '../fields/invest.ts';
import { list, vocabulary } from '../schema/shape.ts';
import { DATE_PERIOD, infoApi, LIST_QUERY } from './define.ts';

const { req, opt } = vocabulary({ ...COMMON_FIELDS, ...INVEST_FIELDS });

const ACCOUNT = [req('org_code'), req('account_num'), opt('search_timestamp')] as const;
const ACCOUNT_KEYS = ['account_num'] as const;

/**
 * 금융투자 업권 (규격 4.2.4). Codes IV01–IV04 as in the Banksalad draft; IV05 is ours for 금투-005 (added after the
 * draft). Scopes per 규격 §2.2: invest.list for the list, invest.account for basic, transactions, products and
 * pension.
 */
export const INVEST_APIS = [
  infoApi({
    id: '금투-001',
    code: 'IV01',
    ko: '계좌 목록 조회',
    en: 'List of securities accounts',
    industries: ['invest'],
    method: 'GET',
    resource: '/accounts',
    scope: 'invest.list',
    cycle: '기본',
    paginated: true,
    timestamp: true,
    request: LIST_QUERY,
    response: [
      opt('search_timestamp'),
      opt('next_page'),
      list(
        'account_list',
        'account_cnt',
        [req('account_num'), req('is_consent'), opt('account_name'), req('account_type'), req('account_status')],
        { ko: '계좌 목록', en: 'Accounts', max: 500, countType: INVEST_FIELDS.account_cnt.type },
      ),
    ],
    notes: 'Paginated like 은행-001 (the 2021 draft took only org_code and search_timestamp): provisional.',
  }),
  infoApi({
    id: '금투-002',
    code: 'IV02',
    ko: '계좌 기본정보 조회',
    en: 'Securities account: basic information',
    industries: ['invest'],
    method: 'POST',
    resource: '/accounts/basic',
    scope: 'invest.account',
    cycle: '추가',
    timestamp: true,
    assetKeys: ACCOUNT_KEYS,
    listedBy: '금투-001',
    request: ACCOUNT,
    response: [
      opt('search_timestamp'),
      req('issue_date'),
      req('is_tax_benefits'),
      req('withholdings_amt'),
      opt('credit_loan_amt'),
      opt('mortgage_amt'),
      req('currency_code'),
    ],
  }),
  infoApi({
    id: '금투-003',
    code: 'IV03',
    ko: '계좌 거래내역 조회',
    en: 'Securities account: transactions',
    industries: ['invest'],
    method: 'POST',
    resource: '/accounts/transactions',
    scope: 'invest.account',
    cycle: '추가',
    dateRule: 'days31',
    paginated: true,
    assetKeys: ACCOUNT_KEYS,
    listedBy: '금투-001',
    request: [req('org_code'), req('account_num'), ...DATE_PERIOD],
    response: [
      opt('next_page'),
      list(
        'trans_list',
        'trans_cnt',
        [
          opt('prod_code'),
          req('trans_dtime'),
          opt('prod_name'),
          req('trans_type'),
          opt('trans_type_detail'),
          opt('trans_num'),
          opt('base_amt'),
          req('trans_amt'),
          opt('settle_amt'),
          req('balance_amt'),
          req('currency_code'),
        ],
        { ko: '거래내역', en: 'Transactions', max: 500, countType: INVEST_FIELDS.trans_cnt.type },
      ),
    ],
  }),
  infoApi({
    id: '금투-004',
    code: 'IV04',
    ko: '계좌 상품정보 조회',
    en: 'Securities account: holdings',
    industries: ['invest'],
    method: 'POST',
    resource: '/accounts/products',
    scope: 'invest.account',
    cycle: '추가',
    timestamp: true,
    assetKeys: ACCOUNT_KEYS,
    listedBy: '금투-001',
    request: ACCOUNT,
    response: [
      opt('search_timestamp'),
      list(
        'prod_list',
        'prod_cnt',
        [
          req('prod_type'),
          opt('prod_type_detail'),
          req('prod_code'),
          req('prod_name'),
          opt('purchase_amt'),
          req('holding_num'),
          opt('avail_for_sale_num'),
          req('eval_amt'),
          opt('issue_date'),
          opt('paid_in_amt'),
          opt('withdrawal_amt'),
          opt('last_paid_in_date'),
          opt('rcv_amt'),
          req('currency_code'),
        ],
        { ko: '보유상품 목록', en: 'Holdings', countType: INVEST_FIELDS.prod_cnt.type },
      ),
    ],
  }),
  infoApi({
    id: '금투-005',
    code: 'IV05',
    ko: '연금계좌 추가정보 조회',
    en: 'Pension account: additional information',
    industries: ['invest'],
    method: 'POST',
    resource: '/accounts/pension',
    scope: 'invest.account',
    cycle: '추가',
    timestamp: true,
    assetKeys: ACCOUNT_KEYS,
    listedBy: '금투-001',
    request: ACCOUNT,
    response: [
      opt('search_timestamp'),
      req('paid_in_amt'),
      opt('withdrawal_amt'),
      opt('last_paid_in_date'),
      opt('rcv_start_date'),
      opt('rcv_amt'),
    ],
    notes:
      'The notes list no fields: these are the pension fields the 2021 draft carried in 금투-004 (paid_in_amt, ' +
      'withdrawal_amt, last_paid_in_date, rcv_amt) plus rcv_start_date. Code IV05 is ours.',
  }),
] as const;
