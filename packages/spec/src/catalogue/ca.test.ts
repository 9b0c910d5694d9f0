import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, type WireObject } from '../schema/message-codec.ts';
import type { Infer, Shape } from '../schema/shape.ts';
import type { WireLocation } from '../wire/wire-error.ts';
import {
  CA_APIS,
  CA_TOKEN_FORM,
  CA_TOKEN_RESPONSE,
  SIGN_REQUEST_BODY,
  SIGN_REQUEST_RESPONSE,
  SIGN_RESULT_BODY,
  SIGN_RESULT_RESPONSE,
  SIGN_VERIFICATION_BODY,
  SIGN_VERIFICATION_RESPONSE,
} from './ca.ts';
import { apiById, apiPath, apisProvidedBy } from './index.ts';
import { wireErrorOf as errorOf } from '../testing/wire-error-of.ts';

function roundTrip<const S extends Shape>(shape: S, wire: WireObject, location: WireLocation): Infer<S> {
  const parsed = decodeMessage(shape, wire, { location });
  expect(encodeMessage(shape, parsed, { location })).toEqual(wire);
  return parsed;
}

const CI = 'r8Hq3n2Lx0vQ7kZ4mW9pT1sY6bJ5cF2dG8hK3nP0qR7tV4wX1zA6bC9eE2fH5jL8mN1pQ4sU7vY0zB3dF6gJ9kM=';
const SIGN_TX_ID = 'HNWALLET01_HNCA000001_20261124093015_000000000001';
const CERT_TX_ID = 'hnca-20261124-7f3e2d1c0b9a8f7e6d5c4b3a';
const TX_BANK = 'MD_HNWALLET01_HNBANK0001_HNRELAY001_HNCA000001_20261124093015_000000000001';
const TX_CARD = 'MD_HNWALLET01_HNCARD0001_HNRELAY001_HNCA000001_20261124093015_000000000002';
const CONSENT_BANK =
  '{"is_scheduled":"true","snd_org_code":"HNBANK0001","rcv_org_code":"HNWALLET01","end_date":"20311123","purpose":"자산 통합조회","target_info":{"scope":"bank.list bank.deposit"}}';
const CONSENT_CARD = '{"snd_org_code":"HNCARD0001","rcv_org_code":"HNWALLET01","target_info":{"scope":"card.list"}}';
const SIGNED =
  'MIIGxQYJKoZIhvcNAQcCoIIGtjCCBrICAQExDzANBglghkgBZQMEAgEFADCB3wYJKoZIhvcNAQcBoIHRBIHOeyJjb25zZW50Ijp7fX0';
const bytes = (s: string) => String(new TextEncoder().encode(s).length);

/** Every CA entry: group ca, provided by the CA, scope ca, provisional (별첨2 is not public). */
function expectCaEntry(id: string) {
  const api = apiById(id);
  expect(api.group).toBe('ca');
  expect(api.providedBy).toEqual(['ca']);
  expect(api.scope).toBe('ca');
  expect(api.provisional).toBe(true);
  expect(apisProvidedBy('ca').map((a) => a.id)).toContain(id);
  return api;
}

describe('통합인증-101 접근토큰 발급 (통합인증기관)', () => {
  const FORM = {
    grant_type: 'client_credentials',
    client_id: 'hnwalletCa01a7Kq2Xc9PzL0mB4nR8sT1vW5yA3dF6gH2jK9Qw',
    client_secret: 'Zx81Lm0Qw3Er5Ty7Ui9Op2As4Df6Gh8Jk0Lz3Xc5Vb7Nm9Qw1P',
    scope: 'ca',
  };

  it('AC01: the entry is POST /oauth/2.0/token at the CA, form, scope ca, called by operators and providers', () => {
    const api = expectCaEntry('통합인증-101');
    expect(api).toMatchObject({ code: 'CA01', method: 'POST', resource: '/oauth/2.0/token', errorStyle: 'oauth' });
    expect(api.calledBy).toEqual(['operator', 'provider']);
    expect(api.request.location).toBe('form');
    expect(api.headers.required).toEqual(['x-api-tran-id']);
    expect(api.request.shape).toBe(CA_TOKEN_FORM);
    expect(api.response).toBe(CA_TOKEN_RESPONSE);
  });

  it('AC02: a client-credentials request and its token decode and round-trip', () => {
    expect(roundTrip(CA_TOKEN_FORM, FORM, 'form').scope).toBe('ca');
    const token = roundTrip(
      CA_TOKEN_RESPONSE,
      {
        token_type: 'Bearer',
        access_token: 'eyJhbGciOiJIUzI1NiJ9.eyJzY29wZSI6ImNhIn0.c2ln',
        expires_in: '86400',
        scope: 'ca',
      },
      'response',
    );
    expect(token.expires_in).toBe(86400);
  });

  it('AC03: a scope other than ca is refused with 40001 naming scope', () => {
    expect(
      errorOf(() => decodeMessage(CA_TOKEN_FORM, { ...FORM, scope: 'manage' }, { location: 'form' })),
    ).toMatchObject({ field: 'scope', rule: 'enum', rspCode: '40001' });
  });
});

