import { Decimal } from 'decimal.js';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, type WireObject } from '../schema/message-codec.ts';
import { apiById } from './index.ts';
import { wireErrorOf as errorOf } from '../testing/wire-error-of.ts';

const ACCOUNT_REQ = {
  org_code: 'HNBANK0001',
  account_num: '110-234-567890',
  seqno: '1',
  search_timestamp: '20261101090000',
};
const TRANS_REQ = {
  org_code: 'HNBANK0001',
  account_num: '110-234-567890',
  from_date: '20261001',
  to_date: '20261031',
  limit: '500',
};

/** [API ID, method, resource, scope, cycle, dateRule, paginated, sample response, a bad patch and its field]. */
const TABLE: [
  string,
  'GET' | 'POST',
  string,
  string,
  '기본' | '추가',
  string,
  boolean,
  WireObject,
  WireObject,
  string,
][] = [
  [
    '은행-001',
    'GET',
    '/accounts',
    'bank.list',
    '기본',
    'none',
    true,
    {
      search_timestamp: '20261124093000',
      reg_date: '20190311',
      account_cnt: '2',
      account_list: [
        {
          account_num: '110-234-567890',
          is_consent: 'true',
          seqno: '1',
          is_foreign_deposit: 'false',
          prod_name: '한눈 자유입출금통장',
          is_minus: 'false',
          account_type: '1001',
          account_status: '01',
        },
        {
          account_num: '220-11-003344',
          is_consent: 'false',
          is_foreign_deposit: 'true',
          prod_name: '외화 보통예금 (USD)',
          is_minus: 'false',
          account_type: '1001',
          account_status: '01',
        },
      ],
    },
    { account_cnt: '3' },
    'account_cnt',
  ],
  [
    '은행-002',
    'POST',
    '/accounts/deposit/basic',
    'bank.deposit',
    '기본',
    'none',
    false,
    {
      search_timestamp: '20261124093000',
      saving_method: '02',
      holder_name: '김민준',
      issue_date: '20240105',
      exp_date: '20270105',
      currency_code: 'KRW',
      commit_amt: '12000000',
      monthly_paid_in_amt: '500000',
    },
    { issue_date: '20240230' },
    'issue_date',
  ],
  [
    '은행-003',
    'POST',
    '/accounts/deposit/detail',
    'bank.deposit',
    '추가',
    'none',
    false,
    {
      search_timestamp: '20261124093000',
      detail_cnt: '1',
      detail_list: [
        {
          currency_code: 'KRW',
          balance_amt: '3456789',
          withdrawable_amt: '3456789',
          offered_rate: '0.1',
          last_paid_in_cnt: '11',
        },
      ],
    },
    { detail_list: [{ currency_code: 'KRW', balance_amt: '3456789', withdrawable_amt: '1,000', offered_rate: '0.1' }] },
    'detail_list[0].withdrawable_amt',
  ],
  [
    '은행-004',
    'POST',
    '/accounts/deposit/transactions',
    'bank.deposit',
    '추가',
    'days31',
    true,
    {
      next_page: 'MjAyNjEwMTUxMjAwMDA',
      trans_cnt: '2',
      trans_list: [
        {
          trans_dtime: '20261025120500',
          trans_no: 'T20261025000123',
          trans_type: '01',
          trans_class: '카드결제',
          currency_code: 'KRW',
          trans_amt: '-8500',
          balance_amt: '3456789',
          trans_memo: '스타벅스 강남역점',
        },
        {
          trans_dtime: '20261025090000',
          trans_type: '02',
          trans_class: '급여이체',
          currency_code: 'KRW',
          trans_amt: '3200000',
          balance_amt: '3465289',
        },
      ],
    },
    {
      trans_list: [
        {
          trans_dtime: '20261025250000',
          trans_type: '01',
          trans_class: '이체',
          currency_code: 'KRW',
          trans_amt: '1',
          balance_amt: '1',
        },
      ],
      trans_cnt: '1',
    },
    'trans_list[0].trans_dtime',
  ],
  [
    '은행-005',
    'POST',
    '/accounts/invest/basic',
    'bank.invest',
    '기본',
    'none',
    false,
    {
      search_timestamp: '20261124093000',
      standard_fund_code: 'KR5101888398',
      paid_in_type: '01',
      issue_date: '20230301',
    },
    { standard_fund_code: 'KR5101888398-01' },
    'standard_fund_code',
  ],
  [
    '은행-006',
    'POST',
    '/accounts/invest/detail',
    'bank.invest',
    '추가',
    'none',
    false,
    {
      currency_code: 'KRW',
      balance_amt: '5000000',
      eval_amt: '5234100.5',
      inv_principal: '5000000',
      fund_num: '4812345.12',
    },
    { eval_amt: 'abc' },
    'eval_amt',
  ],
  [
    '은행-007',
    'POST',
    '/accounts/invest/transactions',
    'bank.invest',
    '추가',
    'days31',
    true,
    {
      trans_cnt: '1',
      trans_list: [
        {
          trans_dtime: '20261002100000',
          trans_type: '01',
          currency_code: 'KRW',
          base_amt: '1038.42',
          trans_fund_num: '96300',
          trans_amt: '100000',
          balance_amt: '5100000',
        },
      ],
    },
    { trans_cnt: '0' },
    'trans_cnt',
  ],
  [
    '은행-008',
    'POST',
    '/accounts/loan/basic',
    'bank.loan',
    '기본',
    'none',
    false,
    {
      holder_name: '김민준',
      issue_date: '20220415',
      exp_date: '20520415',
      last_offered_rate: '4.12',
      repay_date: '15',
      repay_method: '01',
      repay_org_code: 'HNBANK0001',
      repay_account_num: '110-234-567890',
    },
    { last_offered_rate: '4.123456' },
    'last_offered_rate',
  ],
  [
    '은행-009',
    'POST',
    '/accounts/loan/detail',
    'bank.loan',
    '추가',
    'none',
    false,
    { currency_code: 'KRW', balance_amt: '287340000', loan_principal: '300000000', next_repay_date: '20261215' },
    { currency_code: undefined as unknown as string },
    'currency_code',
  ],
  [
    '은행-010',
    'POST',
    '/accounts/loan/transactions',
    'bank.loan',
    '추가',
    'days3m',
    true,
    {
      trans_cnt: '1',
      trans_list: [
        {
          trans_dtime: '20261015000000',
          trans_type: '03',
          currency_code: 'KRW',
          trans_amt: '1532000',
          balance_amt: '287340000',
          principal_amt: '548000',
          int_amt: '984000',
          int_cnt: '1',
          int_list: [{ int_start_date: '20260915', int_end_date: '20261014', int_rate: '4.12', int_type: '01' }],
        },
      ],
    },
    {
      trans_cnt: '1',
      trans_list: [
        {
          trans_dtime: '20261015000000',
          trans_type: '03',
          currency_code: 'KRW',
          trans_amt: '1',
          balance_amt: '1',
          principal_amt: '1',
          int_amt: '0',
          int_cnt: '2',
          int_list: [],
        },
      ],
    },
    'trans_list[0].int_cnt',
  ],
];

