import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, type WireObject } from '../schema/message-codec.ts';
import { absent, bool, date, dec, describeSector, dtime, num, str, type ApiCase } from './api-case-kit.ts';
import { EFIN_APIS } from './efin.ts';

const ORG = 'HNEFIN0001';
const FOB = 'HNPAYMONEY';
const ACCOUNT = 'hn****@hannun.kr';

const PAID_TRANSACTIONS: WireObject = {
  next_page: 'eyJpZCI6MTIzNDV9',
  trans_cnt: '2',
  trans_list: [
    {
      trans_type: '02',
      fob_name: '한눈페이머니',
      trans_num: 'P20261012000187',
      trans_dtime: '20261012193045',
      trans_amt: '27500',
      trans_org_code: 'HNCARD0001',
      trans_id: '5365-****-****-1234',
      total_install_cnt: '1',
      merchant_name: '배달의민족',
      merchant_regno: '1208800767',
      trans_title: '[BBQ 역삼점] 황금올리브치킨 외 1건',
      trans_category: '음식배달',
      pay_method: '01',
      trans_memo: '금요일 야식',
    },
    {
      trans_type: '02',
      trans_num: 'P20261014000022',
      trans_dtime: '20261014083010',
      trans_amt: '4500',
      merchant_name: '스타벅스 강남R점',
      trans_title: '아이스 카페 아메리카노 T',
      trans_category: '카페',
      pay_method: '02',
    },
  ],
};

