import { describe, expect, it } from 'vitest';
import { AUTH_FIELDS } from '../fields/auth.ts';
import { CA_FIELDS } from '../fields/ca.ts';
import { COMMON_FIELDS } from '../fields/common.ts';
import { COMMON_INFO_FIELDS } from '../fields/common-info.ts';
import { SUPPORT_FIELDS } from '../fields/support.ts';
import { ORG_TYPE_LIST } from '../org-types.ts';
import { decodeMessage, encodeMessage, type WireObject } from '../schema/message-codec.ts';
import type { Infer, Shape } from '../schema/shape.ts';
import type { WireLocation } from '../wire/wire-error.ts';
import type { ApiSpec } from './api-spec.ts';
import { apiById, apiPath, apisProvidedBy } from './index.ts';
import {
  CA_ORG_RECORD,
  CONSENTS_BODY,
  MANAGE_TOKEN_FORM,
  MANAGE_TOKEN_RESPONSE,
  MEMBER_CONSENTS_RESPONSE,
  MYDATA_STATISTICS_BODY,
  ORG_RECORD,
  ORGS_FOR_CA_RESPONSE,
  ORGS_RESPONSE,
  PROVIDER_STATISTICS_BODY,
  REGISTRY_QUERY,
  REQ_STATISTICS_QUERY,
  SERVICES_RESPONSE,
  STATUS_QUERY,
  STATUS_RESPONSE,
  SUPPORT_APIS,
} from './support.ts';
import { wireErrorOf as errorOf } from '../testing/wire-error-of.ts';

function roundTrip<const S extends Shape>(
  shape: S,
  wire: Readonly<Record<string, unknown>>,
  location: WireLocation,
): Infer<S> {
  const parsed = decodeMessage(shape, wire, { location });
  expect(encodeMessage(shape, parsed, { location })).toEqual(wire);
  return parsed;
}

/** The fields chapter 7 (§7.x) fixes for every support entry. */
function expectEntry(
  id: string,
  want: Pick<ApiSpec, 'code' | 'method' | 'group' | 'providedBy' | 'calledBy'> & { path: string },
): ApiSpec {
  const api = apiById(id);
  expect(api).toMatchObject({
    code: want.code,
    method: want.method,
    group: want.group,
    providedBy: want.providedBy,
    calledBy: want.calledBy,
    scope: 'manage',
    provisional: false,
  });
  expect(apiPath(api, { version: 'v2' })).toBe(want.path);
  for (const role of want.providedBy) expect(apisProvidedBy(role).map((a) => a.id)).toContain(id);
  return api;
}

function expectRspCodeApi(api: ApiSpec, location: 'query' | 'json') {
  expect(api.errorStyle).toBe('rsp_code');
  expect(api.headers.required).toEqual(['authorization', 'x-api-tran-id']);
  expect(api.request.location).toBe(location);
}

const PORTAL_CLIENT = {
  client_id: 'hnportalSupportCall01K7q2Xc9PzL0mB4nR8sT1vW5yA3dF',
  client_secret: 'Pt81Lm0Qw3Er5Ty7Ui9Op2As4Df6Gh8Jk0Lz3Xc5Vb7Nm9Qw1',
};
const CI = 'r8Hq3n2Lx0vQ7kZ4mW9pT1sY6bJ5cF2dG8hK3nP0qR7tV4wX1zA6bC9eE2fH5jL8mN1pQ4sU7vY0zB3dF6gJ9kM=';
const MANAGE_TOKEN = {
  token_type: 'Bearer',
  access_token: 'eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJITlBPUlRBTDAxIiwic2NvcGUiOiJtYW5hZ2UifQ.c2lnbmF0dXJl',
  expires_in: '31536000',
  scope: 'manage',
};

describe('지원-001 접근토큰 발급 (종합포털 제공)', () => {
  const FORM = { grant_type: 'client_credentials', ...PORTAL_CLIENT, scope: 'manage' };

  it('AC01: the entry matches chapter 7 (POST /mgmts/oauth/2.0/token, unversioned, form, OAuth errors)', () => {
    const api = expectEntry('지원-001', {
      code: 'SU01',
      method: 'POST',
      group: 'support-portal',
      providedBy: ['portal'],
      calledBy: ['operator', 'provider', 'ca'],
      path: '/mgmts/oauth/2.0/token',
    });
    expect(api.resource).toBe('/mgmts/oauth/2.0/token');
    expect(apiPath(api, { version: 'v1' })).toBe('/mgmts/oauth/2.0/token');
    expect(api.errorStyle).toBe('oauth');
    expect(api.request.location).toBe('form');
    expect(api.headers.required).toEqual(['x-api-tran-id']);
    expect(api.request.shape).toBe(MANAGE_TOKEN_FORM);
    expect(api.response).toBe(MANAGE_TOKEN_RESPONSE);
  });

  it('AC02: a client-credentials form and the manage token decode and round-trip', () => {
    expect(roundTrip(MANAGE_TOKEN_FORM, FORM, 'form')).toEqual({ ...FORM });
    const token = roundTrip(MANAGE_TOKEN_RESPONSE, MANAGE_TOKEN, 'response');
    expect(token.expires_in).toBe(31536000);
    expect(MANAGE_TOKEN_RESPONSE.map((n) => n.name)).not.toContain('refresh_token');
  });

  it('AC03: a scope other than manage is refused with 40001 naming scope', () => {
    expect(
      errorOf(() => decodeMessage(MANAGE_TOKEN_FORM, { ...FORM, scope: 'bank.list' }, { location: 'form' })),
    ).toMatchObject({ field: 'scope', rule: 'enum', rspCode: '40001', location: 'form' });
  });
});

