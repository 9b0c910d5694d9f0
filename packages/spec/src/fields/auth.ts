import type { FieldDef } from '../schema/shape.ts';
import { AH, AN, aN, aNS, B64, N } from '../wire/wire-type.ts';

/**
 * Fields of the auth APIs (개별인증-001…004, 통합인증-002) and the identity fields shared with the CA and
 * support APIs (client_id, user_ci, auth_type, the consent text). Types of 개별인증 fields come from the
 * standard's chapter 5 tables (and the app-mode table of §3.2.1); 통합인증 fields are defined in 별첨1/별첨2,
 * which are not public, so their types are our reading of implementations (RB testbed, NH25) and provisional.
 */
export const AUTH_FIELDS = {
  // --- service credential and callback (chapter 5, 7) ---
  client_id: {
    type: aN(50),
    ko: '클라이언트 ID',
    en: 'Client id (service credential, or the support-API credential)',
    provisional: false,
  },
  client_secret: { type: aN(50), ko: '클라이언트 Secret', en: 'Client secret', provisional: false },
  grant_type: {
    type: aNS(18),
    ko: '권한부여 방식',
    en: 'OAuth grant type',
    provisional: false,
    note: 'authorization_code (aNS(18)), refresh_token (aNS(13)), client_credentials (aNS(18)), password (별첨1); each token API fixes its value',
  },
  response_type: {
    type: aNS(10),
    ko: '타입',
    en: 'Response type (always "code")',
    values: ['code'],
    provisional: true,
    note: 'type column lost in the converted table; the value is fixed to "code"',
  },
  redirect_uri: {
    type: aNS(100),
    ko: 'Callback URL',
    en: 'Callback URL, URL-encoded; must be one registered with the portal',
    provisional: false,
  },
  app_scheme: {
    type: aNS(100),
    ko: '마이데이터서비스 앱 URL 스킴',
    en: 'App URL scheme of the running operator app, URL-encoded; must be registered',
    provisional: false,
  },
  state: { type: aN(40), ko: '상태값', en: 'State (against CSRF), echoed back', provisional: false },
  code: { type: aNS(128), ko: '인가코드', en: 'Authorization code (lifetime ≤ 10 minutes)', provisional: false },
  api_tran_id: {
    type: AN(25),
    ko: '거래고유번호',
    en: 'Transaction id, sent as a redirect parameter because headers do not survive a redirect',
    provisional: false,
  },
  // --- app-mode answer of 개별인증-001 (규격 §3.2.1 ④) ---
  app_scheme_iOS: {
    type: aNS(500),
    ko: 'iOS 앱 URL 스킴',
    en: 'iOS app URL scheme assigned to the provider',
    provisional: false,
  },
  install_url_iOS: { type: aNS(100), ko: 'iOS 앱설치 URL', en: 'App Store install URL', provisional: false },
  app_scheme_android: {
    type: aNS(500),
    ko: '안드로이드 앱 URL 스킴',
    en: "Android app URL scheme (the provider's own)",
    provisional: false,
  },
  install_url_android: {
    type: aNS(100),
    ko: '안드로이드 앱설치 URL',
    en: 'Google Play install URL',
    provisional: false,
  },
  // --- tokens (chapter 5, 지원-001/101) ---
  token_type: {
    type: aN(6),
    ko: '접근토큰 유형',
    en: 'Token type (always "Bearer")',
    values: ['Bearer'],
    provisional: false,
    note: 'the standard writes a(6); our `a` is lower-case only and "Bearer" is capitalised, so aN(6) with the fixed value',
  },
  access_token: { type: aNS(1500), ko: '접근토큰', en: 'Access token (JWS)', provisional: false },
  expires_in: { type: N(9), ko: '접근토큰 유효기간(초)', en: 'Access-token lifetime in seconds', provisional: false },
  refresh_token: { type: aNS(1500), ko: '리프레시 토큰', en: 'Refresh token (JWS)', provisional: false },
  refresh_token_expires_in: {
    type: N(9),
    ko: '리프레시 토큰 유효기간(초)',
    en: 'Refresh-token lifetime in seconds',
    provisional: false,
  },
  scope: {
    type: aNS(128),
    ko: '권한 범위',
    en: 'Scopes, space-separated',
    provisional: false,
    note: 'support and CA token endpoints fix it to "manage" (a(6) in chapter 7) or "ca"',
  },
  token: { type: aNS(1500), ko: '폐기하고자 하는 토큰', en: 'The access token to revoke', provisional: false },
  token_type_hint: {
    type: aNS(20),
    ko: '토큰 유형 힌트',
    en: 'RFC 7009 token type hint (sent by some operators; not in the standard)',
    provisional: true,
  },
  // --- OAuth errors (RFC 6749 / 7009, 첨부1) ---
  error: {
    type: aNS(30),
    ko: '에러코드',
    en: 'OAuth error code',
    provisional: false,
    note: 'codes in oauth-errors.ts; not enforced here so that a consumer can read codes it does not know',
  },
  error_description: { type: AH(450), ko: '에러메시지', en: 'OAuth error message', provisional: false },
  // --- integrated authentication (통합인증-002, 별첨1/2: provisional) ---
  tx_id: {
    type: aNS(74),
    ko: '통합인증 거래고유번호',
    en: 'Integrated-auth transaction id, one per provider',
    provisional: true,
    note: 'MD_{operator org_code}_{provider org_code}_{relay org_code}_{CA code}_{YYYYMMDDhhmmss}_{serial(12)}: 74 characters (RB)',
  },
  ca_code: { type: aN(10), ko: '인증기관 코드', en: 'Code of the integrated CA used', provisional: true },
  username: {
    type: B64(100),
    ko: '사용자 식별값 (CI)',
    en: "The data subject's CI, as in x-user-ci",
    provisional: true,
  },
  request_type: {
    type: aN(1),
    ko: '요청 구분',
    en: 'Request type',
    provisional: true,
    note: 'implementations send "1"; the code list is in 별첨1 (not public)',
  },
  password_len: { type: N(5), ko: '전자서명 길이', en: 'Length of password (the signed consent)', provisional: true },
  password: {
    type: aNS(20000),
    ko: '전자서명 (전송요구 서명값)',
    en: 'The signed consent (CMS SignedData, Base64)',
    provisional: true,
  },
  auth_type: {
    type: aN(2),
    ko: '인증 방식',
    en: 'Authentication type',
    provisional: true,
    note: '통합인증-002: 0 인증서 본인확인기관, 1 전자서명인증사업자; 지원-002: 01 통합인증만, 03 개별·통합 모두 (narrowed per API)',
  },
  consent_type: {
    type: aN(1),
    ko: '전송요구 내역 유형',
    en: 'Consent type',
    values: ['0', '1'],
    provisional: true,
    note: '[G] 0 = the consent text itself, 1 = its hash (별첨 not public)',
  },
  consent_len: { type: N(5), ko: '전송요구 내역 길이', en: 'Length of consent', provisional: true },
  consent: {
    type: AH(7000),
    ko: '전송요구 내역',
    en: 'The consent (JSON text) that was signed',
    provisional: true,
    note: 'a signed consent holds at most about 7,000 bytes (about 200 accounts)',
  },
  signed_person_info_req_len: {
    type: N(5),
    ko: '본인확인 서명값 길이',
    en: 'Length of signed_person_info_req',
    provisional: true,
  },
  signed_person_info_req: {
    type: aNS(10000),
    ko: '본인확인 요청 서명값',
    en: 'Signed UCPID identity request (CMS SignedData, Base64); 인증서 본인확인 flow only',
    provisional: true,
  },
  consent_nonce: { type: B64(30), ko: '전송요구 nonce', en: 'Consent nonce (Base64url)', provisional: true },
  ucpid_nonce: { type: B64(30), ko: '본인확인 nonce', en: 'UCPID nonce (Base64url)', provisional: true },
  cert_tx_id: {
    type: aNS(40),
    ko: '인증기관 거래고유번호',
    en: "The CA's transaction id of the signing (사설인증서 flow)",
    provisional: true,
  },
  service_id: {
    type: aN(22),
    ko: '서비스 ID',
    en: 'Service id: org_code(10) + registration date(8) + serial(4)',
    provisional: true,
  },
  user_ci: {
    type: B64(100),
    ko: '정보주체 식별값 (CI)',
    en: "The data subject's CI (연계정보)",
    provisional: false,
    note: 'B64(100) as in x-user-ci (§5.1.1) and 지원-103',
  },
} as const satisfies Record<string, FieldDef>;