const CASES: ApiCase[] = [
  {
    id: '전금-001',
    name: '선불전자지급수단 목록 조회',
    meta: {
      code: 'EF01',
      method: 'GET',
      resource: '/prepaid',
      cycle: '기본',
      scope: { efin: 'efin.list' },
      dateRule: 'none',
      paginated: false,
      timestamp: true,
      assetKeys: [],
    },
    request: { org_code: ORG, search_timestamp: '0' },
    parsedRequest: { org_code: str(ORG), search_timestamp: num(0) },
    response: {
      search_timestamp: '20261124093000',
      fob_cnt: '2',
      fob_list: [
        { fob_id: FOB, is_consent: 'true', fob_name: '한눈페이머니', account_id: ACCOUNT },
        { fob_id: 'HNPAYPOINT', is_consent: 'false', fob_name: '한눈페이 포인트', account_id: ACCOUNT },
      ],
    },
    parsedResponse: {
      fob_cnt: num(2),
      'fob_list.0.fob_id': str(FOB),
      'fob_list.1.is_consent': bool(false),
      'fob_list.1.fob_name': str('한눈페이 포인트'),
    },
    bad: [
      { title: 'fob_cnt disagrees', part: 'response', at: 'fob_cnt', value: '3', field: 'fob_cnt', rule: 'count' },
      {
        title: 'a 권면명 of 101 Hangul syllables (303 bytes)',
        part: 'response',
        at: 'fob_list.0.fob_name',
        value: '머'.repeat(101),
        field: 'fob_list[0].fob_name',
        rule: 'length',
      },
    ],
  },
  {
    id: '전금-002',
    name: '선불전자지급수단 잔액정보 조회',
    meta: {
      code: 'EF02',
      method: 'POST',
      resource: '/prepaid/balance',
      cycle: '추가',
      scope: { efin: 'efin.prepaid' },
      dateRule: 'none',
      paginated: false,
      timestamp: true,
      assetKeys: ['fob_id'],
      listedBy: '전금-001',
    },
    request: { org_code: ORG, fob_id: FOB, search_timestamp: '0' },
    parsedRequest: { fob_id: str(FOB) },
    response: {
      search_timestamp: '20261124093000',
      total_balance_amt: '153200',
      charge_balance_amt: '150000',
      reserve_balance_amt: '3200',
      exp_due_amt: '1200',
      limit_amt: '2000000',
    },
    parsedResponse: {
      total_balance_amt: dec('153200'),
      charge_balance_amt: dec('150000'),
      reserve_due_amt: absent,
      limit_amt: dec('2000000'),
    },
    bad: [
      {
        title: 'negative total balance',
        part: 'response',
        at: 'total_balance_amt',
        value: '-100',
        field: 'total_balance_amt',
        rule: 'format',
      },
      { title: 'fob_id missing', part: 'request', at: 'fob_id', value: undefined, field: 'fob_id', rule: 'required' },
    ],
  },
  {
    id: '전금-003',
    name: '선불전자지급수단 자동충전정보 조회',
    meta: {
      code: 'EF03',
      method: 'POST',
      resource: '/prepaid/charge',
      cycle: '기본',
      scope: { efin: 'efin.prepaid' },
      dateRule: 'none',
      paginated: false,
      timestamp: true,
      assetKeys: ['fob_id'],
      listedBy: '전금-001',
    },
    request: { org_code: ORG, fob_id: FOB, search_timestamp: '20261101090000' },
    parsedRequest: { search_timestamp: num(20261101090000) },
    response: {
      search_timestamp: '20261124093000',
      charge_org_code: 'HNBANK0001',
      charge_account_num: '110-***-***890',
      charge_option: '01',
      charge_base_amt: '10000',
      charge_amt: '50000',
    },
    parsedResponse: {
      charge_option: str('01'),
      charge_day: absent,
      charge_base_amt: dec('10000'),
      charge_amt: dec('50000'),
    },
    bad: [
      {
        title: 'charge_org_code with hyphens',
        part: 'response',
        at: 'charge_org_code',
        value: 'HN-BANK-01',
        field: 'charge_org_code',
        rule: 'format',
      },
    ],
  },
  {
    id: '전금-004',
    name: '선불 거래내역 조회',
    meta: {
      code: 'EF04',
      method: 'POST',
      resource: '/prepaid/transactions',
      cycle: '추가',
      scope: { efin: 'efin.prepaid' },
      dateRule: 'days31',
      paginated: true,
      timestamp: false,
      assetKeys: ['fob_id'],
      listedBy: '전금-001',
    },
    request: { org_code: ORG, fob_id: FOB, from_date: '20261001', to_date: '20261031', limit: '500' },
    parsedRequest: { from_date: date('2026-10-01'), limit: num(500) },
    response: {
      trans_cnt: '3',
      trans_list: [
        {
          trans_type: '01',
          trans_dtime: '20261003091522',
          trans_num: 'T2026100300001',
          trans_amt: '50000',
          balance_amt: '61200',
          trans_org_code: 'HNBANK0001',
          trans_id: '110-***-***890',
        },
        { trans_type: '02', trans_dtime: '20261003123011', trans_amt: '-12900', balance_amt: '48300' },
        {
          trans_type: '03',
          trans_dtime: '20261005201544',
          trans_amt: '-20000',
          balance_amt: '28300',
          trans_org_code: ORG,
          trans_id: '010-****-5678',
        },
      ],
    },
    parsedResponse: {
      trans_cnt: num(3),
      'trans_list.0.trans_dtime': dtime('2026-10-03T09:15:22'),
      'trans_list.1.trans_amt': dec('-12900'),
      'trans_list.1.trans_org_code': absent,
      'trans_list.2.balance_amt': dec('28300'),
    },
    bad: [
      {
        title: 'to_date with dashes',
        part: 'request',
        at: 'to_date',
        value: '2026-10-31',
        field: 'to_date',
        rule: 'format',
      },
      {
        title: 'a counterpart id in Hangul (aNS allows ASCII only)',
        part: 'response',
        at: 'trans_list.2.trans_id',
        value: '김*준',
        field: 'trans_list[2].trans_id',
        rule: 'format',
      },
    ],
  },
  {
    id: '전금-101',
    name: '계정 목록 조회',
    meta: {
      code: 'EF11',
      method: 'GET',
      resource: '/paid',
      cycle: '기본',
      scope: { efin: 'efin.list' },
      dateRule: 'none',
      paginated: false,
      timestamp: true,
      assetKeys: [],
    },
    request: { org_code: ORG, search_timestamp: '0' },
    parsedRequest: { search_timestamp: num(0) },
    response: {
      search_timestamp: '20261124093000',
      reg_date: '20180704',
      account_cnt: '1',
      account_list: [{ account_id: ACCOUNT, is_consent: 'true', is_pay_reg: 'true' }],
    },
    parsedResponse: {
      reg_date: date('2018-07-04'),
      account_cnt: num(1),
      'account_list.0.account_id': str(ACCOUNT),
      'account_list.0.is_pay_reg': bool(true),
    },
    bad: [
      {
        title: 'is_pay_reg yes instead of true',
        part: 'response',
        at: 'account_list.0.is_pay_reg',
        value: 'yes',
        field: 'account_list[0].is_pay_reg',
        rule: 'format',
      },
    ],
  },
  {
    id: '전금-102',
    name: '결제수단 등록 정보 조회',
    meta: {
      code: 'EF12',
      method: 'POST',
      resource: '/paid/methods',
      cycle: '기본',
      scope: { efin: 'efin.paid' },
      dateRule: 'none',
      paginated: false,
      timestamp: true,
      assetKeys: ['account_id'],
      listedBy: '전금-101',
    },
    request: { org_code: ORG, account_id: ACCOUNT, search_timestamp: '0' },
    parsedRequest: { account_id: str(ACCOUNT) },
    response: {
      search_timestamp: '20261124093000',
      pay_cnt: '2',
      pay_list: [
        { pay_org_code: 'HNCARD0001', pay_id: '5365-****-****-1234', is_primary: 'true' },
        { pay_org_code: 'HNBANK0001', pay_id: '110-***-***890', is_primary: 'false' },
      ],
    },
    parsedResponse: {
      pay_cnt: num(2),
      'pay_list.0.pay_org_code': str('HNCARD0001'),
      'pay_list.1.is_primary': bool(false),
    },
    bad: [
      { title: 'pay_cnt disagrees', part: 'response', at: 'pay_cnt', value: '1', field: 'pay_cnt', rule: 'count' },
      {
        title: 'account_id missing',
        part: 'request',
        at: 'account_id',
        value: undefined,
        field: 'account_id',
        rule: 'required',
      },
    ],
  },
  {
    id: '전금-103',
    name: '결제내역 조회',
    meta: {
      code: 'EF13',
      method: 'POST',
      resource: '/paid/transactions',
      cycle: '추가',
      scope: { efin: 'efin.paid' },
      dateRule: 'days31',
      paginated: true,
      timestamp: false,
      assetKeys: ['account_id'],
      listedBy: '전금-101',
    },
    request: { org_code: ORG, account_id: ACCOUNT, from_date: '20261001', to_date: '20261031', limit: '200' },
    parsedRequest: { to_date: date('2026-10-31'), limit: num(200) },
    response: PAID_TRANSACTIONS,
    parsedResponse: {
      'trans_list.0.trans_dtime': dtime('2026-10-12T19:30:45'),
      'trans_list.0.trans_amt': dec('27500'),
      'trans_list.0.total_install_cnt': num(1),
      'trans_list.0.merchant_regno': str('1208800767'),
      'trans_list.0.trans_title': str('[BBQ 역삼점] 황금올리브치킨 외 1건'),
      'trans_list.0.trans_memo': str('금요일 야식'),
      'trans_list.1.fob_name': absent,
      'trans_list.1.trans_category': str('카페'),
    },
    bad: [
      {
        title: 'merchant_regno written with hyphens',
        part: 'response',
        at: 'trans_list.0.merchant_regno',
        value: '120-88-00767',
        field: 'trans_list[0].merchant_regno',
        rule: 'format',
      },
      {
        title: 'pay_method missing',
        part: 'response',
        at: 'trans_list.1.pay_method',
        value: undefined,
        field: 'trans_list[1].pay_method',
        rule: 'required',
      },
    ],
  },
];

