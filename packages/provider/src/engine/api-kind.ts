import { type ApiSpec, type Industry, listScope, requiredScope } from '@hannun/spec';

/**
 * How the engine serves an information API, derived from the catalogue:
 * - `api-list` / `consents`: 공통-001 and 공통-002, answered by the engine itself;
 * - `list`: a GET about no single asset that lists assets (other APIs name it in `listedBy`) or needs only
 *   `<industry>.list` (은행-001, 카드-001, 보험-008 …): the customer's holdings with `is_consent`;
 * - `series`: the other paginated APIs (transactions, approvals, bills): rows the engine pages through;
 * - `snapshot`: everything else, one body from the book (basic and detail information).
 */
export type ApiKind = 'api-list' | 'consents' | 'list' | 'snapshot' | 'series';

export function apiKind(api: ApiSpec, industry: Industry, industryApis: readonly ApiSpec[]): ApiKind {
  if (api.id === '공통-001') return 'api-list';
  if (api.id === '공통-002') return 'consents';
  if (api.method === 'GET' && api.assetKeys.length === 0) {
    const listsAssets = industryApis.some((other) => other.listedBy === api.id && other.assetKeys.length > 0);
    if (listsAssets || requiredScope(api, industry) === listScope(industry)) return 'list';
  }
  return api.paginated ? 'series' : 'snapshot';
}
