import { COMMON_FIELDS } from '../fields/common.ts';
import { EFIN_FIELDS } from '../fields/efin.ts';
import { INSU_FIELDS, SHARED_BANK_FIELDS } from '../fields/insu.ts';
import { list, vocabulary } from '../schema/shape.ts';
import { DATE_PERIOD, infoApi, PLAIN_LIST_QUERY } from './define.ts';

const { req, opt } = vocabulary({
  ...COMMON_FIELDS,
  account_cnt: SHARED_BANK_FIELDS.account_cnt,
  trans_cnt: SHARED_BANK_FIELDS.trans_cnt,
  pay_org_code: INSU_FIELDS.pay_org_code,
  ...EFIN_FIELDS,
});

const FOB = [req('org_code'), req('fob_id'), opt('search_timestamp')] as const;
const FOB_KEYS = ['fob_id'] as const;
const ACCOUNT_KEYS = ['account_id'] as const;

const KEY_CHOICE =
  'Asset key: fob_id (권면ID, final v1) for prepaid means and account_id (계정 식별값) for 간편결제 accounts; the 2021 draft used sub_key for both.';

/**
 * 전자금융 (efin): 전금-001…004 (선불전자지급수단) and 전금-101…103 (간편결제). Method, resource and cycle from
 * the standard's ch.4 table; fields from the notes §3.3 (2021 draft names), provisional. Codes EF01–04 follow
 * the draft's numbering; EF11–13 for the 간편결제 APIs are ours.
 */
