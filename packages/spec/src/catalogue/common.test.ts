import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { INDUSTRY_LIST } from '../industries.ts';
import { decodeMessage, encodeMessage, type WireObject } from '../schema/message-codec.ts';
import type { Infer, Shape } from '../schema/shape.ts';
import type { WireLocation } from '../wire/wire-error.ts';
import { APIS_QUERY, APIS_RESPONSE, CONSENTS_QUERY, CONSENTS_RESPONSE, COMMON_APIS } from './common.ts';
import { apiById, apiPath, apisForIndustry, requiredScope } from './index.ts';
import { wireErrorOf as errorOf } from '../testing/wire-error-of.ts';

/** Decode a wire message, check it encodes back to the same wire form, and return the parsed value. */
function roundTrip<const S extends Shape>(shape: S, wire: WireObject, location: WireLocation): Infer<S> {
  const parsed = decodeMessage(shape, wire, { location });
  expect(encodeMessage(shape, parsed, { location })).toEqual(wire);
  return parsed;
}

describe('공통-001 API 목록 조회', () => {
  const api = apiById('공통-001');

  it('AC01: the entry is GET /apis under every industry, each with its <industry>.list scope', () => {
    expect(api).toMatchObject({
      code: 'CM01',
      group: 'info',
      method: 'GET',
      resource: '/apis',
      cycle: '기본',
      errorStyle: 'rsp_code',
      providedBy: ['provider'],
      calledBy: ['operator'],
      timestamp: true,
      paginated: false,
      provisional: true,
    });
    expect(api.request.location).toBe('query');
    expect(api.request.shape).toBe(APIS_QUERY);
    expect(api.response).toBe(APIS_RESPONSE);
    expect([...api.industries].sort()).toEqual([...INDUSTRY_LIST].sort());
    for (const industry of INDUSTRY_LIST) {
      expect(requiredScope(api, industry)).toBe(`${industry}.list`);
      expect(apisForIndustry(industry).map((a) => a.id)).toContain('공통-001');
    }
    expect(apiPath(api, { version: 'v2', industry: 'card' })).toBe('/v2/card/apis');
    expect(api.headers.required).toEqual(['authorization', 'x-api-tran-id']);
  });

  it('AC02: a provider’s API list decodes into typed values and round-trips', () => {
    const query = roundTrip(APIS_QUERY, { org_code: 'HNBANK0001', search_timestamp: '0' }, 'query');
    expect(query).toEqual({ org_code: 'HNBANK0001', search_timestamp: 0 });
    const body = roundTrip(
      APIS_RESPONSE,
      {
        search_timestamp: '20261124093000',
        version: 'v2',
        min_version: 'v1',
        api_cnt: '3',
        api_list: [
          { api_code: 'BA01', api_uri: '/v2/bank/accounts' },
          { api_code: 'BA02', api_uri: '/v2/bank/accounts/deposit/basic' },
          { api_code: 'CM02', api_uri: '/v2/bank/consents' },
        ],
      },
      'response',
    );
    expect(body.search_timestamp).toBe(20261124093000);
    expect(body.api_cnt).toBe(3);
    expect(body.api_list[2]).toEqual({ api_code: 'CM02', api_uri: '/v2/bank/consents' });
  });

  it('AC03: a query without org_code is refused with 40001 naming org_code', () => {
    const e = errorOf(() => decodeMessage(APIS_QUERY, { search_timestamp: '0' }, { location: 'query' }));
    expect(e).toMatchObject({ field: 'org_code', rule: 'required', rspCode: '40001' });
  });

  it('AC04: an api_code longer than the 4-character API 구분 코드 is refused, naming the item', () => {
    const e = errorOf(() =>
      decodeMessage(
        APIS_RESPONSE,
        {
          version: 'v2',
          min_version: 'v1',
          api_cnt: '1',
          api_list: [{ api_code: 'BA001', api_uri: '/v2/bank/accounts' }],
        },
        { location: 'response' },
      ),
    );
    expect(e).toMatchObject({ field: 'api_list[0].api_code', rule: 'length', rspCode: '40001' });
  });

  it('AC05: api_cnt must agree with api_list', () => {
    const e = errorOf(() =>
      decodeMessage(
        APIS_RESPONSE,
        {
          version: 'v2',
          min_version: 'v1',
          api_cnt: '2',
          api_list: [{ api_code: 'BA01', api_uri: '/v2/bank/accounts' }],
        },
        { location: 'response' },
      ),
    );
    expect(e).toMatchObject({ field: 'api_cnt', rule: 'count' });
  });
});

