/**
 * OAuth error catalogue (RFC 6749 `error` / `error_description`, as the standard uses them on
 * /oauth/2.0/authorize, /token and /revoke and on the portal's and CA's token endpoints).
 * `unauthorized_user` (CI mismatch, age not eligible) is the standard's own addition.
 */
export const OAUTH_ERRORS = {
  invalid_request: { http: 400, ko: '요청 파라미터 또는 헤더 오류', en: 'Bad parameters or headers' },
  invalid_client: { http: 400, ko: '클라이언트 인증 실패', en: 'Client authentication failed' },
  invalid_grant: {
    http: 400,
    ko: '유효하지 않거나 만료된 인가코드/리프레시 토큰, 또는 redirect_uri 불일치',
    en: 'Invalid or expired code or refresh token, or redirect_uri mismatch',
  },
  unauthorized_client: {
    http: 400,
    ko: '권한이 없는 클라이언트 (허용되지 않은 IP, 인증서 검증 실패)',
    en: 'Client not authorized (IP not allowed, certificate check failed)',
  },
  access_denied: { http: 400, ko: '정보주체가 인증 또는 동의를 취소', en: 'The data subject cancelled' },
  unsupported_response_type: { http: 400, ko: 'response_type 오류 (code만 허용)', en: 'response_type must be code' },
  unsupported_grant_type: { http: 400, ko: 'grant_type 오류', en: 'grant_type not supported' },
  invalid_scope: { http: 400, ko: 'scope 오류', en: 'Invalid scope' },
  unauthorized_user: {
    http: 400,
    ko: '정보주체 인증 실패 (CI 불일치, 연령 미달 등)',
    en: 'Data subject not authorized (CI mismatch, age not eligible)',
  },
  method_not_allowed: { http: 405, ko: '허용되지 않은 HTTP 메소드', en: 'HTTP method not allowed' },
  server_error: { http: 500, ko: '서버 오류', en: 'Server error' },
  temporarily_unavailable: {
    http: 503,
    ko: '일시적 과부하 (Retry-After 참조)',
    en: 'Temporarily unavailable (see Retry-After)',
  },
} as const satisfies Record<string, { http: number; ko: string; en: string }>;

export type OAuthErrorCode = keyof typeof OAUTH_ERRORS;

export function isOAuthErrorCode(s: string): s is OAuthErrorCode {
  return Object.hasOwn(OAUTH_ERRORS, s);
}
