import { absent, bool, date, dec, describeSector, num, str, type ApiCase } from './api-case-kit.ts';
import { GINSU_APIS } from './ginsu.ts';

const ORG = 'HNGINS0001';
const POLICY = '100-000-2026-0041127';

const CASES: ApiCase[] = [
  {
    id: '보증보험-001',
    name: '보증보험 목록 조회',
    meta: {
      code: 'GI01',
      method: 'GET',
      resource: '/insurances',
      cycle: '기본',
      scope: { ginsu: 'ginsu.list' },
      dateRule: 'none',
      paginated: false,
      timestamp: true,
      assetKeys: [],
    },
    request: { org_code: ORG, search_timestamp: '0' },
    parsedRequest: { org_code: str(ORG), search_timestamp: num(0) },
    response: {
      search_timestamp: '20261124093000',
      insu_cnt: '2',
      insu_list: [
        { insu_num: POLICY, is_consent: 'true', prod_name: '전세금보장신용보험', insu_type: '03', insu_status: '02' },
        {
          insu_num: '100-000-2023-0187745',
          is_consent: 'false',
          prod_name: '이행(계약)보증보험',
          insu_type: '01',
          insu_status: '05',
        },
      ],
    },
    parsedResponse: {
      insu_cnt: num(2),
      'insu_list.0.insu_num': str(POLICY),
      'insu_list.0.prod_name': str('전세금보장신용보험'),
      'insu_list.1.is_consent': bool(false),
    },
    bad: [
      {
        title: 'insu_status 99 is not a status code',
        part: 'response',
        at: 'insu_list.0.insu_status',
        value: '99',
        field: 'insu_list[0].insu_status',
        rule: 'enum',
      },
      {
        title: 'org_code too long',
        part: 'request',
        at: 'org_code',
        value: 'HNGINS00010',
        field: 'org_code',
        rule: 'length',
      },
    ],
  },
  {
    id: '보증보험-002',
    name: '보증보험 기본정보 조회',
    meta: {
      code: 'GI02',
      method: 'POST',
      resource: '/insurances/basic',
      cycle: '기본',
      scope: { ginsu: 'ginsu.insurance' },
      dateRule: 'none',
      paginated: false,
      timestamp: true,
      assetKeys: ['insu_num'],
      listedBy: '보증보험-001',
    },
    request: { org_code: ORG, insu_num: POLICY, search_timestamp: '0' },
    parsedRequest: { insu_num: str(POLICY) },
    response: {
      search_timestamp: '20261124093000',
      issue_date: '20260301',
      exp_date: '20280228',
      face_amt: '350000000',
      insured_cnt: '1',
      insured_list: [{ insured_name: '박지훈' }],
      pay_due: '01',
      pay_amt: '642000',
    },
    parsedResponse: {
      issue_date: date('2026-03-01'),
      exp_date: date('2028-02-28'),
      face_amt: dec('350000000'),
      insured_cnt: num(1),
      'insured_list.0.insured_name': str('박지훈'),
      pay_amt: dec('642000'),
    },
    bad: [
      {
        title: 'an insured name of 31 Hangul syllables (93 bytes), past AH(90)',
        part: 'response',
        at: 'insured_list.0.insured_name',
        value: '가'.repeat(31),
        field: 'insured_list[0].insured_name',
        rule: 'length',
      },
      {
        title: 'insu_num longer than 20 characters',
        part: 'request',
        at: 'insu_num',
        value: '100-000-2026-00411270',
        field: 'insu_num',
        rule: 'length',
      },
    ],
  },
  {
    id: '보증보험-003',
    name: '보증보험 거래내역 조회',
    meta: {
      code: 'GI03',
      method: 'POST',
      resource: '/insurances/transactions',
      cycle: '추가',
      scope: { ginsu: 'ginsu.insurance' },
      dateRule: 'days3m',
      paginated: true,
      timestamp: false,
      assetKeys: ['insu_num'],
      listedBy: '보증보험-001',
    },
    request: { org_code: ORG, insu_num: POLICY, from_date: '20260101', to_date: '20260331', limit: '100' },
    parsedRequest: { from_date: date('2026-01-01'), to_date: date('2026-03-31'), limit: num(100) },
    response: {
      trans_cnt: '1',
      trans_list: [{ trans_date: '20260301', trans_no: '1', paid_amt: '642000', pay_method: '02' }],
    },
    parsedResponse: {
      next_page: absent,
      'trans_list.0.trans_date': date('2026-03-01'),
      'trans_list.0.paid_amt': dec('642000'),
      'trans_list.0.pay_method': str('02'),
    },
    bad: [
      { title: 'limit is not a number', part: 'request', at: 'limit', value: 'all', field: 'limit', rule: 'format' },
      {
        title: 'paid_amt missing',
        part: 'response',
        at: 'trans_list.0.paid_amt',
        value: undefined,
        field: 'trans_list[0].paid_amt',
        rule: 'required',
      },
    ],
  },
];

describeSector('보증보험 (ginsu) catalogue', GINSU_APIS, CASES);
