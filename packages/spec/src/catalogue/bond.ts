import { COMMON_FIELDS } from '../fields/common.ts';
import { BOND_FIELDS } from '../fields/bond.ts';
import { list, vocabulary } from '../schema/shape.ts';
import { DATE_PERIOD, infoApi, LIST_QUERY } from './define.ts';

const { req, opt } = vocabulary({ ...COMMON_FIELDS, ...BOND_FIELDS });

const BOND_KEYS = ['bond_num'] as const;
const BOND_SCOPE = { bond: 'bond.bond', usury: 'usury.bond' } as const;

/**
 * 인수채권/금전대부 (규격 4.2.1, 채권-001…003), offered by both the bond and usury industries; neither has other
 * APIs (규격 4.2.11, 4.2.12). Resources follow the notes and 규격 §2.2 (/bonds, /bonds/detail,
 * /bonds/transactions): chapter 4's own table is garbled (it shows /bonds for 채권-002 and /bonds/detail for
 * 채권-003). The notes give no field lists, so all fields here are provisional.
 */
export const BOND_APIS = [
  infoApi({
    id: '채권-001',
    code: 'BD01',
    ko: '인수채권/금전대부 목록 조회',
    en: 'List of acquired claims or money loans',
    industries: ['bond', 'usury'],
    method: 'GET',
    resource: '/bonds',
    scope: { bond: 'bond.list', usury: 'usury.list' },
    cycle: '기본',
    paginated: true,
    timestamp: true,
    request: LIST_QUERY,
    response: [
      opt('search_timestamp'),
      opt('next_page'),
      list('bond_list', 'bond_cnt', [req('bond_num'), req('is_consent'), req('bond_type'), opt('prod_name')], {
        ko: '채권 목록',
        en: 'Claims',
        max: 500,
        countType: BOND_FIELDS.bond_cnt.type,
      }),
    ],
    notes: 'A list API: <industry>.list (규격 §2.2 lists 인수채권/금전대부 목록 조회 /bonds under the list scope).',
  }),
  infoApi({
    id: '채권-002',
    code: 'BD02',
    ko: '인수채권/금전대부 잔액정보 조회',
    en: 'Claim or loan: balance',
    industries: ['bond', 'usury'],
    method: 'POST',
    resource: '/bonds/detail',
    scope: BOND_SCOPE,
    cycle: '추가',
    timestamp: true,
    assetKeys: BOND_KEYS,
    listedBy: '채권-001',
    request: [req('org_code'), req('bond_num'), opt('search_timestamp')],
    response: [opt('search_timestamp'), req('currency_code'), req('balance_amt')],
  }),
  infoApi({
    id: '채권-003',
    code: 'BD03',
    ko: '인수채권/금전대부 거래내역 조회',
    en: 'Claim or loan: transactions',
    industries: ['bond', 'usury'],
    method: 'POST',
    resource: '/bonds/transactions',
    scope: BOND_SCOPE,
    cycle: '추가',
    dateRule: 'days3m',
    paginated: true,
    assetKeys: BOND_KEYS,
    listedBy: '채권-001',
    request: [req('org_code'), req('bond_num'), ...DATE_PERIOD],
    response: [
      opt('next_page'),
      list(
        'trans_list',
        'trans_cnt',
        [req('trans_dtime'), opt('trans_no'), req('trans_type'), req('trans_amt'), req('balance_amt')],
        { ko: '거래내역', en: 'Transactions', max: 500, countType: BOND_FIELDS.trans_cnt.type },
      ),
    ],
  }),
] as const;
