import { absent, bool, date, dec, describeSector, month, num, str, type ApiCase } from './api-case-kit.ts';
import { TELECOM_APIS } from './telecom.ts';

const ORG = 'HNTELC0001';
const MOBILE = 'M2019031500123';
const INTERNET = 'M2021110200456';

const CASES: ApiCase[] = [
  {
    id: '통신-001',
    name: '통신 계약 목록 조회',
    meta: {
      code: 'TC01',
      method: 'GET',
      resource: '/telecoms',
      cycle: '기본',
      scope: { telecom: 'telecom.list' },
      dateRule: 'none',
      paginated: false,
      timestamp: true,
      assetKeys: [],
    },
    request: { org_code: ORG, search_timestamp: '0' },
    parsedRequest: { org_code: str(ORG), search_timestamp: num(0) },
    response: {
      search_timestamp: '20261124093000',
      telecom_cnt: '2',
      telecom_list: [
        { mgmt_id: MOBILE, is_consent: 'true', telecom_num: '010-****-5678', type: '01', status: '01' },
        { mgmt_id: INTERNET, is_consent: 'true', telecom_num: 'hn1234****', type: '02', status: '01' },
      ],
    },
    parsedResponse: {
      telecom_cnt: num(2),
      'telecom_list.0.mgmt_id': str(MOBILE),
      'telecom_list.0.telecom_num': str('010-****-5678'),
      'telecom_list.1.is_consent': bool(true),
    },
    bad: [
      {
        title: 'telecom_cnt disagrees',
        part: 'response',
        at: 'telecom_cnt',
        value: '1',
        field: 'telecom_cnt',
        rule: 'count',
      },
      {
        title: 'telecom_list is not an array',
        part: 'response',
        at: 'telecom_list',
        value: { mgmt_id: MOBILE },
        field: 'telecom_list',
        rule: 'type',
      },
    ],
  },
  {
    id: '통신-002',
    name: '청구 정보 조회',
    meta: {
      code: 'TC02',
      method: 'POST',
      resource: '/telecoms/bills',
      cycle: '추가',
      scope: { telecom: 'telecom.mgmt' },
      dateRule: 'none',
      paginated: false,
      timestamp: false,
      assetKeys: [],
    },
    request: { org_code: ORG, charge_month: '202610' },
    parsedRequest: { charge_month: month('2026-10') },
    response: {
      bill_cnt: '2',
      bill_list: [
        { mgmt_id: MOBILE, charge_amt: '69850', charge_date: '20261025' },
        { mgmt_id: INTERNET, charge_amt: '33000', charge_date: '20261025' },
      ],
    },
    parsedResponse: {
      bill_cnt: num(2),
      'bill_list.0.charge_amt': dec('69850'),
      'bill_list.1.mgmt_id': str(INTERNET),
      'bill_list.1.charge_date': date('2026-10-25'),
    },
    bad: [
      {
        title: 'charge_month with a dash',
        part: 'request',
        at: 'charge_month',
        value: '2026-10',
        field: 'charge_month',
        rule: 'format',
      },
      {
        title: 'charge_month 2026-13',
        part: 'request',
        at: 'charge_month',
        value: '202613',
        field: 'charge_month',
        rule: 'range',
      },
    ],
  },
  {
    id: '통신-003',
    name: '통신 거래내역(납입내역) 조회',
    meta: {
      code: 'TC03',
      method: 'POST',
      resource: '/telecoms/transactions',
      cycle: '추가',
      scope: { telecom: 'telecom.mgmt' },
      dateRule: 'months',
      paginated: false,
      timestamp: false,
      assetKeys: ['mgmt_id'],
      listedBy: '통신-001',
    },
    request: { org_code: ORG, mgmt_id: MOBILE, from_month: '202608', to_month: '202610' },
    parsedRequest: { from_month: month('2026-08'), to_month: month('2026-10') },
    response: {
      trans_cnt: '3',
      trans_list: [
        { trans_month: '202608', paid_amt: '69850', pay_method: '03' },
        { trans_month: '202609', paid_amt: '71230', pay_method: '03' },
        { trans_month: '202610', paid_amt: '69850', pay_method: '03' },
      ],
    },
    parsedResponse: {
      trans_cnt: num(3),
      'trans_list.1.trans_month': month('2026-09'),
      'trans_list.1.paid_amt': dec('71230'),
    },
    bad: [
      {
        title: 'from_month as a date',
        part: 'request',
        at: 'from_month',
        value: '20260801',
        field: 'from_month',
        rule: 'format',
      },
      {
        title: 'paid_amt as words',
        part: 'response',
        at: 'trans_list.0.paid_amt',
        value: '육만구천원',
        field: 'trans_list[0].paid_amt',
        rule: 'format',
      },
    ],
  },
  {
    id: '통신-004',
    name: '통신 결제내역 조회',
    meta: {
      code: 'TC04',
      method: 'POST',
      resource: '/telecoms/paid-transactions',
      cycle: '추가',
      scope: { telecom: 'telecom.mgmt' },
      dateRule: 'days31',
      paginated: true,
      timestamp: false,
      assetKeys: ['mgmt_id'],
      listedBy: '통신-001',
    },
    request: { org_code: ORG, mgmt_id: MOBILE, from_date: '20261001', to_date: '20261031', limit: '500' },
    parsedRequest: { mgmt_id: str(MOBILE), from_date: date('2026-10-01'), next_page: absent },
    response: {
      next_page: 'cGFnZT0y',
      trans_cnt: '2',
      trans_list: [
        {
          trans_date: '20261005',
          trans_amt: '14900',
          merchant_name: '구글페이먼트코리아',
          trans_title: 'YouTube Premium 월 구독',
        },
        {
          trans_date: '20261018',
          trans_amt: '33000',
          merchant_name: '넥슨코리아',
          trans_title: '메이플스토리 캐시 충전',
        },
      ],
    },
    parsedResponse: {
      next_page: str('cGFnZT0y'),
      'trans_list.0.trans_date': date('2026-10-05'),
      'trans_list.0.trans_amt': dec('14900'),
      'trans_list.1.merchant_name': str('넥슨코리아'),
    },
    bad: [
      {
        title: 'trans_amt with a thousands separator',
        part: 'response',
        at: 'trans_list.0.trans_amt',
        value: '14,900',
        field: 'trans_list[0].trans_amt',
        rule: 'format',
      },
      {
        title: 'mgmt_id missing',
        part: 'request',
        at: 'mgmt_id',
        value: undefined,
        field: 'mgmt_id',
        rule: 'required',
      },
    ],
  },
];

describeSector('통신 (telecom) catalogue', TELECOM_APIS, CASES);
