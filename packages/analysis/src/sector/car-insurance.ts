import { daysBetween } from '../shared/dates.ts';

export interface CarInsuranceAlert {
  readonly institution: string;
  readonly carName: string | null;
  readonly endDate: string;
  readonly daysLeft: number;
  readonly text: { readonly ko: string; readonly en: string };
}

/** Car-insurance renewal: policies ending within `within` days (60 by default), soonest first. */
export function carInsuranceRenewals(
  policies: readonly { institution: string; carName: string | null; endDate: string }[],
  today: string,
  within = 60,
): CarInsuranceAlert[] {
  return policies
    .map((p) => ({ ...p, daysLeft: daysBetween(today, p.endDate) }))
    .filter((p) => p.daysLeft >= 0 && p.daysLeft <= within)
    .sort((a, b) => a.daysLeft - b.daysLeft)
    .map((p) => ({
      ...p,
      text: {
        ko: `${p.institution} 자동차보험(${p.carName ?? '차량'})이 ${p.daysLeft}일 뒤(${p.endDate}) 만기입니다. 갱신 전에 다이렉트 상품과 비교하세요.`,
        en: `Car insurance ends in ${p.daysLeft} days (${p.endDate})`,
      },
    }));
}
