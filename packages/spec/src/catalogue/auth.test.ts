import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, type WireObject } from '../schema/message-codec.ts';
import type { Infer, Shape } from '../schema/shape.ts';
import type { WireLocation } from '../wire/wire-error.ts';
import {
  AUTH_APIS,
  AUTHORIZE_APP_RESPONSE,
  AUTHORIZE_CALLBACK,
  AUTHORIZE_ERROR,
  AUTHORIZE_QUERY,
  CODE_TOKEN_FORM,
  OAUTH_ERROR_BODY,
  PASSWORD_TOKEN_FORM,
  PASSWORD_TOKEN_RESPONSE,
  REFRESH_TOKEN_FORM,
  REFRESH_TOKEN_RESPONSE,
  REVOKE_FORM,
  REVOKE_RESPONSE,
  TOKEN_RESPONSE,
} from './auth.ts';
import { apiById, apiPath } from './index.ts';
import { wireErrorOf as errorOf } from '../testing/wire-error-of.ts';

function roundTrip<const S extends Shape>(shape: S, wire: WireObject, location: WireLocation): Infer<S> {
  const parsed = decodeMessage(shape, wire, { location });
  expect(encodeMessage(shape, parsed, { location })).toEqual(wire);
  return parsed;
}

const CLIENT = {
  client_id: 'hnwalletSvc01a7Kq2Xc9PzL0mB4nR8sT1vW5yA3dF6gH2jK9Q',
  client_secret: 'Zx81Lm0Qw3Er5Ty7Ui9Op2As4Df6Gh8Jk0Lz3Xc5Vb7Nm9Qw1',
};
const ACCESS_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJITkJBTkswMDAxIiwiYXVkIjoiSE5XQUxMRVQwMSIsImp0aSI6IjdmM2M5ZTFhIiwic2NvcGUiOiJiYW5rLmxpc3QgYmFuay5kZXBvc2l0In0.q3Fz8mXr2kVb1N0sJ4hT7yWc5eLd9aPu6gRo3iKx0Ms';
const REFRESH_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJITkJBTkswMDAxIiwidHlwIjoicmVmcmVzaCIsImp0aSI6IjFiMmMzZDRlIn0.Wm9s3Kd8vQ1pL7xR2nT5yB0cF4gH6jN8aE1rU3iO5Ps';
const REDIRECT_URI = 'https%3A%2F%2Fapi.hnwallet.example%2Foauth%2Fcallback';

const TOKEN_ANSWER = {
  token_type: 'Bearer',
  access_token: ACCESS_TOKEN,
  expires_in: '7776000',
  refresh_token: REFRESH_TOKEN,
  refresh_token_expires_in: '31536000',
  scope: 'bank.list bank.deposit bank.loan',
};