describe('지원-002 기관정보 조회', () => {
  const DELTA = {
    search_timestamp: '20261124093000',
    org_cnt: '4',
    org_list: [
      {
        op_type: 'I',
        org_code: 'HNBANK0001',
        org_type: '01',
        is_rcv_org: 'false',
        org_name: '한눈은행',
        org_regno: '1028134567',
        corp_regno: '1101110012345',
        serial_num: '1028134567',
        address: '서울특별시 중구 세종대로 110',
        domain: 'mydata.hnbank.example',
        domain_ip_cnt: '2',
        domain_ip_list: [{ domain_ip: '203.0.113.10' }, { domain_ip: '203.0.113.11:8443' }],
        relay_org_code: 'HNHUB00001',
        industry: 'bank',
        auth_type: '03',
        ip_cnt: '1',
        ip_list: [{ ip: '203.0.113.20' }],
        np_time_cnt: '2',
        np_time_list: [{ np_time: '0030:0530' }, { np_time: '2230:2330' }],
      },
      {
        op_type: 'M',
        org_code: 'HNWALLET01',
        org_type: '03',
        org_name: '(주)한눈지갑',
        org_regno: '2208765432',
        serial_num: '2208765432',
        domain: 'api.hnwallet.example',
        domain_ip_cnt: '1',
        domain_ip_list: [{ domain_ip: '198.51.100.7' }],
        ip_cnt: '2',
        ip_list: [{ ip: '198.51.100.20' }, { ip: '198.51.100.21' }],
      },
      {
        op_type: 'I',
        org_code: 'HNCA000001',
        org_type: '05',
        org_name: '한눈인증',
        domain_ip_cnt: '1',
        domain_ip_list: [{ domain_ip: '192.0.2.30:4433' }],
        cert_issuer_dn: 'hnca',
        cert_oid: '1.2.410.200005.1.1.1_1.2.410.200005.1.1.5',
      },
      { op_type: 'D', org_code: 'HNSAVE0099', org_type: '02' },
    ],
  } satisfies WireObject;
  const first = DELTA.org_list[0]!;
  const withFirst = (patch: Record<string, unknown>) => ({
    ...DELTA,
    org_list: [{ ...first, ...patch }],
    org_cnt: '1',
  });

  it('AC01: the entry matches chapter 7 (GET /{version}/mgmts/orgs, search_timestamp, Bearer)', () => {
    const api = expectEntry('지원-002', {
      code: 'SU02',
      method: 'GET',
      group: 'support-portal',
      providedBy: ['portal'],
      calledBy: ['operator', 'provider', 'ca'],
      path: '/v2/mgmts/orgs',
    });
    expect(api.resource).toBe('/{version}/mgmts/orgs');
    expectRspCodeApi(api, 'query');
    expect(api.timestamp).toBe(true);
    expect(api.request.shape).toBe(REGISTRY_QUERY);
    expect(api.response).toBe(ORGS_RESPONSE);
  });

  it('AC02: a realistic registry delta (I, M, D; provider, operator, CA) decodes and round-trips', () => {
    expect(roundTrip(REGISTRY_QUERY, { search_timestamp: '0' }, 'query').search_timestamp).toBe(0);
    const delta = roundTrip(ORGS_RESPONSE, DELTA, 'response');
    expect(delta.org_cnt).toBe(4);
    const bank = delta.org_list[0]!;
    expect(bank.is_rcv_org).toBe(false);
    expect(bank.industry).toBe('bank');
    expect(bank.np_time_list?.map((w) => w.np_time)).toEqual(['0030:0530', '2230:2330']);
    expect(bank.np_time_cnt).toBe(2);
    expect(delta.org_list[2]?.cert_oid).toContain('_');
    expect(delta.org_list[3]).toEqual({ op_type: 'D', org_code: 'HNSAVE0099', org_type: '02' });
  });

  it('AC03: an np_time that does not fit NS(9) "hhmm:hhmm" is refused with 40001 naming the field', () => {
    const e = errorOf(() =>
      decodeMessage(ORGS_RESPONSE, withFirst({ np_time_list: [{ np_time: '00:30~05:30' }], np_time_cnt: '1' }), {
        location: 'response',
      }),
    );
    expect(e).toMatchObject({ field: 'org_list[0].np_time_list[0].np_time', rule: 'length', rspCode: '40001' });
    const hangul = errorOf(() =>
      decodeMessage(ORGS_RESPONSE, withFirst({ np_time_list: [{ np_time: '0시~5시' }], np_time_cnt: '1' }), {
        location: 'response',
      }),
    );
    expect(hangul).toMatchObject({ field: 'org_list[0].np_time_list[0].np_time', rule: 'format' });
    for (const np_time of ['0015:0530', '2500:0100', '0030-0530', '0030:']) {
      const bad = errorOf(() =>
        decodeMessage(ORGS_RESPONSE, withFirst({ np_time_list: [{ np_time }], np_time_cnt: '1' }), {
          location: 'response',
        }),
      );
      expect(bad, np_time).toMatchObject({ field: 'org_list[0].np_time_list[0].np_time', rule: 'format' });
    }
    const late = decodeMessage(
      ORGS_RESPONSE,
      withFirst({ np_time_list: [{ np_time: '1800:2400' }], np_time_cnt: '1' }),
      {
        location: 'response',
      },
    );
    expect(late.org_list[0]?.np_time_list?.[0]?.np_time).toBe('1800:2400');
  });

  it('AC04: more than 3 non-peak windows are refused', () => {
    const windows = ['0000:0100', '0100:0200', '0200:0300', '0300:0400'].map((np_time) => ({ np_time }));
    const e = errorOf(() =>
      decodeMessage(ORGS_RESPONSE, withFirst({ np_time_list: windows, np_time_cnt: '4' }), { location: 'response' }),
    );
    expect(e).toMatchObject({ field: 'org_list[0].np_time_list', rule: 'length' });
  });

  it('AC05: op_type outside I/M/D is refused', () => {
    expect(
      errorOf(() => decodeMessage(ORGS_RESPONSE, withFirst({ op_type: 'U' }), { location: 'response' })),
    ).toMatchObject({ field: 'org_list[0].op_type', rule: 'enum', rspCode: '40001' });
  });

  it('AC06: org_type outside the registry codes, an unknown industry or auth_type 02 are refused', () => {
    expect(ORG_RECORD.find((n) => n.name === 'org_type')).toMatchObject({ values: ORG_TYPE_LIST });
    expect(
      errorOf(() => decodeMessage(ORGS_RESPONSE, withFirst({ org_type: '08' }), { location: 'response' })),
    ).toMatchObject({ field: 'org_list[0].org_type', rule: 'enum' });
    expect(
      errorOf(() => decodeMessage(ORGS_RESPONSE, withFirst({ industry: 'crypto' }), { location: 'response' })),
    ).toMatchObject({ field: 'org_list[0].industry', rule: 'enum' });
    expect(
      errorOf(() => decodeMessage(ORGS_RESPONSE, withFirst({ auth_type: '02' }), { location: 'response' })),
    ).toMatchObject({ field: 'org_list[0].auth_type', rule: 'enum' });
  });

  it('AC07: search_timestamp is mandatory in the query (0 for everything)', () => {
    expect(errorOf(() => decodeMessage(REGISTRY_QUERY, {}, { location: 'query' }))).toMatchObject({
      field: 'search_timestamp',
      rule: 'required',
      rspCode: '40001',
    });
  });
});

