/**
 * The rsp_code catalogue (규격 첨부 응답코드): every non-OAuth API answers with one of these in `rsp_code`,
 * with the HTTP status beside it. Sources: SK C&C 2023 ApiCode (fullest table), Banksalad 2021, KB Card,
 * guideline 참고5 (40106). The Korean messages follow the standard's wording; English is ours.
 * Provisional: 40404 and 42902 come from 2021 drafts (SK23 folds 40404 into 40305); kept for callers that send them.
 * Provisional: 40901 is Hannun's own (통합인증-103 before the person has signed; 별첨2, where the CA's codes
 * would be, is not public).
 */
export interface RspCodeInfo {
  readonly code: RspCode;
  readonly http: number;
  readonly ko: string;
  readonly en: string;
}

export const RSP_CODES = {
  '00000': { http: 200, ko: '정상처리', en: 'Success' },
  '00001': {
    http: 200,
    ko: '정상처리 (최신 데이터, 변경 없음)',
    en: 'Success: up to date, nothing changed since search_timestamp',
  },
  '40001': { http: 400, ko: '요청 파라미터 오류 (타입 또는 길이)', en: 'Bad request parameter (type or length)' },
  '40002': { http: 400, ko: '헤더값 미존재 또는 잘못된 헤더값', en: 'Header missing or invalid' },
  '40003': { http: 400, ko: '허용되지 않은 API 버전', en: 'API version not allowed' },
  '40004': {
    http: 400,
    ko: '조회 기간(From/To)이 전송 규칙을 초과',
    en: 'Query period (from/to) exceeds the transmission rules',
  },
  '40101': { http: 401, ko: '유효하지 않은 접근토큰', en: 'Invalid access token' },
  '40102': { http: 401, ko: '허용되지 않은 원격지 IP', en: 'Remote IP not allowed' },
  '40103': {
    http: 401,
    ko: '접근토큰 발급 기관의 인증서(SERIALNUMBER) 검증 실패',
    en: 'TLS certificate SERIALNUMBER check failed',
  },
  '40104': { http: 401, ko: '해당 API에 대한 권한(scope) 없음', en: 'No permission (scope) for this API' },
  '40105': { http: 401, ko: '해당 자산에 대한 전송요구 없음', en: 'No permission for this asset (not in the consent)' },
  '40106': { http: 401, ko: '전송요구 종료시점 경과', en: 'The consent end date has passed' },
  '40301': { http: 403, ko: '유효하지 않은 API 호출', en: 'Invalid API call' },
  '40302': { http: 403, ko: '일시적으로 제한된 클라이언트', en: 'Client temporarily restricted' },
  '40303': { http: 403, ko: '기관코드 확인 불가', en: 'org_code cannot be confirmed' },
  '40304': { http: 403, ko: '5년 이전 데이터 조회 요청', en: 'Data older than 5 years requested' },
  '40305': {
    http: 403,
    ko: '정상 상태가 아닌 자산 (해지, 분실 등)',
    en: 'Asset not in a normal state (closed, lost, …)',
  },
  '40401': { http: 404, ko: '존재하지 않는 엔드포인트', en: 'Endpoint not found' },
  '40402': {
    http: 404,
    ko: '유효하지 않은 자산 (미존재 또는 타인 자산)',
    en: 'Asset not valid (does not exist or belongs to someone else)',
  },
  '40403': { http: 404, ko: '정보주체(고객) 미존재', en: 'Data subject (customer) not found' },
  '40404': { http: 404, ko: '전송요구 이후 해지된 자산', en: 'Asset closed since the consent' },
  '40501': { http: 405, ko: '허용되지 않은 HTTP 메소드', en: 'HTTP method not allowed' },
  '40901': {
    http: 409,
    ko: '전자서명 대기 중 (정보주체 미서명)',
    en: 'Not signed yet: the person has not approved the signing request (provisional)',
  },
  '42901': {
    http: 429,
    ko: '요청 한도 초과 (정기적 전송주기 초과 등)',
    en: 'Request limit exceeded (e.g. the regular-transmission cycle)',
  },
  '42902': {
    http: 429,
    ko: '일시적으로 제한된 클라이언트 (요청 과다)',
    en: 'Client temporarily restricted (too many requests)',
  },
  '50001': { http: 500, ko: '시스템 장애', en: 'System failure' },
  '50002': { http: 500, ko: 'API 요청 처리 실패', en: 'API processing failed' },
  '50003': { http: 500, ko: '처리 시간 초과', en: 'Processing timed out' },
  '50004': { http: 500, ko: '알 수 없는 오류', en: 'Unknown error' },
  '50005': { http: 500, ko: '정보제공자 서비스 불가 (중계기관)', en: 'Provider unavailable (relay)' },
  '50006': { http: 500, ko: '이용기관 서비스 불가 (거점중계기관)', en: 'Using institution unavailable (hub relay)' },
  '50007': { http: 500, ko: '전문 변환 오류 (중계기관)', en: 'Message conversion error (relay)' },
  '50008': { http: 500, ko: '정기 점검 중', en: 'Scheduled maintenance' },
  '50009': { http: 500, ko: '정기적 전송 가능 시간이 아님', en: 'Outside the regular-transmission window (np_time)' },
  '50010': { http: 500, ko: '장 초반/마감 시간 응답 거부', en: 'Refused at market open or close' },
} as const satisfies Record<string, { http: number; ko: string; en: string }>;

export type RspCode = keyof typeof RSP_CODES;

export function isRspCode(s: string): s is RspCode {
  return Object.hasOwn(RSP_CODES, s);
}

export function rspCodeInfo(code: RspCode): RspCodeInfo {
  return { code, ...RSP_CODES[code] };
}

/** Whether an rsp_code means the call succeeded (00000, or 00001 for "nothing changed"). */
export function isSuccess(code: RspCode): boolean {
  return code === '00000' || code === '00001';
}