describe('개별인증-001 인가코드 발급 요청', () => {
  const api = apiById('개별인증-001');
  const QUERY = {
    org_code: 'HNBANK0001',
    response_type: 'code',
    client_id: CLIENT.client_id,
    redirect_uri: REDIRECT_URI,
    app_scheme: 'hnwallet%3A%2F%2Fmydata%2Fauth',
    state: 'b7f3c9e1a2d44f6b8c0e5a9d7f1b3c2e',
  };

  it('AC01: the entry matches chapter 5 (GET /oauth/2.0/authorize, x-user-ci and x-api-tran-id, query)', () => {
    expect(api).toMatchObject({
      code: 'AU01',
      group: 'auth',
      method: 'GET',
      resource: '/oauth/2.0/authorize',
      providedBy: ['provider'],
      calledBy: ['operator'],
      scope: null,
      errorStyle: 'oauth',
      provisional: false,
    });
    expect(api.headers.required).toEqual(['x-user-ci', 'x-api-tran-id']);
    expect(api.request.location).toBe('query');
    expect(api.request.shape).toBe(AUTHORIZE_QUERY);
    expect(api.response).toBe(AUTHORIZE_APP_RESPONSE);
    expect(api.notes).toMatch(/302/);
    expect(apiPath(api, { version: 'v2' })).toBe('/oauth/2.0/authorize');
  });

  it('AC02: a realistic authorize query decodes and round-trips; URL-encoded URIs stay as sent', () => {
    const q = roundTrip(AUTHORIZE_QUERY, QUERY, 'query');
    expect(q.response_type).toBe('code');
    expect(q.redirect_uri).toBe(REDIRECT_URI);
  });

  it('AC03: the app-mode 200 answer, the callback and the error redirect decode and round-trip', () => {
    const app = roundTrip(
      AUTHORIZE_APP_RESPONSE,
      {
        org_code: 'HNBANK0001',
        app_scheme_iOS: 'mydataProviderApp07://auth?session=9f2c1e&tran_id=HNWALLET01M20261124A1B2C3',
        install_url_iOS: 'https://apps.apple.com/kr/app/id1234567890',
        app_scheme_android: 'hnbank://mydata/auth?session=9f2c1e',
        install_url_android: 'https://play.google.com/store/apps/details?id=kr.example.hnbank',
      },
      'response',
    );
    expect(app.app_scheme_iOS).toMatch(/^mydataProviderApp07:/);
    const callback = roundTrip(
      AUTHORIZE_CALLBACK,
      { code: 'SplxlOBeZQQYbYS6WxSbIA', state: QUERY.state, api_tran_id: 'HNWALLET01M0A1B2C3D4E5F6G' },
      'query',
    );
    expect(callback.api_tran_id).toBe('HNWALLET01M0A1B2C3D4E5F6G');
    const error = roundTrip(
      AUTHORIZE_ERROR,
      {
        error: 'unauthorized_user',
        error_description: '정보주체 CI 불일치',
        state: QUERY.state,
        api_tran_id: 'HNWALLET01M0A1B2C3D4E5F6G',
      },
      'query',
    );
    expect(error.error).toBe('unauthorized_user');
  });

  it('AC04: response_type other than "code" is refused with 40001 naming the field', () => {
    const e = errorOf(() =>
      decodeMessage(AUTHORIZE_QUERY, { ...QUERY, response_type: 'token' }, { location: 'query' }),
    );
    expect(e).toMatchObject({ field: 'response_type', rule: 'enum', rspCode: '40001' });
  });

  it('AC05: a state with symbols (not aN(40)) or a missing redirect_uri is refused', () => {
    expect(
      errorOf(() => decodeMessage(AUTHORIZE_QUERY, { ...QUERY, state: 'abc-123' }, { location: 'query' })),
    ).toMatchObject({ field: 'state', rule: 'format', rspCode: '40001' });
    const { redirect_uri: _r, ...noRedirect } = QUERY;
    expect(errorOf(() => decodeMessage(AUTHORIZE_QUERY, noRedirect, { location: 'query' }))).toMatchObject({
      field: 'redirect_uri',
      rule: 'required',
    });
  });
});