describe('공통-002 전송요구 내역 조회', () => {
  const api = apiById('공통-002');
  const V2_CONSENT = {
    is_scheduled: 'true',
    fnd_cycle: '1/w',
    add_cycle: '1/w',
    end_date: '20311123',
    purpose: '본인 자산 통합조회 및 재무현황 분석 서비스 제공',
    period: '20311123',
    is_consent_trans_memo: 'true',
    is_consent_merchant_name_regno: 'false',
    is_consent_trans_category: 'true',
  };

  it('AC01: the entry is GET /consents under every industry, with the <industry>.list scope', () => {
    expect(api).toMatchObject({
      code: 'CM02',
      group: 'info',
      method: 'GET',
      resource: '/consents',
      cycle: '기본',
      errorStyle: 'rsp_code',
      provisional: true,
    });
    expect(api.request.shape).toBe(CONSENTS_QUERY);
    expect(api.response).toBe(CONSENTS_RESPONSE);
    for (const industry of INDUSTRY_LIST) expect(requiredScope(api, industry)).toBe(`${industry}.list`);
    expect(apiPath(api, { version: 'v1', industry: 'usury' })).toBe('/v1/usury/consents');
    expect(COMMON_APIS.map((a) => a.id)).toEqual(['공통-001', '공통-002']);
  });

  it('AC02: a v2 consent decodes into booleans and dates and round-trips', () => {
    expect(roundTrip(CONSENTS_QUERY, { org_code: 'HNCARD0001' }, 'query')).toEqual({ org_code: 'HNCARD0001' });
    const consent = roundTrip(CONSENTS_RESPONSE, V2_CONSENT, 'response');
    expect(consent.is_scheduled).toBe(true);
    expect(consent.end_date).toBeInstanceOf(Temporal.PlainDate);
    expect(consent.end_date.toString()).toBe('2031-11-23');
    expect(consent.is_consent_trans_memo).toBe(true);
    expect(consent.is_consent_merchant_name_regno).toBe(false);
  });

  it('AC03: the three consent flags exist from v2 on: a /v1 answer leaves them out', () => {
    const flags = CONSENTS_RESPONSE.filter((n) => n.since === 'v2').map((n) => n.name);
    expect(flags).toEqual(['is_consent_trans_memo', 'is_consent_merchant_name_regno', 'is_consent_trans_category']);
    const parsed = decodeMessage(CONSENTS_RESPONSE, V2_CONSENT, { location: 'response' });
    const v1 = encodeMessage(CONSENTS_RESPONSE, parsed, { version: 'v1' });
    expect(Object.keys(v1).sort()).toEqual(['add_cycle', 'end_date', 'fnd_cycle', 'is_scheduled', 'period', 'purpose']);
  });

  it('AC04: a consent without regular transmission needs no cycles', () => {
    const { fnd_cycle: _f, add_cycle: _a, ...unscheduled } = V2_CONSENT;
    const parsed = roundTrip(CONSENTS_RESPONSE, { ...unscheduled, is_scheduled: 'false' }, 'response');
    expect(parsed.fnd_cycle).toBeUndefined();
  });

  it('AC05: an end_date that is not a calendar date is refused with 40001 naming end_date', () => {
    const e = errorOf(() =>
      decodeMessage(CONSENTS_RESPONSE, { ...V2_CONSENT, end_date: '20310230' }, { location: 'response' }),
    );
    expect(e).toMatchObject({ field: 'end_date', rule: 'range', rspCode: '40001' });
  });

  it('AC06: is_scheduled must be "true" or "false"', () => {
    const e = errorOf(() =>
      decodeMessage(CONSENTS_RESPONSE, { ...V2_CONSENT, is_scheduled: 'Y' }, { location: 'response' }),
    );
    expect(e).toMatchObject({ field: 'is_scheduled', rule: 'format' });
  });

  it('AC07: a query without org_code is refused with 40001', () => {
    expect(errorOf(() => decodeMessage(CONSENTS_QUERY, {}, { location: 'query' }))).toMatchObject({
      field: 'org_code',
      rspCode: '40001',
    });
  });
});
