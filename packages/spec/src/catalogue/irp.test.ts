import { type ApiCase, absent, bool, date, dec, describeSector, dtime, num, str } from './api-case-kit.ts';
import { IRP_APIS } from './irp.ts';

const ORG = 'A1AAHN0000';
const ACCOUNT_NUM = '110-472-839201';
const IRP_SCOPE = { bank: 'bank.irp', invest: 'invest.irp', insu: 'insu.irp' };
const META = {
  method: 'POST',
  scope: IRP_SCOPE,
  assetKeys: ['account_num', 'seqno'],
  listedBy: 'IRP-001',
} as const;

const CASES: readonly ApiCase[] = [
  {
    id: 'IRP-001',
    name: '개인형 IRP 계좌 목록 조회',
    meta: {
      code: 'IR01',
      method: 'GET',
      resource: '/irps',
      cycle: '기본',
      scope: { bank: 'bank.list', invest: 'invest.list', insu: 'insu.list' },
      dateRule: 'none',
      paginated: true,
      timestamp: true,
      assetKeys: [],
    },
    request: { org_code: ORG, search_timestamp: '0' },
    parsedRequest: { org_code: str(ORG), search_timestamp: num(0) },
    response: {
      search_timestamp: '20240315101530',
      irp_cnt: '1',
      irp_list: [
        {
          prod_name: '신한 개인형IRP(적립식)',
          account_num: ACCOUNT_NUM,
          seqno: '1',
          is_consent: 'true',
          account_status: '01',
        },
      ],
    },
    parsedResponse: {
      irp_cnt: num(1),
      'irp_list.0.prod_name': str('신한 개인형IRP(적립식)'),
      'irp_list.0.seqno': str('1'),
      'irp_list.0.is_consent': bool(true),
    },
    bad: [
      {
        title: 'irp_list not an array',
        part: 'response',
        at: 'irp_list',
        value: { prod_name: 'x' },
        field: 'irp_list',
        rule: 'type',
      },
      {
        title: 'irp_cnt missing with a list',
        part: 'response',
        at: 'irp_cnt',
        value: undefined,
        field: 'irp_cnt',
        rule: 'required',
      },
    ],
  },
  {
    id: 'IRP-002',
    name: '개인형 IRP 계좌 기본정보 조회',
    meta: {
      ...META,
      code: 'IR02',
      resource: '/irps/basic',
      cycle: '기본',
      dateRule: 'none',
      paginated: false,
      timestamp: true,
    },
    request: { org_code: ORG, account_num: ACCOUNT_NUM, seqno: '1', search_timestamp: '20240308000000' },
    parsedRequest: { account_num: str(ACCOUNT_NUM), seqno: str('1'), search_timestamp: num(20240308000000) },
    response: {
      search_timestamp: '20240315101530',
      accum_amt: '18000000',
      eval_amt: '19873420',
      employer_amt: '6000000',
      employee_amt: '12000000',
      issue_date: '20180402',
      first_deposit_date: '20180410',
    },
    parsedResponse: {
      accum_amt: dec('18000000'),
      eval_amt: dec('19873420'),
      issue_date: date('2018-04-02'),
      first_deposit_date: date('2018-04-10'),
    },
    bad: [
      {
        title: 'eval_amt with a comma',
        part: 'response',
        at: 'eval_amt',
        value: '19,873,420',
        field: 'eval_amt',
        rule: 'format',
      },
      {
        title: 'seqno over 7 characters',
        part: 'request',
        at: 'seqno',
        value: '12345678',
        field: 'seqno',
        rule: 'length',
      },
    ],
  },
  {
    id: 'IRP-003',
    name: '개인형 IRP 계좌 추가정보 조회',
    meta: {
      ...META,
      code: 'IR03',
      resource: '/irps/detail',
      cycle: '추가',
      dateRule: 'none',
      paginated: true,
      timestamp: true,
    },
    request: { org_code: ORG, account_num: ACCOUNT_NUM, seqno: '1', search_timestamp: '0', limit: '500' },
    parsedRequest: { search_timestamp: num(0), limit: num(500) },
    response: {
      search_timestamp: '20240315101530',
      irp_cnt: '2',
      irp_list: [
        {
          irp_name: '신한은행 정기예금(퇴직연금) 3년',
          irp_type: '01',
          eval_amt: '10450000',
          inv_principal: '10000000',
          open_date: '20210405',
          exp_date: '20240405',
          int_rate: '1.5',
        },
        {
          irp_name: '미래에셋전략배분TDF2045혼합자산자투자신탁 C-P2e',
          irp_type: '02',
          eval_amt: '9423420',
          inv_principal: '8000000',
          fund_num: '7312045.18',
          open_date: '20180410',
        },
      ],
    },
    parsedResponse: {
      'irp_list.0.int_rate': dec('1.5'),
      'irp_list.0.exp_date': date('2024-04-05'),
      'irp_list.1.fund_num': dec('7312045.18'),
      'irp_list.1.inv_principal': dec('8000000'),
      'irp_list.1.int_rate': absent,
    },
    bad: [
      {
        title: 'irp_name over 300 UTF-8 bytes',
        part: 'response',
        at: 'irp_list.1.irp_name',
        value: '펀'.repeat(101),
        field: 'irp_list[1].irp_name',
        rule: 'length',
      },
      {
        title: 'account_num with Hangul',
        part: 'request',
        at: 'account_num',
        value: '신한110-472',
        field: 'account_num',
        rule: 'format',
      },
    ],
  },
  {
    id: 'IRP-004',
    name: '개인형 IRP 계좌 거래내역 조회',
    meta: {
      ...META,
      code: 'IR04',
      resource: '/irps/transactions',
      cycle: '추가',
      dateRule: 'days31',
      paginated: true,
      timestamp: false,
    },
    request: {
      org_code: ORG,
      account_num: ACCOUNT_NUM,
      seqno: '1',
      from_date: '20240101',
      to_date: '20240131',
      limit: '500',
    },
    parsedRequest: { from_date: date('2024-01-01'), to_date: date('2024-01-31'), limit: num(500) },
    response: {
      trans_cnt: '2',
      trans_list: [
        { trans_dtime: '20240110090000', trans_type: '01', trans_amt: '500000' },
        { trans_dtime: '20240125153012', trans_type: '02', trans_amt: '-1210' },
      ],
    },
    parsedResponse: {
      'trans_list.0.trans_dtime': dtime('2024-01-10T09:00:00'),
      'trans_list.0.trans_amt': dec('500000'),
      'trans_list.1.trans_amt': dec('-1210'),
    },
    bad: [
      {
        title: 'trans_type over 4 characters',
        part: 'response',
        at: 'trans_list.0.trans_type',
        value: '01101',
        field: 'trans_list[0].trans_type',
        rule: 'length',
      },
      {
        title: 'from_date on 30 February',
        part: 'request',
        at: 'from_date',
        value: '20240230',
        field: 'from_date',
        rule: 'range',
      },
    ],
  },
];

describeSector('개인형 IRP (IRP-001…004)', IRP_APIS, CASES);