describe('개별인증-002 접근토큰 발급 요청', () => {
  const api = apiById('개별인증-002');
  const FORM = {
    org_code: 'HNBANK0001',
    grant_type: 'authorization_code',
    code: 'SplxlOBeZQQYbYS6WxSbIA',
    ...CLIENT,
    redirect_uri: REDIRECT_URI,
  };

  it('AC01: the entry matches chapter 5 (POST /oauth/2.0/token, form, grant_type=authorization_code)', () => {
    expect(api).toMatchObject({
      code: 'AU02',
      group: 'auth',
      method: 'POST',
      resource: '/oauth/2.0/token',
      scope: null,
      errorStyle: 'oauth',
      discriminator: { field: 'grant_type', value: 'authorization_code' },
      provisional: false,
    });
    expect(api.headers.required).toEqual(['x-api-tran-id']);
    expect(api.request.location).toBe('form');
    expect(api.request.shape).toBe(CODE_TOKEN_FORM);
    expect(api.response).toBe(TOKEN_RESPONSE);
  });

  it('AC02: a code exchange decodes and round-trips; the token answer has no rsp_code envelope', () => {
    expect(roundTrip(CODE_TOKEN_FORM, FORM, 'form').grant_type).toBe('authorization_code');
    const token = roundTrip(TOKEN_RESPONSE, TOKEN_ANSWER, 'response');
    expect(token.expires_in).toBe(7776000);
    expect(token.refresh_token_expires_in).toBe(31536000);
    expect(TOKEN_RESPONSE.map((n) => n.name)).not.toContain('rsp_code');
  });

  it('AC03: another grant_type is refused by this API’s form with 40001', () => {
    const e = errorOf(() => decodeMessage(CODE_TOKEN_FORM, { ...FORM, grant_type: 'password' }, { location: 'form' }));
    expect(e).toMatchObject({ field: 'grant_type', rule: 'enum', rspCode: '40001', location: 'form' });
  });

  it('AC04: a client_id over aN(50) or an expires_in over N(9) is refused', () => {
    expect(
      errorOf(() =>
        decodeMessage(CODE_TOKEN_FORM, { ...FORM, client_id: `${CLIENT.client_id}X` }, { location: 'form' }),
      ),
    ).toMatchObject({ field: 'client_id', rule: 'length' });
    expect(
      errorOf(() =>
        decodeMessage(TOKEN_RESPONSE, { ...TOKEN_ANSWER, expires_in: '1000000000' }, { location: 'response' }),
      ),
    ).toMatchObject({ field: 'expires_in', rule: 'length' });
  });

  it('AC05: token_type must be Bearer', () => {
    expect(
      errorOf(() => decodeMessage(TOKEN_RESPONSE, { ...TOKEN_ANSWER, token_type: 'MAC' }, { location: 'response' })),
    ).toMatchObject({ field: 'token_type', rule: 'enum' });
  });
});

describe('개별인증-003 접근토큰 갱신', () => {
  const api = apiById('개별인증-003');
  const FORM = { org_code: 'HNBANK0001', grant_type: 'refresh_token', refresh_token: REFRESH_TOKEN, ...CLIENT };

  it('AC01: the entry matches chapter 5 (POST /oauth/2.0/token, form, grant_type=refresh_token)', () => {
    expect(api).toMatchObject({
      code: 'AU03',
      method: 'POST',
      resource: '/oauth/2.0/token',
      errorStyle: 'oauth',
      discriminator: { field: 'grant_type', value: 'refresh_token' },
      provisional: false,
    });
    expect(api.request.location).toBe('form');
    expect(api.request.shape).toBe(REFRESH_TOKEN_FORM);
    expect(api.response).toBe(REFRESH_TOKEN_RESPONSE);
  });

  it('AC02: a refresh decodes and round-trips, answering a new access token only', () => {
    expect(roundTrip(REFRESH_TOKEN_FORM, FORM, 'form').refresh_token).toBe(REFRESH_TOKEN);
    const answer = roundTrip(
      REFRESH_TOKEN_RESPONSE,
      { token_type: 'Bearer', access_token: ACCESS_TOKEN, expires_in: '7776000' },
      'response',
    );
    expect(answer.expires_in).toBe(7776000);
  });

  it('AC03: a refresh without refresh_token, or with grant_type authorization_code, is refused with 40001', () => {
    const { refresh_token: _r, ...noToken } = FORM;
    expect(errorOf(() => decodeMessage(REFRESH_TOKEN_FORM, noToken, { location: 'form' }))).toMatchObject({
      field: 'refresh_token',
      rule: 'required',
      rspCode: '40001',
    });
    expect(
      errorOf(() =>
        decodeMessage(REFRESH_TOKEN_FORM, { ...FORM, grant_type: 'authorization_code' }, { location: 'form' }),
      ),
    ).toMatchObject({ field: 'grant_type', rule: 'enum' });
  });
});