describeSector('전자금융 (efin) catalogue', EFIN_APIS, CASES);

describe('전금-103 결제내역 조회: consent-gated 주문내역 and v2 fields', () => {
  const api = EFIN_APIS.find((a) => a.id === '전금-103');
  if (!api) throw new Error('전금-103 missing');
  const parsed = () => decodeMessage(api.response, PAID_TRANSACTIONS, { location: 'response' });

  it('AC05: without is_consent_trans_category the provider sends no trans_title or trans_category', () => {
    const wire = encodeMessage(api.response, parsed(), { withheld: new Set(['is_consent_trans_category']) });
    const items = wire['trans_list'] as Record<string, unknown>[];
    for (const item of items) {
      expect(item).not.toHaveProperty('trans_title');
      expect(item).not.toHaveProperty('trans_category');
      expect(item).toHaveProperty('merchant_name');
    }
    expect(items[0]).toHaveProperty('merchant_regno', '1208800767');
  });

  it('AC05: without is_consent_merchant_name_regno or is_consent_trans_memo the v2 fields are withheld', () => {
    const wire = encodeMessage(api.response, parsed(), {
      withheld: new Set(['is_consent_merchant_name_regno', 'is_consent_trans_memo']),
    });
    const first = (wire['trans_list'] as Record<string, unknown>[])[0];
    expect(first).not.toHaveProperty('merchant_regno');
    expect(first).not.toHaveProperty('trans_memo');
    expect(first).toHaveProperty('trans_title');
  });

  it('AC05: a /v1 answer drops merchant_regno and trans_memo but keeps 주문내역', () => {
    const wire = encodeMessage(api.response, parsed(), { version: 'v1' });
    const first = (wire['trans_list'] as Record<string, unknown>[])[0];
    expect(first).not.toHaveProperty('merchant_regno');
    expect(first).not.toHaveProperty('trans_memo');
    expect(first).toHaveProperty('trans_category', '음식배달');
  });
});
