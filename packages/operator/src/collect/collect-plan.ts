import { type ApiSpec, apisForIndustry, type Industry, listScope, requiredScope } from '@hannun/spec';
import type { AssetRef } from '../model/collected-data.ts';
import { assetRoute } from '../model/asset-routes.ts';
import { modelRoute } from '../model/model-routes.ts';
import type { CollectPhase } from './progress.ts';

/**
 * What a job asks an institution for, from the catalogue and the consent's scopes:
 * - listing: every list API of the industry (each needs only `<industry>.list`, part of every consent);
 * - basic / detail: the APIs about one asset (or about the person) without a period, by cycle class
 *   (기본: basic, 추가: detail);
 * - transactions: the APIs with a period (dates or months), then those that need what the others answered
 *   (카드-005 per bill of 카드-004, 통신-002 per month).
 * 공통-001/002 are not collected (the provider's API list and its copy of the consent).
 */
export interface CollectPlan {
  readonly industry: Industry;
  readonly lists: readonly ApiSpec[];
  /** Per phase: APIs about one asset, in catalogue order. */
  readonly assetApis: Readonly<Record<Exclude<CollectPhase, 'listing'>, readonly ApiSpec[]>>;
  /** Per phase: APIs about the person (카드-003 points, 카드-004 bills, 통신-002 …). */
  readonly personApis: Readonly<Record<Exclude<CollectPhase, 'listing'>, readonly ApiSpec[]>>;
}

const SKIP = new Set(['공통-001', '공통-002']);

function phaseOf(api: ApiSpec): Exclude<CollectPhase, 'listing'> {
  if (api.dateRule !== 'none' || api.id === '카드-005' || api.id === '통신-002') return 'transactions';
  return api.cycle === '추가' ? 'detail' : 'basic';
}

export function collectPlan(industry: Industry, scopes: readonly string[]): CollectPlan {
  const allowed = new Set([...scopes, listScope(industry)]);
  const apis = apisForIndustry(industry).filter((a) => !SKIP.has(a.id));
  const lists = apis.filter((a) => assetRoute(a.id) !== undefined);
  const rest = apis.filter((a) => {
    if (assetRoute(a.id)) return false;
    const scope = requiredScope(a, industry);
    return scope !== null && allowed.has(scope) && modelRoute(a.id) !== undefined;
  });
  const empty = () => ({ basic: [] as ApiSpec[], detail: [] as ApiSpec[], transactions: [] as ApiSpec[] });
  const assetApis = empty();
  const personApis = empty();
  for (const api of rest) (api.assetKeys.length > 0 ? assetApis : personApis)[phaseOf(api)].push(api);
  return { industry, lists, assetApis, personApis };
}

/** The bank account types (은행-001 account_type, first digit) and the scope of the APIs about them. */
const BANK_SCOPE_OF_TYPE: Readonly<Record<string, string>> = {
  '1': 'bank.deposit',
  '2': 'bank.invest',
  '3': 'bank.loan',
};

/**
 * Whether an API is about this asset: the asset must have been listed by the API's list API and be in the
 * consent (`is_consent`); a bank account by its type (1xxx deposit, 2xxx investment, 3xxx loan; a
 * 마이너스통장 is a deposit and a loan account). Elsewhere every API of the list applies, and a provider
 * that has nothing for an asset answers 40402 (not a failure).
 */
export function appliesTo(api: ApiSpec, industry: Industry, asset: AssetRef): boolean {
  if (api.listedBy !== asset.listApi || !asset.isConsent) return false;
  if (asset.listApi !== '은행-001') return true;
  const scope = requiredScope(api, industry);
  const byType = BANK_SCOPE_OF_TYPE[asset.typeCode?.charAt(0) ?? ''];
  if (byType === scope) return true;
  return asset.attrs['is_minus'] === 'true' && scope === 'bank.loan';
}

/** The request fields that name the asset (its assetKeys as the list gave them), and path parameters. */
export function assetFields(
  api: ApiSpec,
  asset: AssetRef,
): { fields: Record<string, string>; params: Record<string, string> } {
  const fields: Record<string, string> = {};
  const params: Record<string, string> = {};
  const inPath = new Set((api.request.path ?? []).map((n) => n.name));
  for (const k of api.assetKeys) {
    const v = asset.key[k];
    if (v === undefined) continue;
    if (inPath.has(k)) params[k] = v;
    else fields[k] = v;
  }
  return { fields, params };
}

/** Rows in one page of an answer: its route's list, or 1 for a body that is one row. */
export function rowsIn(apiId: string, body: Readonly<Record<string, unknown>>): number {
  const list = assetRoute(apiId)?.list ?? modelRoute(apiId)?.list;
  if (!list) return 1;
  const v = body[list];
  return Array.isArray(v) ? v.length : 0;
}
