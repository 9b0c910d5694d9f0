import {
  type ApiGroup,
  type ApiSpec,
  apiPath,
  CATALOGUE,
  INDUSTRIES,
  INDUSTRY_LIST,
  type Industry,
  requiredScope,
} from '@hannun/spec';
import type { Bilingual } from './i18n.ts';

/** How each group of the standard is titled; a new group in the spec fails to compile here until named. */
export const GROUP_TITLES: Record<ApiGroup, Bilingual> = {
  auth: { ko: '개별인증·통합인증 (토큰)', en: 'Individual and integrated authentication (tokens)' },
  info: { ko: '정보제공 API', en: 'Information APIs' },
  ca: { ko: '통합인증기관 API', en: 'Integrated certificate authority APIs' },
  'support-portal': { ko: '지원 API (종합포털 제공)', en: 'Support APIs served by the portal' },
  'support-participant': { ko: '지원 API (참여기관 제공)', en: 'Support APIs served by participants' },
};

const NO_INDUSTRY: Bilingual = { ko: '업권 미지정', en: 'No industry yet' };

const GROUP_ORDER: readonly ApiGroup[] = ['auth', 'info', 'ca', 'support-portal', 'support-participant'];

/** One line of the catalogue table: an API as seen from one industry (info APIs) or on its own. */
export interface CatalogueRow {
  readonly api: ApiSpec;
  readonly industry?: Industry;
  /** The path after the base, e.g. `/v2/bank/accounts`; the raw resource if the entry cannot build one. */
  readonly path: string;
  readonly scope: string | null;
}

export interface CatalogueSection {
  /** Anchor id, e.g. `group-auth`, `industry-bank`. */
  readonly id: string;
  readonly title: Bilingual;
  readonly rows: readonly CatalogueRow[];
}

export interface CatalogueGroup extends CatalogueSection {
  readonly group: ApiGroup;
  /** Info APIs come in one section per industry; other groups have one section (themselves). */
  readonly sections: readonly CatalogueSection[];
}

export function pathOf(api: ApiSpec, industry?: Industry): string {
  try {
    return apiPath(api, { version: 'v2', ...(industry ? { industry } : {}) });
  } catch {
    return api.resource;
  }
}

export function scopeOf(api: ApiSpec, industry?: Industry): string | null {
  try {
    return requiredScope(api, industry);
  } catch {
    return null;
  }
}

function row(api: ApiSpec, industry?: Industry): CatalogueRow {
  return { api, ...(industry ? { industry } : {}), path: pathOf(api, industry), scope: scopeOf(api, industry) };
}

/** Does the API match a search (ID, names, resource; case-insensitive)? */
export function matches(api: ApiSpec, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [api.id, api.name.ko, api.name.en, api.resource, api.code].some((s) => s.toLowerCase().includes(q));
}

/**
 * The catalogue grouped as the hub shows it: groups in the standard's order, info APIs under each
 * industry that offers them (공통-001 appears under all eleven). Empty groups and sections are left out.
 */
export function groupCatalogue(catalogue: readonly ApiSpec[] = CATALOGUE, query = ''): CatalogueGroup[] {
  const apis = catalogue.filter((api) => matches(api, query));
  const groups: CatalogueGroup[] = [];
  for (const group of GROUP_ORDER) {
    const inGroup = apis.filter((api) => api.group === group);
    if (inGroup.length === 0) continue;
    const title = GROUP_TITLES[group];
    if (group === 'info') {
      const sections: CatalogueSection[] = INDUSTRY_LIST.map((industry) => ({
        id: `industry-${industry}`,
        title: INDUSTRIES[industry],
        rows: inGroup.filter((api) => api.industries.includes(industry)).map((api) => row(api, industry)),
      })).filter((s) => s.rows.length > 0);
      // An entry still being written may name no industry yet: show it rather than lose it.
      const homeless = inGroup.filter((api) => api.industries.length === 0);
      if (homeless.length > 0)
        sections.push({ id: 'industry-none', title: NO_INDUSTRY, rows: homeless.map((api) => row(api)) });
      groups.push({ group, id: `group-${group}`, title, rows: sections.flatMap((s) => s.rows), sections });
    } else {
      const rows = inGroup.map((api) => row(api));
      groups.push({ group, id: `group-${group}`, title, rows, sections: [{ id: `group-${group}`, title, rows }] });
    }
  }
  return groups;
}
