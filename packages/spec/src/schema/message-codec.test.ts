import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { COMMON_FIELDS } from '../fields/common.ts';
import { aN, AH } from '../wire/wire-type.ts';
import { decodeMessage, encodeMessage } from './message-codec.ts';
import { list, object, vocabulary } from './shape.ts';
import { wireErrorOf as errorOf } from '../testing/wire-error-of.ts';

const { req, opt } = vocabulary({
  ...COMMON_FIELDS,
  code: { type: aN(2), ko: '코드', en: 'Code', values: ['01', '02'] },
  title: { type: AH(9), ko: '제목', en: 'Title' },
});

const shape = [
  req('org_code'),
  opt('next_page'),
  opt('trans_memo', { since: 'v2', gate: 'is_consent_trans_memo' }),
  req('code'),
  object('box', [req('title')], { ko: '상자', en: 'Box' }),
  list(
    'trans_list',
    'trans_cnt',
    [req('trans_dtime'), req('trans_amt'), opt('trans_memo', { since: 'v2', gate: 'is_consent_trans_memo' })],
    {
      ko: '거래',
      en: 'Transactions',
      max: 3,
    },
  ),
] as const;

const wire = {
  org_code: 'BANKA00001',
  trans_memo: '급여',
  code: '01',
  box: { title: '한국' },
  trans_cnt: '2',
  trans_list: [
    { trans_dtime: '20240105093000', trans_amt: '-15000', trans_memo: '스타벅스' },
    { trans_dtime: '20240106100000', trans_amt: '3200000.5' },
  ],
};

describe('message codec', () => {
  it('decodes nested objects and lists into real types and encodes them back', () => {
    const m = decodeMessage(shape, wire, { location: 'response' });
    expect(m.trans_cnt).toBe(2);
    expect(m.trans_list[0]?.trans_amt).toBeInstanceOf(Decimal);
    expect(m.trans_list[0]?.trans_amt.toNumber()).toBe(-15000);
    expect(m.trans_list[1]?.trans_dtime.toString()).toBe('2024-01-06T10:00:00');
    expect(m.box.title).toBe('한국');
    expect(m.code).toBe('01');
    expect(encodeMessage(shape, m)).toEqual(wire);
  });

  it('names the full path of a bad value inside a list', () => {
    const bad = structuredClone(wire);
    bad.trans_list[1]!.trans_amt = '12,000';
    const e = errorOf(() => decodeMessage(shape, bad, { location: 'response' }));
    expect(e.field).toBe('trans_list[1].trans_amt');
    expect(e.rule).toBe('format');
  });

  it('refuses a count that disagrees with its list, and a list past its maximum', () => {
    expect(errorOf(() => decodeMessage(shape, { ...wire, trans_cnt: '3' }, { location: 'body' })).rule).toBe('count');
    expect(errorOf(() => decodeMessage(shape, { ...wire, trans_cnt: undefined }, { location: 'body' })).field).toBe(
      'trans_cnt',
    );
    const four = { ...wire, trans_cnt: '4', trans_list: [...wire.trans_list, ...wire.trans_list] };
    expect(errorOf(() => decodeMessage(shape, four, { location: 'body' })).rule).toBe('length');
  });

  it('treats empty strings as absent: required fields fail with 40001, optional ones vanish', () => {
    const e = errorOf(() => decodeMessage(shape, { ...wire, org_code: '' }, { location: 'query' }));
    expect(e).toMatchObject({ field: 'org_code', rule: 'required', rspCode: '40001' });
    const m = decodeMessage(shape, { ...wire, next_page: '' }, { location: 'query' });
    expect('next_page' in m).toBe(false);
  });

  it('checks code values', () => {
    expect(errorOf(() => decodeMessage(shape, { ...wire, code: '03' }, { location: 'body' })).rule).toBe('enum');
  });

  it('strips unknown fields by default and rejects them on request', () => {
    const m = decodeMessage(shape, { ...wire, extra: 'x' }, { location: 'body' });
    expect('extra' in m).toBe(false);
    expect(
      errorOf(() => decodeMessage(shape, { ...wire, extra: 'x' }, { location: 'body', unknown: 'reject' })).field,
    ).toBe('extra');
  });

  it('drops v2-only fields for /v1 and consent-gated fields when the consent withholds them', () => {
    const m = decodeMessage(shape, wire, { location: 'response' });
    const v1 = encodeMessage(shape, m, { version: 'v1' });
    expect(v1).not.toHaveProperty('trans_memo');
    expect(v1.trans_list).toEqual([
      { trans_dtime: '20240105093000', trans_amt: '-15000' },
      { trans_dtime: '20240106100000', trans_amt: '3200000.5' },
    ]);
    const withheld = encodeMessage(shape, m, { withheld: new Set(['is_consent_trans_memo']) });
    expect(JSON.stringify(withheld)).not.toContain('스타벅스');
  });

  it('refuses a message that is not an object, and a list that is not an array', () => {
    expect(errorOf(() => decodeMessage(shape, [], { location: 'body' })).rule).toBe('type');
    expect(errorOf(() => decodeMessage(shape, { ...wire, trans_list: 'x' }, { location: 'body' })).field).toBe(
      'trans_list',
    );
  });

  it('encoding refuses a missing required value', () => {
    const m = decodeMessage(shape, wire, { location: 'response' });
    const { code: _c, ...rest } = m;
    expect(errorOf(() => encodeMessage(shape, rest as typeof m)).field).toBe('code');
  });
});