describe('통합인증-102 전자서명 요청', () => {
  const BODY = {
    sign_tx_id: SIGN_TX_ID,
    user_ci: CI,
    real_name: '김한눈',
    phone_num: '+821012345678',
    request_title: '한눈지갑 마이데이터 전송요구 서명',
    device_code: 'MO',
    device_browser: 'NA',
    return_app_scheme_url: 'hnwallet://mydata/signed',
    consent_type: '0',
    consent_cnt: '2',
    consent_list: [
      { tx_id: TX_BANK, consent_title: '한눈은행 전송요구', consent: CONSENT_BANK, consent_len: bytes(CONSENT_BANK) },
      { tx_id: TX_CARD, consent_title: '한눈카드 전송요구', consent: CONSENT_CARD, consent_len: bytes(CONSENT_CARD) },
    ],
  };

  it('AC01: the entry is POST /ca/sign_request (JSON, Bearer), called by operators', () => {
    const api = expectCaEntry('통합인증-102');
    expect(api).toMatchObject({ code: 'CA02', method: 'POST', resource: '/ca/sign_request', errorStyle: 'rsp_code' });
    expect(api.calledBy).toEqual(['operator']);
    expect(api.headers.required).toEqual(['authorization', 'x-api-tran-id']);
    expect(api.request.location).toBe('json');
    expect(apiPath(api, { version: 'v2' })).toBe('/ca/sign_request');
  });

  it('AC02: a signing request for two providers decodes and round-trips', () => {
    const body = roundTrip(SIGN_REQUEST_BODY, BODY, 'body');
    expect(body.consent_cnt).toBe(2);
    expect(body.consent_list[0]?.consent_len).toBe(Number(bytes(CONSENT_BANK)));
    expect(roundTrip(SIGN_REQUEST_RESPONSE, { cert_tx_id: CERT_TX_ID }, 'response').cert_tx_id).toBe(CERT_TX_ID);
  });

  it('AC03: a device_code outside PC/TB/MO is refused with 40001 naming it', () => {
    expect(
      errorOf(() => decodeMessage(SIGN_REQUEST_BODY, { ...BODY, device_code: 'WA' }, { location: 'body' })),
    ).toMatchObject({ field: 'device_code', rule: 'enum', rspCode: '40001' });
  });

  it('AC04: consent_cnt must agree with consent_list; a tx_id over 74 characters is refused', () => {
    expect(
      errorOf(() => decodeMessage(SIGN_REQUEST_BODY, { ...BODY, consent_cnt: '3' }, { location: 'body' })),
    ).toMatchObject({ field: 'consent_cnt', rule: 'count' });
    const long = { ...BODY, consent_list: [{ ...BODY.consent_list[0], tx_id: `${TX_BANK}9` }], consent_cnt: '1' };
    expect(errorOf(() => decodeMessage(SIGN_REQUEST_BODY, long, { location: 'body' }))).toMatchObject({
      field: 'consent_list[0].tx_id',
      rule: 'length',
    });
  });
});

