import { AUTH_FIELDS } from '../fields/auth.ts';
import { COMMON_FIELDS } from '../fields/common.ts';
import { vocabulary } from '../schema/shape.ts';
import { fixed, oneOf, plainApi } from './plain-api.ts';

const { req, opt } = vocabulary({ ...COMMON_FIELDS, ...AUTH_FIELDS });

const TRAN_ID_ONLY = { required: ['x-api-tran-id'] } as const;

/** 개별인증-001 query (§5.1.1). Headers x-user-ci (B64(100)) and x-api-tran-id carry the rest. */
export const AUTHORIZE_QUERY = [
  req('org_code'),
  req('response_type'),
  req('client_id'),
  req('redirect_uri'),
  req('app_scheme'),
  req('state'),
] as const;

/** 개별인증-001 app-mode answer: HTTP 200 JSON (규격 §3.2.1 ④). Web mode answers 302 instead. */
export const AUTHORIZE_APP_RESPONSE = [
  req('org_code'),
  req('app_scheme_iOS'),
  req('install_url_iOS'),
  req('app_scheme_android'),
  req('install_url_android'),
] as const;

/** The query the provider appends to the callback URL on success (302 Location, §5.1.1). */
export const AUTHORIZE_CALLBACK = [req('code'), req('state'), req('api_tran_id')] as const;

/** The query (302) or JSON body (400/405: bad client_id or redirect_uri) of a failed authorize. */
export const AUTHORIZE_ERROR = [req('error'), opt('error_description'), req('state'), req('api_tran_id')] as const;

/** The error body of every token and revoke endpoint (RFC 6749 §5.2, RFC 7009; 첨부1). */
export const OAUTH_ERROR_BODY = [req('error'), opt('error_description')] as const;

/** 개별인증-002 and 통합인증-002 answer (no rsp_code envelope). */
export const TOKEN_RESPONSE = [
  fixed(req('token_type'), 'Bearer'),
  req('access_token'),
  req('expires_in'),
  req('refresh_token'),
  req('refresh_token_expires_in'),
  req('scope'),
] as const;

export const CODE_TOKEN_FORM = [
  req('org_code'),
  fixed(req('grant_type'), 'authorization_code'),
  req('code'),
  req('client_id'),
  req('client_secret'),
  req('redirect_uri'),
] as const;

export const REFRESH_TOKEN_FORM = [
  req('org_code'),
  fixed(req('grant_type'), 'refresh_token'),
  req('refresh_token'),
  req('client_id'),
  req('client_secret'),
] as const;

/** 개별인증-003 answer: a new access token only (§5.1.3). */
export const REFRESH_TOKEN_RESPONSE = [
  fixed(req('token_type'), 'Bearer'),
  req('access_token'),
  req('expires_in'),
] as const;

export const REVOKE_FORM = [
  req('org_code'),
  req('token'),
  req('client_id'),
  req('client_secret'),
  opt('token_type_hint'),
] as const;

/** 개별인증-004 answer: HTTP 200 with rsp_code/rsp_msg, also for an unknown token ('99999'). */
export const REVOKE_RESPONSE = [req('rsp_code'), req('rsp_msg')] as const;

/** 통합인증-002 form (별첨1/별첨2; provisional). */
export const PASSWORD_TOKEN_FORM = [
  req('tx_id'),
  req('org_code'),
  fixed(req('grant_type'), 'password'),
  req('client_id'),
  req('client_secret'),
  req('ca_code'),
  req('username'),
  req('request_type'),
  req('password_len'),
  req('password'),
  oneOf(req('auth_type'), ['0', '1']),
  req('consent_type'),
  req('consent_len'),
  req('consent'),
  opt('signed_person_info_req_len'),
  opt('signed_person_info_req'),
  opt('consent_nonce'),
  opt('ucpid_nonce'),
  opt('cert_tx_id'),
  opt('service_id'),
] as const;

/** 통합인증-002 answer: the token answer, with the tx_id echoed (provisional). */
export const PASSWORD_TOKEN_RESPONSE = [opt('tx_id'), ...TOKEN_RESPONSE] as const;