describe('개별인증-004 접근토큰 폐기', () => {
  const api = apiById('개별인증-004');
  const FORM = { org_code: 'HNBANK0001', token: ACCESS_TOKEN, ...CLIENT };

  it('AC01: the entry matches chapter 5 (POST /oauth/2.0/revoke, form, answers rsp_code/rsp_msg)', () => {
    expect(api).toMatchObject({
      code: 'AU04',
      method: 'POST',
      resource: '/oauth/2.0/revoke',
      errorStyle: 'oauth',
      provisional: false,
    });
    expect(api.discriminator).toBeUndefined();
    expect(api.request.shape).toBe(REVOKE_FORM);
    expect(api.response).toBe(REVOKE_RESPONSE);
    expect(REVOKE_RESPONSE.map((n) => n.name)).toEqual(['rsp_code', 'rsp_msg']);
  });

  it('AC02: a revoke decodes and round-trips; an invalid token still answers 200 with 99999', () => {
    expect(roundTrip(REVOKE_FORM, FORM, 'form').token).toBe(ACCESS_TOKEN);
    expect(roundTrip(REVOKE_FORM, { ...FORM, token_type_hint: 'access_token' }, 'form').token_type_hint).toBe(
      'access_token',
    );
    expect(roundTrip(REVOKE_RESPONSE, { rsp_code: '00000', rsp_msg: '정상처리' }, 'response').rsp_code).toBe('00000');
    expect(
      roundTrip(REVOKE_RESPONSE, { rsp_code: '99999', rsp_msg: '폐기하고자 하는 토큰이 유효하지 않음' }, 'response')
        .rsp_code,
    ).toBe('99999');
  });

  it('AC03: a token longer than aNS(1500) is refused with 40001 naming token', () => {
    const e = errorOf(() => decodeMessage(REVOKE_FORM, { ...FORM, token: 'a'.repeat(1501) }, { location: 'form' }));
    expect(e).toMatchObject({ field: 'token', rule: 'length', rspCode: '40001' });
  });

  it('AC04: the OAuth error body decodes', () => {
    const err = roundTrip(
      OAUTH_ERROR_BODY,
      { error: 'invalid_client', error_description: '클라이언트 인증 실패' },
      'response',
    );
    expect(err.error).toBe('invalid_client');
  });
});

