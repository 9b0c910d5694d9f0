import type { RegisteredService } from '@hannun/registry';
import { type Industry, industryWording } from '@hannun/spec';
import type { PageLang } from '../pages/page-text.ts';

/**
 * Items 6 and 7 of a consent given on the provider's page: the purpose and the retention period, fixed
 * per service. PROVISIONAL: the operator registers neither with the portal (지원-003 has no such field);
 * until it does, the provider words them from the service's name. The stored text is Korean, as 공통-002
 * sends it.
 */
export function consentPurpose(service: RegisteredService, industry: Industry, lang: PageLang = 'ko'): string {
  return lang === 'ko'
    ? `${service.name}에서 내 ${industryWording(industry, 'ko')} 정보를 한눈에 조회하고 관리하기 위해`
    : `To see and manage your ${industryWording(industry, 'en')} information in ${service.name}`;
}

export function consentPeriod(lang: PageLang = 'ko'): string {
  return lang === 'ko'
    ? '서비스 탈퇴 또는 전송요구 철회 시까지 (철회 후 삭제 요청 시 즉시 삭제)'
    : 'Until you leave the service or withdraw this consent (deleted at once when you ask)';
}

/** The regular-transmission cycles offered (MyData 2.0: from a week to a month). */
export const CYCLE_CHOICES = ['1/w', '2w', '1/m'] as const;
export const DEFAULT_CYCLE = '1/w';