export const AUTH_APIS = [
  plainApi({
    id: '개별인증-001',
    code: 'AU01',
    ko: '인가코드 발급 요청',
    en: 'Authorization code request',
    group: 'auth',
    providedBy: ['provider'],
    calledBy: ['operator'],
    method: 'GET',
    resource: '/oauth/2.0/authorize',
    scope: null,
    headers: { required: ['x-user-ci', 'x-api-tran-id'] },
    location: 'query',
    request: AUTHORIZE_QUERY,
    response: AUTHORIZE_APP_RESPONSE,
    errorStyle: 'oauth',
    provisional: false,
    notes:
      "The normal answer is HTTP 302: in web mode Location is the provider's authentication page (the operator server passes it to the app's WebView and does not follow it); after authentication and consent the provider redirects to redirect_uri with AUTHORIZE_CALLBACK (code, state, api_tran_id). The response shape here is the app-mode answer, HTTP 200 JSON (규격 §3.2.1 ④). A bad client_id or redirect_uri answers JSON AUTHORIZE_ERROR with HTTP 400/405; other errors redirect to the callback with AUTHORIZE_ERROR in the query. The provider must compare x-user-ci with the CI it holds (unauthorized_user).",
  }),
  plainApi({
    id: '개별인증-002',
    code: 'AU02',
    ko: '접근토큰 발급 요청',
    en: 'Access token from an authorization code',
    group: 'auth',
    providedBy: ['provider'],
    calledBy: ['operator'],
    method: 'POST',
    resource: '/oauth/2.0/token',
    scope: null,
    headers: TRAN_ID_ONLY,
    location: 'form',
    request: CODE_TOKEN_FORM,
    response: TOKEN_RESPONSE,
    errorStyle: 'oauth',
    discriminator: { field: 'grant_type', value: 'authorization_code' },
    provisional: false,
    notes: 'redirect_uri must equal the one of 개별인증-001. Errors: OAUTH_ERROR_BODY (첨부1).',
  }),
  plainApi({
    id: '개별인증-003',
    code: 'AU03',
    ko: '접근토큰 갱신',
    en: 'Access token from a refresh token',
    group: 'auth',
    providedBy: ['provider'],
    calledBy: ['operator'],
    method: 'POST',
    resource: '/oauth/2.0/token',
    scope: null,
    headers: TRAN_ID_ONLY,
    location: 'form',
    request: REFRESH_TOKEN_FORM,
    response: REFRESH_TOKEN_RESPONSE,
    errorStyle: 'oauth',
    discriminator: { field: 'grant_type', value: 'refresh_token' },
    provisional: false,
    notes: 'Answers a new access token only; the refresh token keeps its lifetime. Errors: OAUTH_ERROR_BODY.',
  }),
  plainApi({
    id: '개별인증-004',
    code: 'AU04',
    ko: '접근토큰 폐기',
    en: 'Revoke the access and refresh tokens',
    group: 'auth',
    providedBy: ['provider'],
    calledBy: ['operator'],
    method: 'POST',
    resource: '/oauth/2.0/revoke',
    scope: null,
    headers: TRAN_ID_ONLY,
    location: 'form',
    request: REVOKE_FORM,
    response: REVOKE_RESPONSE,
    errorStyle: 'oauth',
    provisional: false,
    notes:
      "Used when the data subject withdraws the consent; revokes the refresh token too, for tokens from either auth method. Per RFC 7009 it answers HTTP 200 even for an invalid token, with rsp_code '99999' (the rsp_code/rsp_msg pair is written out in the response shape); other errors use OAUTH_ERROR_BODY. token_type_hint is not in the standard (RFC 7009; sent by some operators).",
  }),
  plainApi({
    id: '통합인증-002',
    code: 'AU12',
    ko: '접근토큰 발급 요청 (정보제공자 제공)',
    en: 'Access token from an integrated-auth signature',
    group: 'auth',
    providedBy: ['provider'],
    calledBy: ['operator'],
    method: 'POST',
    resource: '/oauth/2.0/token',
    scope: null,
    headers: TRAN_ID_ONLY,
    location: 'form',
    request: PASSWORD_TOKEN_FORM,
    response: PASSWORD_TOKEN_RESPONSE,
    errorStyle: 'oauth',
    discriminator: { field: 'grant_type', value: 'password' },
    provisional: true,
    notes:
      'Detail in 별첨1 (인증서 본인확인, auth_type 0: signed_person_info_req, consent_nonce, ucpid_nonce) and 별첨2 (사설인증서, auth_type 1: cert_tx_id), neither public; fields from the notes §4.3 (NH25, RB). The provider verifies the signature, gets the CI (from the CA, or 통합인증-104), compares it with username, then issues tokens as 개별인증-002. Relayed providers: the relay does this.',
  }),
];