describe('지원-003 서비스정보 조회', () => {
  const SERVICES = {
    search_timestamp: '20261124093000',
    org_cnt: '1',
    org_list: [
      {
        org_code: 'HNWALLET01',
        service_cnt: '2',
        service_list: [
          {
            service_name: '한눈지갑',
            op_type: 'I',
            client_id: 'hnwalletSvc01a7Kq2Xc9PzL0mB4nR8sT1vW5yA3dF6gH2jK9Q',
            client_secret: 'Zx81Lm0Qw3Er5Ty7Ui9Op2As4Df6Gh8Jk0Lz3Xc5Vb7Nm9Qw1',
            redirect_uri_cnt: '2',
            redirect_uri_list: [
              { redirect_uri: 'https://api.hnwallet.example/oauth/callback' },
              { redirect_uri: 'https://api2.hnwallet.example/oauth/callback' },
            ],
            app_scheme_cnt: '2',
            app_scheme_list: [{ app_scheme: 'hnwallet://mydata/auth' }, { app_scheme: 'hnwalletlite://mydata/auth' }],
          },
          {
            service_name: '한눈지갑 구버전',
            op_type: 'D',
            client_id: 'hnwalletOld0017Kq2Xc9PzL0mB4nR8sT1vW5yA3dF6gH2jK9Q',
          },
        ],
      },
    ],
  } satisfies WireObject;
  const svc = SERVICES.org_list[0]!.service_list[0]!;
  const withService = (patch: Record<string, unknown>) => ({
    ...SERVICES,
    org_list: [{ org_code: 'HNWALLET01', service_cnt: '1', service_list: [{ ...svc, ...patch }] }],
  });

  it('AC01: the entry matches chapter 7 (GET /{version}/mgmts/services, called by providers)', () => {
    const api = expectEntry('지원-003', {
      code: 'SU03',
      method: 'GET',
      group: 'support-portal',
      providedBy: ['portal'],
      calledBy: ['provider'],
      path: '/v2/mgmts/services',
    });
    expectRspCodeApi(api, 'query');
    expect(api.timestamp).toBe(true);
    expect(api.response).toBe(SERVICES_RESPONSE);
  });

  it('AC02: a realistic service delta decodes and round-trips', () => {
    const parsed = roundTrip(SERVICES_RESPONSE, SERVICES, 'response');
    const op = parsed.org_list[0]!;
    expect(op.service_cnt).toBe(2);
    expect(op.service_list[0]?.redirect_uri_list?.length).toBe(2);
    expect(op.service_list[1]).toEqual({
      service_name: '한눈지갑 구버전',
      op_type: 'D',
      client_id: 'hnwalletOld0017Kq2Xc9PzL0mB4nR8sT1vW5yA3dF6gH2jK9Q',
    });
  });

  it('AC03: more than 4 callback URLs are refused', () => {
    const five = [1, 2, 3, 4, 5].map((n) => ({ redirect_uri: `https://api${n}.hnwallet.example/cb` }));
    const e = errorOf(() =>
      decodeMessage(SERVICES_RESPONSE, withService({ redirect_uri_list: five, redirect_uri_cnt: '5' }), {
        location: 'response',
      }),
    );
    expect(e).toMatchObject({
      field: 'org_list[0].service_list[0].redirect_uri_list',
      rule: 'length',
      rspCode: '40001',
    });
  });

  it('AC04: a service name over AH(30) (more than 10 Hangul syllables) is refused', () => {
    const e = errorOf(() =>
      decodeMessage(SERVICES_RESPONSE, withService({ service_name: '한눈지갑마이데이터통합자산관리' }), {
        location: 'response',
      }),
    );
    expect(e).toMatchObject({ field: 'org_list[0].service_list[0].service_name', rule: 'length' });
  });
});

