/** `x-api-type` (aNS(12)), sent on information-API requests (규격 §2.1, §3.3). */
export const API_TYPES = {
  scheduled: { ko: '정기적 전송', en: 'Regular transmission, no data-subject involvement' },
  'user-consent': { ko: '전송요구 직후 전송', en: 'Right after a consent' },
  'user-refresh': { ko: '로그인·새로고침 시 전송', en: 'On login or refresh' },
  'user-search': { ko: '정보주체의 명시적 조회', en: 'The person explicitly queries one asset' },
} as const;

export type ApiType = keyof typeof API_TYPES;
export const API_TYPE_LIST = Object.keys(API_TYPES) as ApiType[];

export function isApiType(s: string): s is ApiType {
  return Object.hasOwn(API_TYPES, s);
}
