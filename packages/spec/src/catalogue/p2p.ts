import { COMMON_FIELDS } from '../fields/common.ts';
import { SHARED_BANK_FIELDS } from '../fields/insu.ts';
import { P2P_FIELDS } from '../fields/p2p.ts';
import { list, vocabulary } from '../schema/shape.ts';
import { DATE_PERIOD, infoApi, PLAIN_LIST_QUERY } from './define.ts';

const { req, opt } = vocabulary({ ...COMMON_FIELDS, ...SHARED_BANK_FIELDS, ...P2P_FIELDS });

const LENDING = [req('org_code'), req('lending_id'), opt('search_timestamp')] as const;
const LENDING_KEYS = ['lending_id'] as const;

const NO_SOURCE =
  'Neither the notes nor the 2021 draft give P2P fields: ours follow the bank loan APIs (은행-008…010).';

/**
 * P2P (p2p): P2P-001…004. Method, resource and cycle from the standard's ch.4 table; fields are our choice after
 * standard ch.3 (list) and the bank loan APIs, all provisional. Codes PP01–04 are ours.
 */
export const P2P_APIS = [
  infoApi({
    id: 'P2P-001',
    code: 'PP01',
    ko: 'P2P 대출 목록 조회',
    en: 'List of P2P loans',
    industries: ['p2p'],
    method: 'GET',
    resource: '/lendings',
    scope: 'p2p.list',
    cycle: '기본',
    timestamp: true,
    request: PLAIN_LIST_QUERY,
    response: [
      opt('search_timestamp'),
      list('lending_list', 'lending_cnt', [req('lending_id'), req('is_consent'), req('prod_name'), req('prod_type')], {
        ko: 'P2P 대출 목록',
        en: 'Loans',
        max: 500,
        countType: P2P_FIELDS.lending_cnt.type,
      }),
    ],
    notes: `Fields per standard ch.3 (대출계약번호, 전송요구 여부, 상품명, 상품유형); lending_id is our name. Not paginated. ${NO_SOURCE}`,
  }),
  infoApi({
    id: 'P2P-002',
    code: 'PP02',
    ko: 'P2P 대출 기본정보 조회',
    en: 'P2P loan: basic information',
    industries: ['p2p'],
    method: 'POST',
    resource: '/lendings/basic',
    scope: 'p2p.lending',
    cycle: '기본',
    timestamp: true,
    assetKeys: LENDING_KEYS,
    listedBy: 'P2P-001',
    request: LENDING,
    response: [
      opt('search_timestamp'),
      req('issue_date'),
      req('exp_date'),
      req('last_offered_rate'),
      opt('repay_date'),
      req('repay_method'),
    ],
    notes: NO_SOURCE,
  }),
  infoApi({
    id: 'P2P-003',
    code: 'PP03',
    ko: 'P2P 대출 추가정보 조회',
    en: 'P2P loan: balance',
    industries: ['p2p'],
    method: 'POST',
    resource: '/lendings/detail',
    scope: 'p2p.lending',
    cycle: '추가',
    timestamp: true,
    assetKeys: LENDING_KEYS,
    listedBy: 'P2P-001',
    request: LENDING,
    response: [opt('search_timestamp'), req('balance_amt'), req('loan_principal'), opt('next_repay_date')],
    notes: `${NO_SOURCE} P2P loans are in KRW only, so no currency_code.`,
  }),
  infoApi({
    id: 'P2P-004',
    code: 'PP04',
    ko: 'P2P 대출 거래내역 조회',
    en: 'P2P loan: transactions',
    industries: ['p2p'],
    method: 'POST',
    resource: '/lendings/transactions',
    scope: 'p2p.lending',
    cycle: '추가',
    dateRule: 'days3m',
    paginated: true,
    assetKeys: LENDING_KEYS,
    listedBy: 'P2P-001',
    request: [req('org_code'), req('lending_id'), ...DATE_PERIOD],
    response: [
      opt('next_page'),
      list(
        'trans_list',
        'trans_cnt',
        [
          req('trans_dtime'),
          opt('trans_no'),
          req('trans_type'),
          req('trans_amt'),
          req('balance_amt'),
          req('principal_amt'),
          req('int_amt'),
        ],
        { ko: '거래내역', en: 'Transactions', max: 500, countType: SHARED_BANK_FIELDS.trans_cnt.type },
      ),
    ],
    notes: NO_SOURCE,
  }),
] as const;