/** The 7 days before the Sunday 2026-11-22, each with what `perDay` gives. */
function week<T extends WireObject>(perDay: (day: number) => T) {
  return Array.from({ length: 7 }, (_, i) => ({ stat_date: `202611${15 + i}`, ...perDay(i) }));
}

describe('지원-004 마이데이터사업자/정보수신자 통계자료 전송', () => {
  const slots = (day: number) => [
    {
      tm_slot: '01',
      rsp_avg: String(180 + day),
      rsp_total: String((180 + day) * 1200),
      rsp_stdev: '35',
      success_api_cnt: '1198',
      fail_api_cnt: '2',
    },
    {
      tm_slot: '02',
      rsp_avg: String(240 + day),
      rsp_total: String((240 + day) * 5400),
      rsp_stdev: '61',
      success_api_cnt: '5391',
      fail_api_cnt: '9',
    },
  ];
  const BODY = {
    type: '2',
    client_id: 'hnwalletSvc01a7Kq2Xc9PzL0mB4nR8sT1vW5yA3dF6gH2jK9Q',
    inquiry_date: '20261122',
    stat_date_cnt: '7',
    stat_date_list: week((day) => ({
      org_cnt: '1',
      org_list: [
        {
          org_code: 'HNBANK0001',
          consent_new: String(40 + day),
          consent_revoke: '3',
          consent_own: String(15200 + day * 37),
          api_type_cnt: '1',
          api_type_list: [{ api_type: 'BA04', tm_slot_cnt: '2', tm_slot_list: slots(day) }],
        },
      ],
    })),
  };

  it('AC01: the entry matches chapter 7 (POST /{version}/mgmts/statistics/mydata, JSON, envelope only)', () => {
    const api = expectEntry('지원-004', {
      code: 'SU04',
      method: 'POST',
      group: 'support-portal',
      providedBy: ['portal'],
      calledBy: ['operator'],
      path: '/v2/mgmts/statistics/mydata',
    });
    expectRspCodeApi(api, 'json');
    expect(api.request.shape).toBe(MYDATA_STATISTICS_BODY);
    expect(api.response).toEqual([]);
  });

  it('AC02: a week of statistics (7 days, 2 time slots) decodes into numbers and dates and round-trips', () => {
    const stats = roundTrip(MYDATA_STATISTICS_BODY, BODY, 'body');
    expect(stats.type).toBe(2);
    expect(stats.inquiry_date.dayOfWeek).toBe(7); // a Sunday
    expect(stats.stat_date_cnt).toBe(7);
    expect(stats.stat_date_list[0]?.stat_date.toString()).toBe('2026-11-15');
    const slot = stats.stat_date_list[6]?.org_list[0]?.api_type_list[0]?.tm_slot_list[1];
    expect(slot).toEqual({
      tm_slot: '02',
      rsp_avg: 246,
      rsp_total: 246 * 5400,
      rsp_stdev: 61,
      success_api_cnt: 5391,
      fail_api_cnt: 9,
    });
  });

  it('AC03: type 1 (regular) carries no consent counters and still decodes', () => {
    const regular = {
      ...BODY,
      type: '1',
      stat_date_list: BODY.stat_date_list.map((d) => ({
        ...d,
        org_list: d.org_list.map(({ consent_new: _n, consent_revoke: _r, consent_own: _o, ...org }) => org),
      })),
    };
    expect(
      roundTrip(MYDATA_STATISTICS_BODY, regular, 'body').stat_date_list[0]?.org_list[0]?.consent_new,
    ).toBeUndefined();
  });

  it('AC04: more than 7 days, or a third time slot, are refused with 40001', () => {
    const eight = { ...BODY, stat_date_cnt: '8', stat_date_list: [...BODY.stat_date_list, BODY.stat_date_list[0]!] };
    expect(errorOf(() => decodeMessage(MYDATA_STATISTICS_BODY, eight, { location: 'body' }))).toMatchObject({
      field: 'stat_date_list',
      rule: 'length',
      rspCode: '40001',
    });
    const day = BODY.stat_date_list[0]!;
    const apiType = day.org_list[0]!.api_type_list[0]!;
    const threeSlots = {
      ...BODY,
      stat_date_list: [
        {
          ...day,
          org_list: [
            {
              ...day.org_list[0]!,
              api_type_list: [
                { ...apiType, tm_slot_cnt: '3', tm_slot_list: [...apiType.tm_slot_list, apiType.tm_slot_list[0]!] },
              ],
            },
          ],
        },
      ],
      stat_date_cnt: '1',
    };
    expect(errorOf(() => decodeMessage(MYDATA_STATISTICS_BODY, threeSlots, { location: 'body' }))).toMatchObject({
      field: 'stat_date_list[0].org_list[0].api_type_list[0].tm_slot_list',
      rule: 'length',
    });
  });

  it('AC05: a type above 2 is refused, and rsp_avg is required per slot', () => {
    expect(
      errorOf(() => decodeMessage(MYDATA_STATISTICS_BODY, { ...BODY, type: '3' }, { location: 'body' })),
    ).toMatchObject({ field: 'type', rule: 'enum', rspCode: '40001' });
    expect(
      errorOf(() => decodeMessage(MYDATA_STATISTICS_BODY, { ...BODY, type: '0' }, { location: 'body' })),
    ).toMatchObject({ field: 'type', rule: 'enum' });
    const day = BODY.stat_date_list[0]!;
    const apiType = day.org_list[0]!.api_type_list[0]!;
    const { rsp_avg: _a, ...noAvg } = apiType.tm_slot_list[0]!;
    const missing = {
      ...BODY,
      stat_date_cnt: '1',
      stat_date_list: [
        {
          ...day,
          org_list: [
            { ...day.org_list[0]!, api_type_list: [{ ...apiType, tm_slot_list: [noAvg, apiType.tm_slot_list[1]!] }] },
          ],
        },
      ],
    };
    expect(errorOf(() => decodeMessage(MYDATA_STATISTICS_BODY, missing, { location: 'body' }))).toMatchObject({
      field: 'stat_date_list[0].org_list[0].api_type_list[0].tm_slot_list[0].rsp_avg',
      rule: 'required',
    });
  });
});