describe.each(TABLE)('%s', (id, method, resource, scope, cycle, dateRule, paginated, sample, badPatch, badField) => {
  const api = apiById(id);

  it('AC01: matches the standard’s table (method, path, scope, cycle, period rule, paging)', () => {
    expect(api.method).toBe(method);
    expect(api.resource).toBe(resource);
    expect(api.scope).toEqual({ bank: scope });
    expect(api.cycle).toBe(cycle);
    expect(api.dateRule).toBe(dateRule);
    expect(api.paginated).toBe(paginated);
  });

  it('AC02: a realistic response decodes into real types and encodes back unchanged', () => {
    const decoded = decodeMessage(api.response, sample, { location: 'response' });
    expect(encodeMessage(api.response, decoded)).toEqual(sample);
  });

  it('AC03: a realistic request decodes', () => {
    const request = api.dateRule === 'none' ? ACCOUNT_REQ : TRANS_REQ;
    const source = api.method === 'GET' ? { org_code: 'HNBANK0001', limit: '100' } : request;
    expect(
      decodeMessage(api.request.shape, source, { location: api.request.location === 'query' ? 'query' : 'body' }),
    ).toBeTypeOf('object');
  });

  it(`AC04: a bad value is refused with 40001 naming ${badField}`, () => {
    const e = errorOf(() => decodeMessage(api.response, { ...sample, ...badPatch }, { location: 'response' }));
    expect(e.field).toBe(badField);
    expect(e.rspCode).toBe('40001');
  });
});

describe('은행-004 수신계좌 거래내역 조회: parsed types', () => {
  const api = apiById('은행-004');
  it('AC05: amounts are exact decimals, times are plain date-times, the memo is v2 and consent-gated', () => {
    const m = decodeMessage(api.response, TABLE[3]![7], { location: 'response' }) as {
      trans_list: { trans_amt: Decimal; trans_dtime: Temporal.PlainDateTime }[];
    };
    expect(m.trans_list[0]!.trans_amt).toEqual(new Decimal(-8500));
    expect(m.trans_list[0]!.trans_dtime.equals(Temporal.PlainDateTime.from('2026-10-25T12:05:00'))).toBe(true);
    const v1 = encodeMessage(api.response, m as never, { version: 'v1' });
    expect(JSON.stringify(v1)).not.toContain('trans_memo');
  });

  it('AC06: the request needs from_date, to_date and limit', () => {
    const { from_date: _f, ...noFrom } = TRANS_REQ;
    expect(errorOf(() => decodeMessage(api.request.shape, noFrom, { location: 'body' })).field).toBe('from_date');
    expect(
      errorOf(() => decodeMessage(api.request.shape, { ...TRANS_REQ, limit: '1000' }, { location: 'body' })).field,
    ).toBe('limit');
    expect(
      errorOf(() => decodeMessage(api.request.shape, { ...TRANS_REQ, limit: '501' }, { location: 'body' })).rule,
    ).toBe('range');
    const ok = decodeMessage(api.request.shape, { ...TRANS_REQ, limit: '500' }, { location: 'body' }) as {
      limit?: number;
    };
    expect(ok.limit).toBe(500);
  });
});
