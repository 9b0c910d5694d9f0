import { type ApiCase, absent, bool, dec, describeSector, date, dtime, num, str } from './api-case-kit.ts';
import { BOND_APIS } from './bond.ts';

const ORG = 'K1AAKA0000';
const BOND_NUM = 'KAMCO-2019-0042817';
const BOND_SCOPE = { bond: 'bond.bond', usury: 'usury.bond' };

const CASES: readonly ApiCase[] = [
  {
    id: '채권-001',
    name: '인수채권/금전대부 목록 조회',
    meta: {
      code: 'BD01',
      method: 'GET',
      resource: '/bonds',
      cycle: '기본',
      scope: { bond: 'bond.list', usury: 'usury.list' },
      dateRule: 'none',
      paginated: true,
      timestamp: true,
      assetKeys: [],
    },
    request: { org_code: ORG, search_timestamp: '0', limit: '500' },
    parsedRequest: { search_timestamp: num(0), limit: num(500) },
    response: {
      search_timestamp: '20240315101530',
      bond_cnt: '2',
      bond_list: [
        { bond_num: BOND_NUM, is_consent: 'true', bond_type: '01', prod_name: '(구)솔로몬저축은행 신용대출 인수채권' },
        { bond_num: 'KAMCO-2021-0107731', is_consent: 'false', bond_type: '01' },
      ],
    },
    parsedResponse: {
      bond_cnt: num(2),
      'bond_list.0.bond_num': str(BOND_NUM),
      'bond_list.0.is_consent': bool(true),
      'bond_list.0.prod_name': str('(구)솔로몬저축은행 신용대출 인수채권'),
      'bond_list.1.prod_name': absent,
    },
    bad: [
      {
        title: 'bond_type not a known code',
        part: 'response',
        at: 'bond_list.1.bond_type',
        value: '03',
        field: 'bond_list[1].bond_type',
        rule: 'enum',
      },
      {
        title: 'bond_cnt disagrees with the list',
        part: 'response',
        at: 'bond_cnt',
        value: '0',
        field: 'bond_cnt',
        rule: 'count',
      },
    ],
  },
  {
    id: '채권-002',
    name: '인수채권/금전대부 잔액정보 조회',
    meta: {
      code: 'BD02',
      method: 'POST',
      resource: '/bonds/detail',
      cycle: '추가',
      scope: BOND_SCOPE,
      dateRule: 'none',
      paginated: false,
      timestamp: true,
      assetKeys: ['bond_num'],
      listedBy: '채권-001',
    },
    request: { org_code: ORG, bond_num: BOND_NUM, search_timestamp: '20240308000000' },
    parsedRequest: { bond_num: str(BOND_NUM), search_timestamp: num(20240308000000) },
    response: { search_timestamp: '20240315101530', currency_code: 'KRW', balance_amt: '4382150' },
    parsedResponse: { search_timestamp: num(20240315101530), currency_code: str('KRW'), balance_amt: dec('4382150') },
    bad: [
      {
        title: 'balance_amt with 4 decimals',
        part: 'response',
        at: 'balance_amt',
        value: '4382150.0001',
        field: 'balance_amt',
        rule: 'range',
      },
      {
        title: 'bond_num over 30 characters',
        part: 'request',
        at: 'bond_num',
        value: `${BOND_NUM}-${'9'.repeat(12)}`,
        field: 'bond_num',
        rule: 'length',
      },
    ],
  },
  {
    id: '채권-003',
    name: '인수채권/금전대부 거래내역 조회',
    meta: {
      code: 'BD03',
      method: 'POST',
      resource: '/bonds/transactions',
      cycle: '추가',
      scope: BOND_SCOPE,
      dateRule: 'days3m',
      paginated: true,
      timestamp: false,
      assetKeys: ['bond_num'],
      listedBy: '채권-001',
    },
    request: { org_code: ORG, bond_num: BOND_NUM, from_date: '20240101', to_date: '20240331', limit: '500' },
    parsedRequest: { from_date: date('2024-01-01'), to_date: date('2024-03-31'), limit: num(500) },
    response: {
      trans_cnt: '2',
      trans_list: [
        {
          trans_dtime: '20240125100000',
          trans_no: '20240125-0001',
          trans_type: '01',
          trans_amt: '150000',
          balance_amt: '4532150',
        },
        { trans_dtime: '20240226100000', trans_type: '01', trans_amt: '150000', balance_amt: '4382150' },
      ],
    },
    parsedResponse: {
      trans_cnt: num(2),
      'trans_list.0.trans_dtime': dtime('2024-01-25T10:00:00'),
      'trans_list.0.trans_no': str('20240125-0001'),
      'trans_list.1.balance_amt': dec('4382150'),
    },
    bad: [
      {
        title: 'balance_amt missing',
        part: 'response',
        at: 'trans_list.1.balance_amt',
        value: undefined,
        field: 'trans_list[1].balance_amt',
        rule: 'required',
      },
      {
        title: 'to_date with 9 digits',
        part: 'request',
        at: 'to_date',
        value: '202403310',
        field: 'to_date',
        rule: 'format',
      },
    ],
  },
];

describeSector('인수채권/대부 (채권-001…003)', BOND_APIS, CASES);