describe('지원-005 정보제공자 통계자료 전송', () => {
  const BODY = {
    org_code: 'HNSAVE0001',
    type: '1',
    inquiry_date: '20261122',
    stat_date_cnt: '7',
    stat_date_list: Array.from({ length: 7 }, (_, i) => ({
      stat_date: `202611${15 + i}`,
      mydata_svc_cnt: '2',
      mydata_svc_list: [
        {
          org_code: 'HNWALLET01',
          client_id: 'hnwalletSvc01a7Kq2Xc9PzL0mB4nR8sT1vW5yA3dF6gH2jK9Q',
          api_type_cnt: '2',
          api_type_list: [
            {
              api_type: 'BA01',
              tm_slot_cnt: '2',
              tm_slot_list: [
                { tm_slot: '01', success_api_cnt: String(820 + i), fail_api_cnt: '0' },
                { tm_slot: '02', success_api_cnt: '97', fail_api_cnt: '1' },
              ],
            },
            {
              api_type: 'BA04',
              tm_slot_cnt: '2',
              tm_slot_list: [
                { tm_slot: '01', success_api_cnt: '1640', fail_api_cnt: '4' },
                { tm_slot: '02', success_api_cnt: '210', fail_api_cnt: '0' },
              ],
            },
          ],
        },
        {
          org_code: 'HNPORTAL01',
          client_id: 'hnportalPds0001K7q2Xc9PzL0mB4nR8sT1vW5yA3dF6gH2jK9',
          api_type_cnt: '1',
          api_type_list: [
            {
              api_type: 'BA01',
              tm_slot_cnt: '2',
              tm_slot_list: [
                { tm_slot: '01', success_api_cnt: '12', fail_api_cnt: '0' },
                { tm_slot: '02', success_api_cnt: '3', fail_api_cnt: '0' },
              ],
            },
          ],
        },
      ],
    })),
  };

  it('AC01: the entry matches chapter 7 (POST /{version}/mgmts/statistics/provider, JSON, envelope only)', () => {
    const api = expectEntry('지원-005', {
      code: 'SU05',
      method: 'POST',
      group: 'support-portal',
      providedBy: ['portal'],
      calledBy: ['provider'],
      path: '/v2/mgmts/statistics/provider',
    });
    expectRspCodeApi(api, 'json');
    expect(api.request.shape).toBe(PROVIDER_STATISTICS_BODY);
    expect(api.response).toEqual([]);
  });

  it('AC02: a relay’s week of regular statistics for one relayed provider decodes and round-trips', () => {
    const stats = roundTrip(PROVIDER_STATISTICS_BODY, BODY, 'body');
    expect(stats.org_code).toBe('HNSAVE0001');
    expect(stats.stat_date_list[3]?.mydata_svc_list[0]?.api_type_list[0]?.tm_slot_list[0]?.success_api_cnt).toBe(823);
    const { org_code: _o, ...direct } = BODY;
    expect(roundTrip(PROVIDER_STATISTICS_BODY, direct, 'body').org_code).toBeUndefined();
  });

  it('AC03: a stat_date that is not a calendar date is refused with 40001 naming it', () => {
    const bad = {
      ...BODY,
      stat_date_cnt: '1',
      stat_date_list: [{ ...BODY.stat_date_list[0]!, stat_date: '20261131' }],
    };
    expect(errorOf(() => decodeMessage(PROVIDER_STATISTICS_BODY, bad, { location: 'body' }))).toMatchObject({
      field: 'stat_date_list[0].stat_date',
      rule: 'range',
      rspCode: '40001',
    });
  });

  it('AC04: each service entry needs its client_id', () => {
    const { client_id: _c, ...noClient } = BODY.stat_date_list[0]!.mydata_svc_list[0]!;
    const bad = {
      ...BODY,
      stat_date_cnt: '1',
      stat_date_list: [{ ...BODY.stat_date_list[0]!, mydata_svc_cnt: '1', mydata_svc_list: [noClient] }],
    };
    expect(errorOf(() => decodeMessage(PROVIDER_STATISTICS_BODY, bad, { location: 'body' }))).toMatchObject({
      field: 'stat_date_list[0].mydata_svc_list[0].client_id',
      rule: 'required',
    });
  });
});

