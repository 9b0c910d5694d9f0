import { absent, bool, date, dec, describeSector, dtime, num, str, type ApiCase } from './api-case-kit.ts';
import { P2P_APIS } from './p2p.ts';

const ORG = 'HNP2PL0001';
const LENDING = 'LN-2025-0031874';
const LENDING_REQ = { org_code: ORG, lending_id: LENDING, search_timestamp: '0' };

const CASES: ApiCase[] = [
  {
    id: 'P2P-001',
    name: 'P2P 대출 목록 조회',
    meta: {
      code: 'PP01',
      method: 'GET',
      resource: '/lendings',
      cycle: '기본',
      scope: { p2p: 'p2p.list' },
      dateRule: 'none',
      paginated: false,
      timestamp: true,
      assetKeys: [],
    },
    request: { org_code: ORG, search_timestamp: '0' },
    parsedRequest: { org_code: str(ORG), search_timestamp: num(0) },
    response: {
      search_timestamp: '20261124093000',
      lending_cnt: '2',
      lending_list: [
        { lending_id: LENDING, is_consent: 'true', prod_name: '한눈펀딩 개인신용 36개월', prod_type: '03' },
        {
          lending_id: 'LN-2024-0118820',
          is_consent: 'false',
          prod_name: '아파트 후순위 담보대출 12개월',
          prod_type: '01',
        },
      ],
    },
    parsedResponse: {
      lending_cnt: num(2),
      'lending_list.0.lending_id': str(LENDING),
      'lending_list.1.is_consent': bool(false),
      'lending_list.1.prod_type': str('01'),
    },
    bad: [
      {
        title: 'a lending_id in Hangul (aNS allows ASCII only)',
        part: 'response',
        at: 'lending_list.0.lending_id',
        value: '대출-2025-1',
        field: 'lending_list[0].lending_id',
        rule: 'format',
      },
    ],
  },
  {
    id: 'P2P-002',
    name: 'P2P 대출 기본정보 조회',
    meta: {
      code: 'PP02',
      method: 'POST',
      resource: '/lendings/basic',
      cycle: '기본',
      scope: { p2p: 'p2p.lending' },
      dateRule: 'none',
      paginated: false,
      timestamp: true,
      assetKeys: ['lending_id'],
      listedBy: 'P2P-001',
    },
    request: LENDING_REQ,
    parsedRequest: { lending_id: str(LENDING) },
    response: {
      search_timestamp: '20261124093000',
      issue_date: '20250610',
      exp_date: '20280610',
      last_offered_rate: '11.5',
      repay_date: '10',
      repay_method: '01',
    },
    parsedResponse: {
      issue_date: date('2025-06-10'),
      exp_date: date('2028-06-10'),
      last_offered_rate: dec('11.5'),
      repay_method: str('01'),
    },
    bad: [
      {
        title: 'exp_date as a year',
        part: 'response',
        at: 'exp_date',
        value: '2028',
        field: 'exp_date',
        rule: 'format',
      },
      {
        title: 'lending_id missing',
        part: 'request',
        at: 'lending_id',
        value: undefined,
        field: 'lending_id',
        rule: 'required',
      },
    ],
  },
  {
    id: 'P2P-003',
    name: 'P2P 대출 추가정보 조회',
    meta: {
      code: 'PP03',
      method: 'POST',
      resource: '/lendings/detail',
      cycle: '추가',
      scope: { p2p: 'p2p.lending' },
      dateRule: 'none',
      paginated: false,
      timestamp: true,
      assetKeys: ['lending_id'],
      listedBy: 'P2P-001',
    },
    request: LENDING_REQ,
    parsedRequest: { search_timestamp: num(0) },
    response: {
      search_timestamp: '20261124093000',
      balance_amt: '6210000',
      loan_principal: '10000000',
      next_repay_date: '20261110',
    },
    parsedResponse: {
      balance_amt: dec('6210000'),
      loan_principal: dec('10000000'),
      next_repay_date: date('2026-11-10'),
    },
    bad: [
      {
        title: 'loan_principal missing',
        part: 'response',
        at: 'loan_principal',
        value: undefined,
        field: 'loan_principal',
        rule: 'required',
      },
    ],
  },
  {
    id: 'P2P-004',
    name: 'P2P 대출 거래내역 조회',
    meta: {
      code: 'PP04',
      method: 'POST',
      resource: '/lendings/transactions',
      cycle: '추가',
      scope: { p2p: 'p2p.lending' },
      dateRule: 'days3m',
      paginated: true,
      timestamp: false,
      assetKeys: ['lending_id'],
      listedBy: 'P2P-001',
    },
    request: { org_code: ORG, lending_id: LENDING, from_date: '20260801', to_date: '20261031', limit: '100' },
    parsedRequest: { from_date: date('2026-08-01'), limit: num(100) },
    response: {
      trans_cnt: '2',
      trans_list: [
        {
          trans_dtime: '20260910100000',
          trans_no: 'RP-0015',
          trans_type: '01',
          trans_amt: '330000',
          balance_amt: '6540000',
          principal_amt: '264000',
          int_amt: '66000',
        },
        {
          trans_dtime: '20261010100000',
          trans_no: 'RP-0016',
          trans_type: '01',
          trans_amt: '330000',
          balance_amt: '6210000',
          principal_amt: '330000',
          int_amt: '0',
        },
      ],
    },
    parsedResponse: {
      next_page: absent,
      'trans_list.0.trans_dtime': dtime('2026-09-10T10:00:00'),
      'trans_list.1.balance_amt': dec('6210000'),
      'trans_list.1.int_amt': dec('0'),
    },
    bad: [
      {
        title: 'to_date 2026-11-31 does not exist',
        part: 'request',
        at: 'to_date',
        value: '20261131',
        field: 'to_date',
        rule: 'range',
      },
      {
        title: 'trans_cnt disagrees with the list',
        part: 'response',
        at: 'trans_cnt',
        value: '3',
        field: 'trans_cnt',
        rule: 'count',
      },
    ],
  },
];

describeSector('P2P (p2p) catalogue', P2P_APIS, CASES);
