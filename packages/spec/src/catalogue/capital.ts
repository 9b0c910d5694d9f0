import { CAPITAL_FIELDS } from '../fields/capital.ts';
import { COMMON_FIELDS } from '../fields/common.ts';
import { INSU_FIELDS, SHARED_BANK_FIELDS } from '../fields/insu.ts';
import { list, vocabulary } from '../schema/shape.ts';
import { DATE_PERIOD, infoApi, PLAIN_LIST_QUERY } from './define.ts';

const { req, opt } = vocabulary({
  ...COMMON_FIELDS,
  ...SHARED_BANK_FIELDS,
  account_type: INSU_FIELDS.account_type,
  ...CAPITAL_FIELDS,
});

const ACCOUNT = [req('org_code'), req('account_num'), opt('search_timestamp')] as const;
const ACCOUNT_KEYS = ['account_num'] as const;

const LOAN_TRANS = { ko: '거래내역', en: 'Transactions', max: 500, countType: SHARED_BANK_FIELDS.trans_cnt.type };

/**
 * 할부금융 (capital): 할부금융-001…006. Method, resource and cycle from the standard's ch.4 table. The notes give
 * fields only for the operating lease (005/006); the loan APIs (001…004) follow the bank loan APIs (은행-001,
 * 008…010), all provisional. Scope capital.loan covers /loans/oplease/* too (provisional, scopes.ts).
 */
export const CAPITAL_APIS = [
  infoApi({
    id: '할부금융-001',
    code: 'CP01',
    ko: '계좌 목록 조회',
    en: 'List of instalment-finance accounts',
    industries: ['capital'],
    method: 'GET',
    resource: '/loans',
    scope: 'capital.list',
    cycle: '기본',
    timestamp: true,
    request: PLAIN_LIST_QUERY,
    response: [
      opt('search_timestamp'),
      list(
        'account_list',
        'account_cnt',
        [req('account_num'), req('is_consent'), req('prod_name'), req('account_type'), req('account_status')],
        { ko: '계좌 목록', en: 'Accounts', max: 500, countType: SHARED_BANK_FIELDS.account_cnt.type },
      ),
    ],
    notes:
      'Fields per standard ch.3 (계좌번호, 전송요구 여부, 상품명, 계좌구분) with the bank names; operating leases appear here too (account_type). Not paginated, like the other non-bank lists of the 2021 draft.',
  }),
  infoApi({
    id: '할부금융-002',
    code: 'CP02',
    ko: '대출상품계좌 기본정보 조회',
    en: 'Loan account: basic information',
    industries: ['capital'],
    method: 'POST',
    resource: '/loans/basic',
    scope: 'capital.loan',
    cycle: '기본',
    timestamp: true,
    assetKeys: ACCOUNT_KEYS,
    listedBy: '할부금융-001',
    request: ACCOUNT,
    response: [
      opt('search_timestamp'),
      opt('holder_name'),
      req('issue_date'),
      opt('exp_date'),
      req('last_offered_rate'),
      opt('repay_date'),
      req('repay_method'),
      opt('repay_org_code'),
      opt('repay_account_num'),
    ],
  }),
  infoApi({
    id: '할부금융-003',
    code: 'CP03',
    ko: '대출상품계좌 추가정보 조회',
    en: 'Loan account: balance',
    industries: ['capital'],
    method: 'POST',
    resource: '/loans/detail',
    scope: 'capital.loan',
    cycle: '추가',
    timestamp: true,
    assetKeys: ACCOUNT_KEYS,
    listedBy: '할부금융-001',
    request: ACCOUNT,
    response: [
      opt('search_timestamp'),
      req('currency_code'),
      req('balance_amt'),
      req('loan_principal'),
      opt('next_repay_date'),
    ],
  }),
  infoApi({
    id: '할부금융-004',
    code: 'CP04',
    ko: '대출상품계좌 거래내역 조회',
    en: 'Loan account: transactions',
    industries: ['capital'],
    method: 'POST',
    resource: '/loans/transactions',
    scope: 'capital.loan',
    cycle: '추가',
    dateRule: 'days3m',
    paginated: true,
    assetKeys: ACCOUNT_KEYS,
    listedBy: '할부금융-001',
    request: [req('org_code'), req('account_num'), ...DATE_PERIOD],
    response: [
      opt('next_page'),
      list(
        'trans_list',
        'trans_cnt',
        [
          req('trans_dtime'),
          opt('trans_no'),
          req('trans_type'),
          req('currency_code'),
          req('trans_amt'),
          req('balance_amt'),
          req('principal_amt'),
          req('int_amt'),
          list('int_list', 'int_cnt', [req('int_start_date'), req('int_end_date'), req('int_rate'), req('int_type')], {
            ko: '이자 적용 내역',
            en: 'Interest periods',
            countType: SHARED_BANK_FIELDS.int_cnt.type,
          }),
        ],
        LOAN_TRANS,
      ),
    ],
  }),
  infoApi({
    id: '할부금융-005',
    code: 'CP05',
    ko: '운용리스 기본정보 조회',
    en: 'Operating lease: basic information',
    industries: ['capital'],
    method: 'POST',
    resource: '/loans/oplease/basic',
    scope: 'capital.loan',
    cycle: '기본',
    timestamp: true,
    assetKeys: ACCOUNT_KEYS,
    listedBy: '할부금융-001',
    request: ACCOUNT,
    response: [
      opt('search_timestamp'),
      opt('holder_name'),
      req('issue_date'),
      req('exp_date'),
      opt('repay_date'),
      req('repay_method'),
      opt('repay_org_code'),
      opt('repay_account_num'),
      opt('next_repay_date'),
    ],
    notes: 'Scope: capital.loan is assumed to cover /loans/oplease/* (provisional; the notes leave it open).',
  }),
  infoApi({
    id: '할부금융-006',
    code: 'CP06',
    ko: '운용리스 거래내역 조회',
    en: 'Operating lease: transactions',
    industries: ['capital'],
    method: 'POST',
    resource: '/loans/oplease/transactions',
    scope: 'capital.loan',
    cycle: '추가',
    dateRule: 'days3m',
    paginated: true,
    assetKeys: ACCOUNT_KEYS,
    listedBy: '할부금융-001',
    request: [req('org_code'), req('account_num'), ...DATE_PERIOD],
    response: [
      opt('next_page'),
      list(
        'trans_list',
        'trans_cnt',
        [req('trans_dtime'), opt('trans_no'), req('trans_type'), req('trans_amt')],
        LOAN_TRANS,
      ),
    ],
    notes: 'Scope: capital.loan is assumed to cover /loans/oplease/* (provisional; the notes leave it open).',
  }),
] as const;
