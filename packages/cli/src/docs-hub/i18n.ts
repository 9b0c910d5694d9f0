/** The hub speaks Korean first; `?lang=en` switches every label to English. */
export type Lang = 'ko' | 'en';

export interface Bilingual {
  readonly ko: string;
  readonly en: string;
}

export function langOf(query: unknown): Lang {
  return (query as { lang?: unknown } | null)?.lang === 'en' ? 'en' : 'ko';
}

export function otherLang(lang: Lang): Lang {
  return lang === 'ko' ? 'en' : 'ko';
}

/** A link within the hub that keeps the current language. */
export function hubHref(path: string, lang: Lang, params: Record<string, string> = {}): string {
  const q = new URLSearchParams(params);
  if (lang === 'en') q.set('lang', 'en');
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** Every label of the hub, in both languages. */
export const T = {
  title: { ko: '한눈 문서 허브', en: 'Hannun docs hub' },
  skip: { ko: '본문으로 건너뛰기', en: 'Skip to content' },
  languageNav: { ko: '언어', en: 'Language' },
  switchTo: { ko: 'English', en: '한국어' },
  intro: {
    ko: '한눈은 금융 마이데이터의 모든 역할(종합포털, 통합인증기관, 정보제공자, 마이데이터 사업자, 정보주체의 앱)을 실제 서버로 구현한 오픈소스입니다. 이 페이지는 실행 중인 서비스와 표준의 API 카탈로그를 보여 줍니다.',
    en: "Hannun is an open-source implementation of every role of Korea's financial MyData system (portal, certificate authority, data providers, MyData operator and the person's app) as real servers. This page shows the services running now and the standard's API catalogue.",
  },
  rolesHeading: { ko: '생태계 구성원', en: 'Roles of the ecosystem' },
  rolesCaption: { ko: '역할별 실행 상태', en: 'Status of each role' },
  role: { ko: '역할', en: 'Role' },
  does: { ko: '하는 일', en: 'What it does' },
  status: { ko: '상태', en: 'Status' },
  address: { ko: '주소', en: 'Address' },
  running: { ko: '실행 중', en: 'Running' },
  notBuilt: { ko: '아직 구현되지 않음', en: 'Not yet built' },
  catalogueHeading: { ko: 'API 카탈로그', en: 'API catalogue' },
  catalogueSummary: { ko: '표준의 API {n}개', en: '{n} APIs of the standard' },
  search: { ko: 'API 찾기 (ID, 이름, 경로)', en: 'Find an API (ID, name, path)' },
  searchButton: { ko: '찾기', en: 'Search' },
  clearSearch: { ko: '전체 보기', en: 'Show all' },
  searchResult: { ko: '“{q}” 검색 결과: {n}개', en: '{n} result(s) for “{q}”' },
  noResults: { ko: '일치하는 API가 없습니다.', en: 'No API matches.' },
  emptyCatalogue: { ko: '카탈로그가 아직 비어 있습니다.', en: 'The catalogue is still empty.' },
  contents: { ko: '목차', en: 'Contents' },
  id: { ko: 'API ID', en: 'API ID' },
  name: { ko: '이름', en: 'Name' },
  method: { ko: '메서드', en: 'Method' },
  path: { ko: '경로', en: 'Path' },
  scope: { ko: '권한 범위 (scope)', en: 'Scope' },
  cycle: { ko: '전송주기', en: 'Cycle' },
  cycleBasic: { ko: '기본', en: 'basic' },
  cycleExtra: { ko: '추가', en: 'additional' },
  openapiHeading: { ko: 'OpenAPI 문서', en: 'OpenAPI documents' },
  openapiIntro: {
    ko: '역할별 OpenAPI 3.1 문서는 카탈로그에서 생성됩니다.',
    en: 'The OpenAPI 3.1 document of each role is generated from the catalogue.',
  },
  back: { ko: '← 카탈로그로', en: '← Back to the catalogue' },
  group: { ko: 'API 구분', en: 'Group' },
  industries: { ko: '업권', en: 'Industries' },
  providedBy: { ko: '제공', en: 'Provided by' },
  calledBy: { ko: '호출', en: 'Called by' },
  dateRule: { ko: '조회 기간 규칙', en: 'Period rule' },
  paginated: { ko: '페이지 나눔 (next_page)', en: 'Paginated (next_page)' },
  timestamp: { ko: 'search_timestamp 지원', en: 'Supports search_timestamp' },
  headers: { ko: '헤더', en: 'Headers' },
  requiredHeaders: { ko: '필수', en: 'required' },
  optionalHeaders: { ko: '선택', en: 'optional' },
  errorStyle: { ko: '오류 형식', en: 'Error style' },
  notes: { ko: '참고', en: 'Notes' },
  yes: { ko: '예', en: 'yes' },
  no: { ko: '아니요', en: 'no' },
  request: { ko: '요청', en: 'Request' },
  requestIn: { ko: '위치: {loc}', en: 'Sent as: {loc}' },
  pathParams: { ko: '경로 변수', en: 'Path parameters' },
  response: { ko: '응답', en: 'Response' },
  envelope: {
    ko: '정보제공·지원 API의 응답에는 아래 항목 앞에 rsp_code(세부 응답코드)와 rsp_msg(세부 응답메시지)가 함께 옵니다.',
    en: 'Answers of information and support APIs also carry rsp_code (response code) and rsp_msg (response message) before these fields.',
  },
  oauthErrors: {
    ko: '오류는 OAuth 형식(error, error_description)으로 응답합니다.',
    en: 'Errors are answered in the OAuth style (error, error_description).',
  },
  field: { ko: '항목', en: 'Field' },
  meaning: { ko: '의미', en: 'Meaning' },
  type: { ko: '타입', en: 'Type' },
  required: { ko: '필수', en: 'Required' },
  remarks: { ko: '비고', en: 'Remarks' },
  noFields: { ko: '항목 없음', en: 'No fields' },
  provisional: { ko: '잠정', en: 'provisional' },
  provisionalLegend: {
    ko: '“잠정” 표시는 표준의 항목표가 공개되지 않아 해설서를 바탕으로 정한 항목입니다.',
    en: '“provisional” marks fields that are our reading of the notes, where the standard’s own table is not public.',
  },
  provisionalApi: {
    ko: '이 API의 항목 목록은 잠정입니다.',
    en: 'The field lists of this API are provisional.',
  },
  sinceV2: { ko: 'v2부터', en: 'since v2' },
  gatedBy: { ko: '동의 시에만 전송: {gate}', en: 'sent only with consent: {gate}' },
  allowedValues: { ko: '허용값: {values}', en: 'allowed: {values}' },
  countOf: { ko: '{name} 건수', en: 'number of {name}' },
  listOf: { ko: '목록, 최대 {max}건', en: 'list, at most {max}' },
  notFoundTitle: { ko: '페이지를 찾을 수 없습니다', en: 'Page not found' },
  notFoundApi: { ko: '카탈로그에 “{id}” API가 없습니다.', en: 'There is no API “{id}” in the catalogue.' },
  notFoundPage: { ko: '요청한 주소의 페이지가 없습니다.', en: 'There is no page at this address.' },
  footer: {
    ko: '한눈 · Apache-2.0 · 표준의 항목 정의는 @hannun/spec 패키지에 있습니다.',
    en: 'Hannun · Apache-2.0 · the field definitions live in the @hannun/spec package.',
  },
} as const satisfies Record<string, Bilingual>;

/** A label in one language, with `{name}` placeholders filled. */
export function t(lang: Lang, label: Bilingual, vars: Record<string, string | number> = {}): string {
  return label[lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