describe('지원-006 통합인증기관용 기관정보 조회', () => {
  const DELTA = {
    search_timestamp: '20261124093000',
    org_cnt: '3',
    org_list: [
      {
        op_type: 'I',
        org_code: 'HNBANK0001',
        org_type: '01',
        org_name: '한눈은행',
        domain: 'mydata.hnbank.example',
        server_cert_issuer_dn: 'cn=yessignCA Class 2,ou=AccreditedCA,o=yessign,c=kr',
        server_cert_subject_dn: 'cn=HNBANK(HNBANK0001)0001,ou=SERVER,o=yessign,c=kr',
        ip_cnt: '2',
        ip_list: [{ ip: '203.0.113.20' }, { ip: '203.0.113.21' }],
      },
      {
        op_type: 'M',
        org_code: 'HNSAVE0001',
        org_type: '02',
        domain: 'relay.hnhub.example',
        cp_code: 'HN0000123456',
        relay_org_code: 'HNHUB00001',
      },
      { op_type: 'D', org_code: 'HNWALLET09', org_type: '03' },
    ],
  } satisfies WireObject;

  it('AC01: the entry matches chapter 7 (GET /{version}/mgmts/orgs_for_ca, called by the CA)', () => {
    const api = expectEntry('지원-006', {
      code: 'SU06',
      method: 'GET',
      group: 'support-portal',
      providedBy: ['portal'],
      calledBy: ['ca'],
      path: '/v2/mgmts/orgs_for_ca',
    });
    expectRspCodeApi(api, 'query');
    expect(api.timestamp).toBe(true);
    expect(api.response).toBe(ORGS_FOR_CA_RESPONSE);
  });

  it('AC02: a realistic CA registry delta decodes and round-trips', () => {
    const parsed = roundTrip(ORGS_FOR_CA_RESPONSE, DELTA, 'response');
    expect(parsed.org_list[0]?.ip_list?.map((i) => i.ip)).toEqual(['203.0.113.20', '203.0.113.21']);
    expect(parsed.org_list[1]?.cp_code).toBe('HN0000123456');
  });

  it('AC03: org_type 05 (not 01–04) and an ip over aNS(15) are refused with 40001', () => {
    expect(CA_ORG_RECORD.find((n) => n.name === 'org_type')).toMatchObject({ values: ['01', '02', '03', '04'] });
    const ca = { ...DELTA, org_cnt: '1', org_list: [{ ...DELTA.org_list[0]!, org_type: '05' }] };
    expect(errorOf(() => decodeMessage(ORGS_FOR_CA_RESPONSE, ca, { location: 'response' }))).toMatchObject({
      field: 'org_list[0].org_type',
      rule: 'enum',
      rspCode: '40001',
    });
    const v6 = {
      ...DELTA,
      org_cnt: '1',
      org_list: [{ ...DELTA.org_list[0]!, ip_cnt: '1', ip_list: [{ ip: '2001:db8::20:21:22' }] }],
    };
    expect(errorOf(() => decodeMessage(ORGS_FOR_CA_RESPONSE, v6, { location: 'response' }))).toMatchObject({
      field: 'org_list[0].ip_list[0].ip',
      rule: 'length',
    });
  });
});

