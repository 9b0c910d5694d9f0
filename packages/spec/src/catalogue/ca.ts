import { AUTH_FIELDS } from '../fields/auth.ts';
import { CA_FIELDS } from '../fields/ca.ts';
import { COMMON_FIELDS } from '../fields/common.ts';
import { SUPPORT_FIELDS } from '../fields/support.ts';
import { list, vocabulary } from '../schema/shape.ts';
import { fixed, plainApi } from './plain-api.ts';

const { req, opt } = vocabulary({ ...COMMON_FIELDS, ...AUTH_FIELDS, ...SUPPORT_FIELDS, ...CA_FIELDS });

const WITH_TOKEN = { required: ['authorization', 'x-api-tran-id'] } as const;

const SOURCE =
  '별첨2 (사설인증서 기반 통합인증) is not public: fields, codes and lengths follow the RB testbed and the notes §4.3 Flow B.';

/** 통합인증-101 form: the CA token, client_credentials with scope "ca". */
export const CA_TOKEN_FORM = [
  fixed(req('grant_type'), 'client_credentials'),
  req('client_id'),
  req('client_secret'),
  fixed(req('scope'), 'ca'),
] as const;

export const CA_TOKEN_RESPONSE = [
  fixed(req('token_type'), 'Bearer'),
  req('access_token'),
  req('expires_in'),
  fixed(req('scope'), 'ca'),
] as const;

/** 통합인증-102 body: one signing request covering the consents for several providers. */
export const SIGN_REQUEST_BODY = [
  req('sign_tx_id'),
  req('user_ci'),
  req('real_name'),
  req('phone_num'),
  req('request_title'),
  req('device_code'),
  req('device_browser'),
  opt('return_app_scheme_url'),
  req('consent_type'),
  list('consent_list', 'consent_cnt', [req('tx_id'), req('consent_title'), req('consent'), req('consent_len')], {
    ko: '전송요구 목록',
    en: 'Consents to sign, one per provider',
    countType: SUPPORT_FIELDS.consent_cnt.type,
  }),
] as const;

export const SIGN_REQUEST_RESPONSE = [req('cert_tx_id')] as const;

/** 통합인증-103 body. */
export const SIGN_RESULT_BODY = [req('cert_tx_id'), req('sign_tx_id')] as const;

export const SIGN_RESULT_RESPONSE = [
  list('signed_consent_list', 'signed_consent_cnt', [req('tx_id'), req('signed_consent'), req('signed_consent_len')], {
    ko: '서명된 전송요구 목록',
    en: 'Signed consents, one per provider',
    countType: CA_FIELDS.signed_consent_cnt.type,
  }),
] as const;

/** 통합인증-104 body: the provider asks the CA to verify one signed consent and return the CI. */
export const SIGN_VERIFICATION_BODY = [
  req('tx_id'),
  req('cert_tx_id'),
  req('signed_consent_len'),
  req('signed_consent'),
  req('consent_type'),
  req('consent_len'),
  req('consent'),
] as const;

export const SIGN_VERIFICATION_RESPONSE = [req('tx_id'), req('result'), opt('user_ci')] as const;

export const CA_APIS = [
  plainApi({
    id: '통합인증-101',
    code: 'CA01',
    ko: '접근토큰 발급 (통합인증기관)',
    en: "Access token of the integrated CA's APIs",
    group: 'ca',
    providedBy: ['ca'],
    calledBy: ['operator', 'provider'],
    method: 'POST',
    resource: '/oauth/2.0/token',
    scope: 'ca',
    headers: { required: ['x-api-tran-id'] },
    location: 'form',
    request: CA_TOKEN_FORM,
    response: CA_TOKEN_RESPONSE,
    errorStyle: 'oauth',
    provisional: true,
    notes: `${SOURCE} Operators call it before 통합인증-102/103; providers need the same token to call 통합인증-104 (Bearer), so both call it. No refresh token.`,
  }),
  plainApi({
    id: '통합인증-102',
    code: 'CA02',
    ko: '전자서명 요청',
    en: 'Signing request',
    group: 'ca',
    providedBy: ['ca'],
    calledBy: ['operator'],
    method: 'POST',
    resource: '/ca/sign_request',
    scope: 'ca',
    headers: WITH_TOKEN,
    location: 'json',
    request: SIGN_REQUEST_BODY,
    response: SIGN_REQUEST_RESPONSE,
    errorStyle: 'rsp_code',
    provisional: true,
    notes: `${SOURCE} The CA pushes the request to the user's CA app; the answer's cert_tx_id names the signing from then on.`,
  }),
  plainApi({
    id: '통합인증-103',
    code: 'CA03',
    ko: '전자서명 결과 조회',
    en: 'Signing result',
    group: 'ca',
    providedBy: ['ca'],
    calledBy: ['operator'],
    method: 'POST',
    resource: '/ca/sign_result',
    scope: 'ca',
    headers: WITH_TOKEN,
    location: 'json',
    request: SIGN_RESULT_BODY,
    response: SIGN_RESULT_RESPONSE,
    errorStyle: 'rsp_code',
    provisional: true,
    notes: `${SOURCE} Each signed consent goes to its provider's 통합인증-002 with auth_type 1 and the cert_tx_id.`,
  }),
  plainApi({
    id: '통합인증-104',
    code: 'CA04',
    ko: '전자서명 검증',
    en: 'Signature verification (returns the CI)',
    group: 'ca',
    providedBy: ['ca'],
    calledBy: ['provider'],
    method: 'POST',
    resource: '/ca/sign_verification',
    scope: 'ca',
    headers: WITH_TOKEN,
    location: 'json',
    request: SIGN_VERIFICATION_BODY,
    response: SIGN_VERIFICATION_RESPONSE,
    errorStyle: 'rsp_code',
    provisional: true,
    notes: `${SOURCE} The provider compares the returned user_ci with the username of 통합인증-002 before issuing tokens; user_ci is absent when result is false.`,
  }),
];
