import { COMMON_FIELDS } from '../fields/common.ts';
import { CARD_FIELDS } from '../fields/card.ts';
import { PREPAID_CARD_FIELDS } from '../fields/prepaid-card.ts';
import { list, vocabulary } from '../schema/shape.ts';
import { DATE_PERIOD, infoApi, LIST_QUERY } from './define.ts';

const { req, opt } = vocabulary({ ...COMMON_FIELDS, ...CARD_FIELDS, ...PREPAID_CARD_FIELDS });

const PREPAID = [req('org_code'), req('pp_id'), opt('search_timestamp')] as const;
const PREPAID_KEYS = ['pp_id'] as const;

/**
 * 선불카드 (규격 4.2.1, 선불-001…004): shared by the card and bank industries, "카드업권 우선 적용 및 제공하며,
 * 은행업권은 추후 적용 예정". The bank entries are listed so that a bank provider can switch them on later.
 *
 * Scopes (provisional): 선불-001 is a list API, covered by `<industry>.list` (규격 §2.2 lists 선불카드 목록 조회
 * under card.list); 선불-002…004 need card.prepaid (규격 §2.2 lists /prepaid/balance, /prepaid/transactions and
 * /prepaid/approval under it). The scope table has no bank prepaid scope, so for bank 선불-002…004 have no
 * scope entry: a bank provider must not serve them until the standard names one.
 *
 * No field list is public for any of the four APIs: the names follow the card APIs (pp_id like card_id,
 * approvals like 카드-008) and are all provisional.
 */
const BANK_LATER =
  'Bank: "추후 적용 예정"; the scope table has no bank prepaid scope, so no bank scope is given (provisional).';

export const PREPAID_CARD_APIS = [
  infoApi({
    id: '선불-001',
    code: 'PC01',
    ko: '선불카드 목록 조회',
    en: 'List of prepaid cards',
    industries: ['card', 'bank'],
    method: 'GET',
    resource: '/prepaid',
    scope: { card: 'card.list', bank: 'bank.list' },
    cycle: '기본',
    paginated: true,
    timestamp: true,
    request: LIST_QUERY,
    response: [
      opt('search_timestamp'),
      opt('next_page'),
      list('pp_list', 'pp_cnt', [req('pp_id'), req('is_consent'), req('pp_name')], {
        ko: '선불카드 목록',
        en: 'Prepaid cards',
        max: 500,
        countType: PREPAID_CARD_FIELDS.pp_cnt.type,
      }),
    ],
    notes:
      'A list API, so <industry>.list (규격 §2.2 lists 선불카드 목록 조회 with the card list scope); bank.list for ' +
      'banks is our reading. Field names provisional.',
  }),
  infoApi({
    id: '선불-002',
    code: 'PC02',
    ko: '선불카드 잔액정보 조회',
    en: 'Prepaid card: balance',
    industries: ['card', 'bank'],
    method: 'POST',
    resource: '/prepaid/balance',
    scope: { card: 'card.prepaid' },
    cycle: '추가',
    timestamp: true,
    assetKeys: PREPAID_KEYS,
    listedBy: '선불-001',
    request: PREPAID,
    response: [opt('search_timestamp'), req('balance_amt')],
    notes: BANK_LATER,
  }),
  infoApi({
    id: '선불-003',
    code: 'PC03',
    ko: '선불카드 거래내역 조회',
    en: 'Prepaid card: transactions (top-ups, refunds)',
    industries: ['card', 'bank'],
    method: 'POST',
    resource: '/prepaid/transactions',
    scope: { card: 'card.prepaid' },
    cycle: '추가',
    dateRule: 'days31',
    paginated: true,
    assetKeys: PREPAID_KEYS,
    listedBy: '선불-001',
    request: [req('org_code'), req('pp_id'), ...DATE_PERIOD],
    response: [
      opt('next_page'),
      list(
        'trans_list',
        'trans_cnt',
        [req('trans_dtime'), opt('trans_no'), req('trans_type'), req('trans_amt'), opt('balance_amt')],
        { ko: '거래내역', en: 'Transactions', max: 500, countType: PREPAID_CARD_FIELDS.trans_cnt.type },
      ),
    ],
    notes: BANK_LATER,
  }),
  infoApi({
    id: '선불-004',
    code: 'PC04',
    ko: '선불카드 승인내역(결제내역) 조회',
    en: 'Prepaid card: approvals (payments)',
    industries: ['card', 'bank'],
    method: 'POST',
    resource: '/prepaid/approval',
    scope: { card: 'card.prepaid' },
    cycle: '추가',
    dateRule: 'days31',
    paginated: true,
    assetKeys: PREPAID_KEYS,
    listedBy: '선불-001',
    request: [req('org_code'), req('pp_id'), ...DATE_PERIOD],
    response: [
      opt('next_page'),
      list(
        'approved_list',
        'approved_cnt',
        [
          req('approved_num'),
          req('status'),
          req('approved_dtime'),
          opt('cancel_dtime'),
          req('merchant_name'),
          opt('merchant_regno', { since: 'v2', gate: 'is_consent_merchant_name_regno' }),
          req('approved_amt'),
        ],
        { ko: '승인 목록', en: 'Approvals', max: 500, countType: CARD_FIELDS.approved_cnt.type },
      ),
    ],
    notes: `Fields follow 카드-008 (without instalments). ${BANK_LATER}`,
  }),
] as const;