describe('통합인증-103 전자서명 결과 조회', () => {
  it('AC01: the entry is POST /ca/sign_result (JSON, Bearer), called by operators', () => {
    const api = expectCaEntry('통합인증-103');
    expect(api).toMatchObject({ code: 'CA03', method: 'POST', resource: '/ca/sign_result', errorStyle: 'rsp_code' });
    expect(api.calledBy).toEqual(['operator']);
    expect(api.request.shape).toBe(SIGN_RESULT_BODY);
    expect(api.response).toBe(SIGN_RESULT_RESPONSE);
  });

  it('AC02: the result query and the signed consents decode and round-trip', () => {
    roundTrip(SIGN_RESULT_BODY, { cert_tx_id: CERT_TX_ID, sign_tx_id: SIGN_TX_ID }, 'body');
    const result = roundTrip(
      SIGN_RESULT_RESPONSE,
      {
        signed_consent_cnt: '2',
        signed_consent_list: [
          { tx_id: TX_BANK, signed_consent: SIGNED, signed_consent_len: String(SIGNED.length) },
          { tx_id: TX_CARD, signed_consent: `${SIGNED}Ag`, signed_consent_len: String(SIGNED.length + 2) },
        ],
      },
      'response',
    );
    expect(result.signed_consent_list.map((s) => s.tx_id)).toEqual([TX_BANK, TX_CARD]);
    expect(result.signed_consent_cnt).toBe(2);
  });

  it('AC03: a result query without sign_tx_id is refused with 40001', () => {
    expect(
      errorOf(() => decodeMessage(SIGN_RESULT_BODY, { cert_tx_id: CERT_TX_ID }, { location: 'body' })),
    ).toMatchObject({ field: 'sign_tx_id', rule: 'required', rspCode: '40001' });
  });
});

describe('통합인증-104 전자서명 검증', () => {
  const BODY = {
    tx_id: TX_BANK,
    cert_tx_id: CERT_TX_ID,
    signed_consent_len: String(SIGNED.length),
    signed_consent: SIGNED,
    consent_type: '0',
    consent_len: bytes(CONSENT_BANK),
    consent: CONSENT_BANK,
  };

  it('AC01: the entry is POST /ca/sign_verification (JSON, Bearer), called by providers', () => {
    const api = expectCaEntry('통합인증-104');
    expect(api).toMatchObject({
      code: 'CA04',
      method: 'POST',
      resource: '/ca/sign_verification',
      errorStyle: 'rsp_code',
    });
    expect(api.calledBy).toEqual(['provider']);
    expect(api.request.shape).toBe(SIGN_VERIFICATION_BODY);
    expect(api.response).toBe(SIGN_VERIFICATION_RESPONSE);
  });

  it('AC02: a verification request and its answer (result, CI) decode and round-trip', () => {
    expect(roundTrip(SIGN_VERIFICATION_BODY, BODY, 'body').consent_type).toBe('0');
    const ok = roundTrip(SIGN_VERIFICATION_RESPONSE, { tx_id: TX_BANK, result: 'true', user_ci: CI }, 'response');
    expect(ok.result).toBe(true);
    expect(ok.user_ci).toBe(CI);
    expect(roundTrip(SIGN_VERIFICATION_RESPONSE, { tx_id: TX_BANK, result: 'false' }, 'response').result).toBe(false);
  });

  it('AC03: consent_type outside 0/1 and a non-numeric signed_consent_len are refused with 40001', () => {
    expect(
      errorOf(() => decodeMessage(SIGN_VERIFICATION_BODY, { ...BODY, consent_type: '2' }, { location: 'body' })),
    ).toMatchObject({ field: 'consent_type', rule: 'enum', rspCode: '40001' });
    expect(
      errorOf(() =>
        decodeMessage(SIGN_VERIFICATION_BODY, { ...BODY, signed_consent_len: '1e3' }, { location: 'body' }),
      ),
    ).toMatchObject({ field: 'signed_consent_len', rule: 'format' });
  });
});

describe('the integrated CA catalogue', () => {
  it('AC01: holds 통합인증-101…104 with unique codes CA01…CA04', () => {
    expect(CA_APIS.map((a) => [a.id, a.code])).toEqual([
      ['통합인증-101', 'CA01'],
      ['통합인증-102', 'CA02'],
      ['통합인증-103', 'CA03'],
      ['통합인증-104', 'CA04'],
    ]);
  });
});