describe('통합인증-002 접근토큰 발급 요청 (정보제공자 제공)', () => {
  const api = apiById('통합인증-002');
  const CI = 'r8Hq3n2Lx0vQ7kZ4mW9pT1sY6bJ5cF2dG8hK3nP0qR7tV4wX1zA6bC9eE2fH5jL8mN1pQ4sU7vY0zB3dF6gJ9k=';
  const CONSENT =
    '{"is_scheduled":"true","snd_org_code":"HNBANK0001","rcv_org_code":"HNWALLET01","holding_period":"20311123","end_date":"20311123","purpose":"자산 통합조회 서비스 제공","cycle":{"fnd_cycle":"1/w","add_cycle":"1/w"},"target_info":{"scope":"bank.list bank.deposit","asset_list":[{"asset":"1102345678901"}]}}';
  const PRIVATE_CERT_FORM = {
    tx_id: 'MD_HNWALLET01_HNBANK0001_HNRELAY001_HNCA000001_20261124093015_000000000001',
    org_code: 'HNBANK0001',
    grant_type: 'password',
    ...CLIENT,
    ca_code: 'HNCA000001',
    username: CI,
    request_type: '1',
    password_len: '64',
    password: 'MIIGxQYJKoZIhvcNAQcCoIIGtjCCBrICAQExDzANBglghkgBZQMEAgEFADCB3wYJ',
    auth_type: '1',
    consent_type: '0',
    consent_len: String(new TextEncoder().encode(CONSENT).length),
    consent: CONSENT,
    cert_tx_id: 'hnca-20261124-7f3e2d1c0b9a8f7e6d5c4b3a',
    service_id: 'HNWALLET01202403150001',
  };

  it('AC01: the entry is POST /oauth/2.0/token (form, grant_type=password) at the provider, provisional', () => {
    expect(api).toMatchObject({
      code: 'AU12',
      group: 'auth',
      method: 'POST',
      resource: '/oauth/2.0/token',
      providedBy: ['provider'],
      calledBy: ['operator'],
      errorStyle: 'oauth',
      discriminator: { field: 'grant_type', value: 'password' },
      provisional: true,
    });
    expect(api.request.location).toBe('form');
    expect(api.request.shape).toBe(PASSWORD_TOKEN_FORM);
    expect(api.response).toBe(PASSWORD_TOKEN_RESPONSE);
  });

  it('AC02: a private-certificate (auth_type 1) request and a 공동인증서 (auth_type 0) request decode and round-trip', () => {
    const b = roundTrip(PASSWORD_TOKEN_FORM, PRIVATE_CERT_FORM, 'form');
    expect(b.auth_type).toBe('1');
    expect(b.consent_len).toBe(new TextEncoder().encode(CONSENT).length);
    const { cert_tx_id: _c, ...rest } = PRIVATE_CERT_FORM;
    const a = roundTrip(
      PASSWORD_TOKEN_FORM,
      {
        ...rest,
        auth_type: '0',
        signed_person_info_req_len: '48',
        signed_person_info_req: 'MIIHRAYJKoZIhvcNAQcCoIIHNTCCBzECAQExDzANBglghkgB',
        consent_nonce: 'dGhpc2lzYW5vbmNlMTIzNA==',
        ucpid_nonce: 'q83vEjRWeJq7zN7vEjRWeA==',
      },
      'form',
    );
    expect(a.signed_person_info_req_len).toBe(48);
    const token = roundTrip(PASSWORD_TOKEN_RESPONSE, { tx_id: PRIVATE_CERT_FORM.tx_id, ...TOKEN_ANSWER }, 'response');
    expect(token.tx_id).toBe(PRIVATE_CERT_FORM.tx_id);
  });

  it('AC03: auth_type outside 0/1 is refused with 40001 naming auth_type', () => {
    const e = errorOf(() =>
      decodeMessage(PASSWORD_TOKEN_FORM, { ...PRIVATE_CERT_FORM, auth_type: '01' }, { location: 'form' }),
    );
    expect(e).toMatchObject({ field: 'auth_type', rule: 'enum', rspCode: '40001' });
  });

  it('AC04: a consent over 7,000 UTF-8 bytes is refused (Hangul counts 3)', () => {
    const big = '가'.repeat(2334); // 7,002 bytes
    const e = errorOf(() =>
      decodeMessage(PASSWORD_TOKEN_FORM, { ...PRIVATE_CERT_FORM, consent: big }, { location: 'form' }),
    );
    expect(e).toMatchObject({ field: 'consent', rule: 'length' });
  });

  it('AC05: a username that is not Base64 (not a CI) is refused', () => {
    const e = errorOf(() =>
      decodeMessage(PASSWORD_TOKEN_FORM, { ...PRIVATE_CERT_FORM, username: '홍길동' }, { location: 'form' }),
    );
    expect(e).toMatchObject({ field: 'username', rule: 'format' });
  });
});

describe('the token endpoint /oauth/2.0/token at a provider', () => {
  it('AC01: 개별인증-002/003 and 통합인증-002 share it, each selected by its own grant_type', () => {
    const shared = AUTH_APIS.filter((a) => a.resource === '/oauth/2.0/token');
    expect(shared.map((a) => [a.id, a.discriminator?.value])).toEqual([
      ['개별인증-002', 'authorization_code'],
      ['개별인증-003', 'refresh_token'],
      ['통합인증-002', 'password'],
    ]);
    for (const api of shared) {
      const grant = api.request.shape.find((n) => n.name === 'grant_type');
      expect(grant?.kind === 'field' && grant.values, api.id).toEqual([api.discriminator?.value]);
    }
    expect(new Set(AUTH_APIS.map((a) => a.code)).size).toBe(AUTH_APIS.length);
  });
});
