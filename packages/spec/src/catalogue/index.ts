import type { Industry } from '../industries.ts';
import type { ApiVersion } from '../version.ts';
import type { ApiSpec, ServiceRole } from './api-spec.ts';
import { AUTH_APIS } from './auth.ts';
import { BANK_APIS } from './bank.ts';
import { BOND_APIS } from './bond.ts';
import { CA_APIS } from './ca.ts';
import { CAPITAL_APIS } from './capital.ts';
import { CARD_APIS } from './card.ts';
import { COMMON_APIS } from './common.ts';
import { EFIN_APIS } from './efin.ts';
import { GINSU_APIS } from './ginsu.ts';
import { INSU_APIS } from './insu.ts';
import { INVEST_APIS } from './invest.ts';
import { IRP_APIS } from './irp.ts';
import { P2P_APIS } from './p2p.ts';
import { PREPAID_CARD_APIS } from './prepaid-card.ts';
import { SUPPORT_APIS } from './support.ts';
import { TELECOM_APIS } from './telecom.ts';

/** Every API of the standard, in the order of the standard's chapter 4. */
export const CATALOGUE: readonly ApiSpec[] = [
  ...AUTH_APIS,
  ...COMMON_APIS,
  ...IRP_APIS,
  ...PREPAID_CARD_APIS,
  ...BOND_APIS,
  ...BANK_APIS,
  ...CARD_APIS,
  ...INVEST_APIS,
  ...INSU_APIS,
  ...EFIN_APIS,
  ...CAPITAL_APIS,
  ...GINSU_APIS,
  ...TELECOM_APIS,
  ...P2P_APIS,
  ...CA_APIS,
  ...SUPPORT_APIS,
];

const BY_ID = new Map(CATALOGUE.map((api) => [api.id, api]));

/** Look up an API by its standard ID (e.g. 은행-004); throws on an unknown ID, which is a programming error. */
export function apiById(id: string): ApiSpec {
  const api = BY_ID.get(id);
  if (!api) throw new Error(`no API with ID '${id}' in the catalogue`);
  return api;
}

export function findApi(id: string): ApiSpec | undefined {
  return BY_ID.get(id);
}

/** The information APIs an institution of this industry must offer. */
export function apisForIndustry(industry: Industry): ApiSpec[] {
  return CATALOGUE.filter((api) => api.group === 'info' && api.industries.includes(industry));
}

/** The APIs a service of this role serves. */
export function apisProvidedBy(role: ServiceRole): ApiSpec[] {
  return CATALOGUE.filter((api) => api.providedBy.includes(role));
}

/**
 * The path of an API after the institution's base path: `/v2/bank/accounts`, `/oauth/2.0/token`,
 * `/v2/mgmts/orgs`. Info APIs need the industry; path parameters stay as `{card_id}`.
 */
export function apiPath(api: ApiSpec, opts: { version: ApiVersion; industry?: Industry }): string {
  if (api.group === 'info') {
    const industry = opts.industry ?? (api.industries.length === 1 ? api.industries[0] : undefined);
    if (!industry || !api.industries.includes(industry)) {
      throw new Error(`${api.id} needs one of the industries ${api.industries.join(', ')} to build its path`);
    }
    return `/${opts.version}/${industry}${api.resource}`;
  }
  return api.resource.replace('{version}', opts.version);
}

/** The scope an info API needs for one industry, or its fixed scope; null for token endpoints. */
export function requiredScope(api: ApiSpec, industry?: Industry): string | null {
  if (api.scope === null || typeof api.scope === 'string') return api.scope;
  if (!industry) throw new Error(`${api.id} needs an industry to tell its scope`);
  return api.scope[industry] ?? null;
}