export const EFIN_APIS = [
  infoApi({
    id: '전금-001',
    code: 'EF01',
    ko: '선불전자지급수단 목록 조회',
    en: 'List of prepaid e-money instruments',
    industries: ['efin'],
    method: 'GET',
    resource: '/prepaid',
    scope: 'efin.list',
    cycle: '기본',
    timestamp: true,
    request: PLAIN_LIST_QUERY,
    response: [
      opt('search_timestamp'),
      list('fob_list', 'fob_cnt', [req('fob_id'), req('is_consent'), req('fob_name'), req('account_id')], {
        ko: '선불전자지급수단 목록',
        en: 'Prepaid instruments',
        max: 500,
        countType: EFIN_FIELDS.fob_cnt.type,
      }),
    ],
    notes: `${KEY_CHOICE} Not paginated, as in the 2021 draft.`,
  }),
  infoApi({
    id: '전금-002',
    code: 'EF02',
    ko: '선불전자지급수단 잔액정보 조회',
    en: 'Prepaid instrument: balance',
    industries: ['efin'],
    method: 'POST',
    resource: '/prepaid/balance',
    scope: 'efin.prepaid',
    cycle: '추가',
    timestamp: true,
    assetKeys: FOB_KEYS,
    listedBy: '전금-001',
    request: FOB,
    response: [
      opt('search_timestamp'),
      req('total_balance_amt'),
      req('charge_balance_amt'),
      opt('reserve_balance_amt'),
      opt('reserve_due_amt'),
      opt('exp_due_amt'),
      opt('limit_amt'),
    ],
    notes: 'The 2021 draft answered a fob_list per account; with fob_id as the key the balance is one object.',
  }),
  infoApi({
    id: '전금-003',
    code: 'EF03',
    ko: '선불전자지급수단 자동충전정보 조회',
    en: 'Prepaid instrument: auto top-up settings',
    industries: ['efin'],
    method: 'POST',
    resource: '/prepaid/charge',
    scope: 'efin.prepaid',
    cycle: '기본',
    timestamp: true,
    assetKeys: FOB_KEYS,
    listedBy: '전금-001',
    request: FOB,
    response: [
      opt('search_timestamp'),
      req('charge_org_code'),
      req('charge_account_num'),
      req('charge_option'),
      opt('charge_day'),
      opt('charge_base_amt'),
      req('charge_amt'),
    ],
    notes: 'charge_day goes with a scheduled top-up, charge_base_amt with a top-up below a balance.',
  }),
  infoApi({
    id: '전금-004',
    code: 'EF04',
    ko: '선불 거래내역 조회',
    en: 'Prepaid instrument: transactions',
    industries: ['efin'],
    method: 'POST',
    resource: '/prepaid/transactions',
    scope: 'efin.prepaid',
    cycle: '추가',
    dateRule: 'days31',
    paginated: true,
    assetKeys: FOB_KEYS,
    listedBy: '전금-001',
    request: [req('org_code'), req('fob_id'), ...DATE_PERIOD],
    response: [
      opt('next_page'),
      list(
        'trans_list',
        'trans_cnt',
        [
          req('trans_type'),
          req('trans_dtime'),
          opt('trans_num'),
          req('trans_amt'),
          req('balance_amt'),
          opt('trans_org_code'),
          opt('trans_id'),
        ],
        { ko: '거래내역', en: 'Transactions', max: 500, countType: SHARED_BANK_FIELDS.trans_cnt.type },
      ),
    ],
    notes:
      'trans_type is the common aN(2) code (our reading: 01 충전, 02 결제, 03 송금, 04 환급, 05 적립, 99 기타); the 2021 draft used 4-digit codes such as 5201.',
  }),
  infoApi({
    id: '전금-101',
    code: 'EF11',
    ko: '계정 목록 조회',
    en: 'List of 간편결제 accounts',
    industries: ['efin'],
    method: 'GET',
    resource: '/paid',
    scope: 'efin.list',
    cycle: '기본',
    timestamp: true,
    request: PLAIN_LIST_QUERY,
    response: [
      opt('search_timestamp'),
      opt('reg_date'),
      list('account_list', 'account_cnt', [req('account_id'), req('is_consent'), req('is_pay_reg')], {
        ko: '계정 목록',
        en: 'Accounts',
        max: 500,
        countType: SHARED_BANK_FIELDS.account_cnt.type,
      }),
    ],
    notes: `${KEY_CHOICE} Not paginated, as in the 2021 draft.`,
  }),
  infoApi({
    id: '전금-102',
    code: 'EF12',
    ko: '결제수단 등록 정보 조회',
    en: '간편결제 account: registered payment means',
    industries: ['efin'],
    method: 'POST',
    resource: '/paid/methods',
    scope: 'efin.paid',
    cycle: '기본',
    timestamp: true,
    assetKeys: ACCOUNT_KEYS,
    listedBy: '전금-101',
    request: [req('org_code'), req('account_id'), opt('search_timestamp')],
    response: [
      opt('search_timestamp'),
      list('pay_list', 'pay_cnt', [req('pay_org_code'), req('pay_id'), req('is_primary')], {
        ko: '결제수단 목록',
        en: 'Registered payment means',
        countType: EFIN_FIELDS.pay_cnt.type,
      }),
    ],
  }),
  infoApi({
    id: '전금-103',
    code: 'EF13',
    ko: '결제내역 조회',
    en: '간편결제 account: payment history (incl. 주문내역)',
    industries: ['efin'],
    method: 'POST',
    resource: '/paid/transactions',
    scope: 'efin.paid',
    cycle: '추가',
    dateRule: 'days31',
    paginated: true,
    assetKeys: ACCOUNT_KEYS,
    listedBy: '전금-101',
    request: [req('org_code'), req('account_id'), ...DATE_PERIOD],
    response: [
      opt('next_page'),
      list(
        'trans_list',
        'trans_cnt',
        [
          req('trans_type'),
          opt('fob_name'),
          opt('trans_num'),
          req('trans_dtime'),
          req('trans_amt'),
          opt('trans_org_code'),
          opt('trans_id'),
          opt('total_install_cnt'),
          opt('merchant_name'),
          opt('merchant_regno', { since: 'v2', gate: 'is_consent_merchant_name_regno' }),
          opt('trans_title', { gate: 'is_consent_trans_category' }),
          opt('trans_category', { gate: 'is_consent_trans_category' }),
          req('pay_method'),
          opt('trans_memo', { since: 'v2', gate: 'is_consent_trans_memo' }),
        ],
        { ko: '결제내역', en: 'Payments', max: 500, countType: SHARED_BANK_FIELDS.trans_cnt.type },
      ),
    ],
    notes:
      '주문내역 (trans_title, trans_category) is sent only when the consent has is_consent_trans_category; v2 adds merchant_regno (is_consent_merchant_name_regno) and trans_memo (is_consent_trans_memo). merchant_name stays ungated here although the v2 flag is named for it too.',
  }),
] as const;
