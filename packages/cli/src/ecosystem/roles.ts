import type { Bilingual } from '../docs-hub/i18n.ts';

/** The roles of the ecosystem (ARCHITECTURE.md), plus the docs hub that describes them. */
export type EcosystemRole = 'docs' | 'portal' | 'ca' | 'provider' | 'operator' | 'worker' | 'web';

export interface RoleInfo {
  readonly role: EcosystemRole;
  readonly name: Bilingual;
  readonly does: Bilingual;
}

export const ECOSYSTEM_ROLES: readonly RoleInfo[] = [
  {
    role: 'portal',
    name: { ko: '마이데이터 종합포털', en: 'MyData portal' },
    does: {
      ko: '기관·서비스 등록부, 지원 API, 통계',
      en: 'Registry of organisations and services, support APIs, statistics',
    },
  },
  {
    role: 'ca',
    name: { ko: '통합인증기관', en: 'Integrated certificate authority' },
    does: { ko: '전자서명 요청·검증, 인증서 발급', en: 'Signing requests and verification, certificates' },
  },
  {
    role: 'provider',
    name: { ko: '정보제공자', en: 'Data providers' },
    does: { ko: '업권별 정보제공 API와 개별인증', en: 'Information APIs of each industry, individual authentication' },
  },
  {
    role: 'operator',
    name: { ko: '마이데이터 사업자', en: 'MyData operator' },
    does: { ko: '동의, 수집, 분석, 정보주체의 앱 API', en: "Consent, collection, analysis, the person's app API" },
  },
  {
    role: 'worker',
    name: { ko: '수집 워커', en: 'Collection workers' },
    does: { ko: '정기·비정기 전송 요구 처리', en: 'Scheduled and on-demand collection jobs' },
  },
  {
    role: 'web',
    name: { ko: '정보주체의 앱', en: "The person's web app" },
    does: { ko: '가입, 동의, 자산 조회, 철회', en: 'Sign-up, consent, dashboard, withdrawal' },
  },
  {
    role: 'docs',
    name: { ko: '문서 허브', en: 'Docs hub' },
    does: { ko: '이 페이지: 실행 상태와 API 카탈로그', en: 'This page: status and the API catalogue' },
  },
];