describe('지원-101 접근토큰 발급 (마이데이터사업자/정보제공자 제공)', () => {
  const FORM = { grant_type: 'client_credentials', ...PORTAL_CLIENT, scope: 'manage' };

  it('AC01: the entry matches chapter 7 (POST /mgmts/oauth/2.0/token served by operators and providers)', () => {
    const api = expectEntry('지원-101', {
      code: 'SU11',
      method: 'POST',
      group: 'support-participant',
      providedBy: ['operator', 'provider'],
      calledBy: ['portal'],
      path: '/mgmts/oauth/2.0/token',
    });
    expect(api.errorStyle).toBe('oauth');
    expect(api.request.location).toBe('form');
    expect(api.request.shape).toBe(MANAGE_TOKEN_FORM);
    expect(api.response).toBe(MANAGE_TOKEN_RESPONSE);
  });

  it('AC02: the portal’s client-credentials form and the answer decode and round-trip', () => {
    expect(roundTrip(MANAGE_TOKEN_FORM, FORM, 'form').grant_type).toBe('client_credentials');
    expect(roundTrip(MANAGE_TOKEN_RESPONSE, MANAGE_TOKEN, 'response').scope).toBe('manage');
  });

  it('AC03: grant_type other than client_credentials, or no client_secret, is refused with 40001', () => {
    expect(
      errorOf(() => decodeMessage(MANAGE_TOKEN_FORM, { ...FORM, grant_type: 'password' }, { location: 'form' })),
    ).toMatchObject({ field: 'grant_type', rule: 'enum', rspCode: '40001' });
    const { client_secret: _s, ...noSecret } = FORM;
    expect(errorOf(() => decodeMessage(MANAGE_TOKEN_FORM, noSecret, { location: 'form' }))).toMatchObject({
      field: 'client_secret',
      rule: 'required',
    });
  });
});

describe('지원-102 정보제공자 상태 조회', () => {
  it('AC01: the entry matches chapter 7 (GET /{version}/mgmts/status, served by providers only)', () => {
    const api = expectEntry('지원-102', {
      code: 'SU12',
      method: 'GET',
      group: 'support-participant',
      providedBy: ['provider'],
      calledBy: ['portal'],
      path: '/v2/mgmts/status',
    });
    expectRspCodeApi(api, 'query');
    expect(api.request.shape).toBe(STATUS_QUERY);
    expect(api.response).toBe(STATUS_RESPONSE);
    expect(apisProvidedBy('operator').map((a) => a.id)).not.toContain('지원-102');
  });

  it('AC02: the query and each availability code decode and round-trip', () => {
    expect(roundTrip(STATUS_QUERY, { org_code: 'HNBANK0001' }, 'query').org_code).toBe('HNBANK0001');
    for (const code of ['01', '02', '03', '99']) {
      expect(roundTrip(STATUS_RESPONSE, { availability: code }, 'response').availability).toBe(code);
    }
  });

  it('AC03: availability outside 01/02/03/99, or a query without org_code, is refused with 40001', () => {
    expect(
      errorOf(() => decodeMessage(STATUS_RESPONSE, { availability: '04' }, { location: 'response' })),
    ).toMatchObject({ field: 'availability', rule: 'enum', rspCode: '40001' });
    expect(errorOf(() => decodeMessage(STATUS_QUERY, {}, { location: 'query' }))).toMatchObject({
      field: 'org_code',
      rule: 'required',
      rspCode: '40001',
    });
  });
});

describe('지원-103 정보주체 별 전송요구 내역 조회', () => {
  const MEMBER = {
    is_member: 'true',
    service_cnt: '2',
    service_list: [
      {
        client_id: 'hnwalletSvc01a7Kq2Xc9PzL0mB4nR8sT1vW5yA3dF6gH2jK9Q',
        consent_cnt: '2',
        consent_list: [
          {
            org_code: 'HNBANK0001',
            scope: 'bank.list bank.deposit bank.loan',
            consent_date: '20261103',
            consent_end_date: '20311102',
          },
          {
            org_code: 'HNCARD0001',
            scope: 'card.list card.card card.bill',
            consent_date: '20261110',
            consent_end_date: '20271109',
          },
        ],
      },
      {
        client_id: 'hnwalletLite1a7Kq2Xc9PzL0mB4nR8sT1vW5yA3dF6gH2jK9Q',
        consent_cnt: '1',
        consent_list: [
          {
            org_code: 'HNINSU0001',
            scope: 'insu.list insu.insurance',
            consent_date: '20260901',
            consent_end_date: '20270831',
          },
        ],
      },
    ],
  };

  it('AC01: the entry matches chapter 7 (POST /{version}/mgmts/consents, JSON, served by operators)', () => {
    const api = expectEntry('지원-103', {
      code: 'SU13',
      method: 'POST',
      group: 'support-participant',
      providedBy: ['operator'],
      calledBy: ['portal'],
      path: '/v2/mgmts/consents',
    });
    expectRspCodeApi(api, 'json');
    expect(api.request.shape).toBe(CONSENTS_BODY);
    expect(api.response).toBe(MEMBER_CONSENTS_RESPONSE);
  });

  it('AC02: a member’s valid consents decode into dates and round-trip; a non-member answers is_member only', () => {
    expect(roundTrip(CONSENTS_BODY, { org_code: 'HNWALLET01', user_ci: CI }, 'body').user_ci).toBe(CI);
    const parsed = roundTrip(MEMBER_CONSENTS_RESPONSE, MEMBER, 'response');
    expect(parsed.is_member).toBe(true);
    expect(parsed.service_cnt).toBe(2);
    expect(parsed.service_list?.[0]?.consent_list?.[1]?.consent_end_date?.toString()).toBe('2027-11-09');
    expect(roundTrip(MEMBER_CONSENTS_RESPONSE, { is_member: 'false' }, 'response')).toEqual({ is_member: false });
  });

  it('AC03: a user_ci that is not Base64, or over B64(100), is refused with 40001 naming user_ci', () => {
    expect(
      errorOf(() =>
        decodeMessage(CONSENTS_BODY, { org_code: 'HNWALLET01', user_ci: '홍길동-CI' }, { location: 'body' }),
      ),
    ).toMatchObject({ field: 'user_ci', rule: 'format', rspCode: '40001' });
    expect(
      errorOf(() =>
        decodeMessage(CONSENTS_BODY, { org_code: 'HNWALLET01', user_ci: 'A'.repeat(101) }, { location: 'body' }),
      ),
    ).toMatchObject({ field: 'user_ci', rule: 'length' });
  });

  it('AC04: a consent_date that is not YYYYMMDD is refused, naming the item', () => {
    const bad = structuredClone(MEMBER);
    bad.service_list[0]!.consent_list[0]!.consent_date = '2026-11-03';
    expect(errorOf(() => decodeMessage(MEMBER_CONSENTS_RESPONSE, bad, { location: 'response' }))).toMatchObject({
      field: 'service_list[0].consent_list[0].consent_date',
      rule: 'format',
    });
  });
});

