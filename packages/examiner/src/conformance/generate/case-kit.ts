import type { ApiSpec, RspCode } from '@hannun/spec';
import type { CaseCategory, ConformanceCase, Expectation, ProbeRequest } from '../case-types.ts';
import { type Discovery, usualProbe } from '../discovery.ts';
import type { ConformanceTarget } from '../target.ts';
import type { AssetKey } from './valid-request.ts';

/** What every case generator of one API at one target works from. */
export interface ApiCases {
  readonly api: ApiSpec;
  readonly target: Pick<ConformanceTarget, 'orgCode' | 'industry' | 'operatorOrgCode' | 'label'>;
  readonly discovery: Discovery;
  /** The asset the API's cases are about (the first it answers for), when it is about one. */
  readonly asset: AssetKey | undefined;
  /** The usual request (the case's asset, usual token, fresh tran id), with changes. */
  usual(over?: Partial<ProbeRequest> & { readonly asset?: AssetKey; readonly limit?: number }): ProbeRequest;
  /** A case of this API. */
  make(c: CaseInput): ConformanceCase;
}

export interface CaseInput {
  readonly code: string;
  readonly category: CaseCategory;
  readonly title: string;
  readonly negative: boolean;
  readonly expect: Expectation | readonly RspCode[];
  readonly probe: ConformanceCase['probe'];
  readonly provisional?: string;
  readonly setup?: ConformanceCase['setup'];
  readonly expectAfter?: ConformanceCase['expectAfter'];
  readonly walk?: boolean;
  readonly check?: ConformanceCase['check'];
  readonly skip?: string;
}

export function apiCases(
  api: ApiSpec,
  target: ApiCases['target'],
  discovery: Discovery,
  asset: AssetKey | undefined,
): ApiCases {
  return {
    api,
    target,
    discovery,
    asset,
    usual(over = {}) {
      const { asset: overAsset, limit, ...rest } = over;
      const chosen = overAsset ?? asset;
      const base = usualProbe(api, target, discovery.today, chosen, limit);
      return { ...base, ...rest };
    },
    make(c) {
      const expect = Array.isArray(c.expect) ? { rspCodes: c.expect as readonly RspCode[] } : (c.expect as Expectation);
      return {
        id: `${targetName(target)} ${api.id} ${c.code}`,
        orgCode: target.orgCode,
        industry: target.industry,
        apiId: api.id,
        category: c.category,
        title: c.title,
        negative: c.negative,
        expect,
        probe: c.probe,
        ...(c.provisional ? { provisional: c.provisional } : {}),
        ...(c.setup ? { setup: c.setup } : {}),
        ...(c.expectAfter ? { expectAfter: c.expectAfter } : {}),
        ...(c.walk ? { walk: true } : {}),
        ...(c.check ? { check: c.check } : {}),
        ...(c.skip ? { skip: c.skip } : {}),
      };
    },
  };
}

/** The API's request fields that may carry values (query or body). */
export const requestFieldNames = (api: ApiSpec) => api.request.shape.map((n) => n.name);
export const hasField = (api: ApiSpec, name: string) => api.request.shape.some((n) => n.name === name);

/** The target as case ids and reports name it: the org_code, and the person's label when there are several. */
export const targetName = (t: Pick<ConformanceTarget, 'orgCode' | 'label'>) =>
  t.label ? `${t.orgCode}/${t.label}` : t.orgCode;