describe('지원-104 통계자료 재전송 요청', () => {
  const QUERY = { org_code: 'HNWALLET01', org_type: '01', inquiry_date: '20261122', type: '0' };

  it('AC01: the entry matches chapter 7 (GET /{version}/mgmts/req-statistics, served by operators and providers)', () => {
    const api = expectEntry('지원-104', {
      code: 'SU14',
      method: 'GET',
      group: 'support-participant',
      providedBy: ['operator', 'provider'],
      calledBy: ['portal'],
      path: '/v2/mgmts/req-statistics',
    });
    expectRspCodeApi(api, 'query');
    expect(api.request.shape).toBe(REQ_STATISTICS_QUERY);
    expect(api.response).toEqual([]);
  });

  it('AC02: a re-send request decodes (inquiry_date a Sunday, type 0) and round-trips', () => {
    const q = roundTrip(REQ_STATISTICS_QUERY, QUERY, 'query');
    expect(q.type).toBe(0);
    expect(q.org_type).toBe('01');
    expect(q.inquiry_date.dayOfWeek).toBe(7);
    expect(
      roundTrip(REQ_STATISTICS_QUERY, { ...QUERY, org_code: 'HNBANK0001', org_type: '03', type: '2' }, 'query').type,
    ).toBe(2);
  });

  it('AC03: org_type outside 01/02/03 (these are not the registry codes) is refused with 40001', () => {
    expect(
      errorOf(() => decodeMessage(REQ_STATISTICS_QUERY, { ...QUERY, org_type: '04' }, { location: 'query' })),
    ).toMatchObject({ field: 'org_type', rule: 'enum', rspCode: '40001' });
  });

  it('AC04: type above 2 and a missing inquiry_date are refused', () => {
    expect(
      errorOf(() => decodeMessage(REQ_STATISTICS_QUERY, { ...QUERY, type: '3' }, { location: 'query' })),
    ).toMatchObject({ field: 'type', rule: 'enum' });
    expect(decodeMessage(REQ_STATISTICS_QUERY, { ...QUERY, type: '0' }, { location: 'query' }).type).toBe(0);
    const { inquiry_date: _d, ...noDate } = QUERY;
    expect(errorOf(() => decodeMessage(REQ_STATISTICS_QUERY, noDate, { location: 'query' }))).toMatchObject({
      field: 'inquiry_date',
      rule: 'required',
    });
  });
});

describe('the support catalogue and its field dictionaries', () => {
  it('AC01: holds 지원-001…006 and 101…104 with the codes SU01…06, SU11…14', () => {
    expect(SUPPORT_APIS.map((a) => [a.id, a.code])).toEqual([
      ['지원-001', 'SU01'],
      ['지원-002', 'SU02'],
      ['지원-003', 'SU03'],
      ['지원-004', 'SU04'],
      ['지원-005', 'SU05'],
      ['지원-006', 'SU06'],
      ['지원-101', 'SU11'],
      ['지원-102', 'SU12'],
      ['지원-103', 'SU13'],
      ['지원-104', 'SU14'],
    ]);
    // Versioned paths carry {version}; the token endpoints have none.
    for (const api of SUPPORT_APIS) {
      expect(api.resource.startsWith(api.errorStyle === 'oauth' ? '/mgmts/oauth/' : '/{version}/mgmts/'), api.id).toBe(
        true,
      );
    }
  });

  it('AC02: each field name is defined in exactly one dictionary, and none redefines a COMMON_FIELDS name', () => {
    const dicts = { COMMON_FIELDS, COMMON_INFO_FIELDS, AUTH_FIELDS, CA_FIELDS, SUPPORT_FIELDS };
    const owner = new Map<string, string>();
    for (const [dictName, dict] of Object.entries(dicts)) {
      for (const name of Object.keys(dict)) {
        expect(owner.get(name), `${name} in ${dictName} and ${owner.get(name)}`).toBeUndefined();
        owner.set(name, dictName);
      }
    }
  });

  it('AC03: every field def of the new dictionaries says whether it is provisional', () => {
    for (const dict of [COMMON_INFO_FIELDS, AUTH_FIELDS, CA_FIELDS, SUPPORT_FIELDS]) {
      for (const [name, def] of Object.entries(dict)) expect(typeof def.provisional, name).toBe('boolean');
    }
  });
});
