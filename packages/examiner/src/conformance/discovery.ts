import { type ApiSpec, apisForIndustry, type ListNode, requiredScope } from '@hannun/spec';
import type { Exchange, ProbeRequest } from './case-types.ts';
import { type AssetKey, MissingValue, pathOf, validFields, withoutPathParams } from './generate/valid-request.ts';
import { kstToday, type PlainDate } from './generate/kst-dates.ts';
import { bodyOf, rspCodeOf, send } from './run/http-client.ts';
import type { ConformanceTarget } from './target.ts';

/** What the examiner learnt about the person's data at the target before generating cases. */
export interface Discovery {
  readonly today: PlainDate;
  /** The information APIs the target's industry offers, in the catalogue's order. */
  readonly apis: readonly ApiSpec[];
  /** Per list API: its items (string fields), all pages. */
  readonly lists: ReadonlyMap<string, readonly ListedItem[]>;
  /** Per asset API: the listed assets it answers for, those in an abnormal state, those not consented. */
  readonly assets: ReadonlyMap<string, AssetClasses>;
  /** Per API without an asset: the rsp_code and item count of a valid call. */
  readonly plain: ReadonlyMap<string, { readonly rspCode: string | undefined; readonly items: number }>;
  /** The requests discovery made, for the report. */
  readonly exchanges: readonly Exchange[];
  /** What went wrong (a list API that does not answer, a required value nowhere to be found). */
  readonly problems: readonly string[];
}

export interface ListedItem {
  readonly fields: Readonly<Record<string, string>>;
}

export interface AssetClasses {
  readonly usable: readonly AssetKey[];
  readonly abnormal: readonly AssetKey[];
  readonly unconsented: readonly AssetKey[];
}

/** The x-api-type of the usual calls: on the person's refresh (12 months back, no cycle counting). */
export const USUAL_API_TYPE = 'user-refresh';
const MAX_CANDIDATES = 12;
const MAX_LIST_PAGES = 50;

/** The information APIs an institution of the target's industry serves (a scope for the industry). */
export function targetApis(target: Pick<ConformanceTarget, 'industry' | 'apis'>): ApiSpec[] {
  const all = apisForIndustry(target.industry).filter((api) => requiredScope(api, target.industry) !== null);
  if (!target.apis) return all;
  const chosen = new Set(target.apis);
  for (const api of all) if (chosen.has(api.id) && api.listedBy) chosen.add(api.listedBy);
  return all.filter((api) => chosen.has(api.id));
}

export function listNodeOf(api: ApiSpec): ListNode | undefined {
  for (const node of api.response) if (node.kind === 'list') return node;
  return undefined;
}

function stringFields(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Every string field anywhere in a body, first occurrence wins (insured_no of 보험-002's insured_list). */
function deepStrings(value: unknown, out: Record<string, string> = {}): Record<string, string> {
  if (Array.isArray(value)) for (const v of value) deepStrings(v, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string') out[k] ??= v;
      else deepStrings(v, out);
    }
  }
  return out;
}

/** The usual request of an API (usual token, fresh tran id, user-refresh, the usual period). */
export function usualProbe(
  api: ApiSpec,
  target: Pick<ConformanceTarget, 'orgCode' | 'industry'>,
  today: PlainDate,
  asset?: AssetKey,
  limit?: number,
): ProbeRequest {
  const ctx = { orgCode: target.orgCode, industry: target.industry, today, ...(asset ? { asset } : {}) };
  return {
    method: api.method,
    path: pathOf(api, ctx),
    fields: withoutPathParams(api, validFields(api, { ...ctx, ...(limit !== undefined ? { limit } : {}) })),
    token: { kind: 'usual' },
    tranId: { kind: 'fresh' },
    apiType: USUAL_API_TYPE,
  };
}

const describeFailure = (exchange: Exchange, code: string | undefined) =>
  code ?? exchange.error ?? `HTTP ${exchange.response?.status ?? '?'}`;

/**
 * Learn the person's assets the standard's way: every API without an asset (the list APIs all pages); then
 * each asset API asked about each listed, consented asset, in the catalogue's order, so that a key a list
 * does not carry (보험-003's insured_no, 보험-007's car_number) is taken from an earlier answer about the same
 * asset. An asset API answering 40402 for a listed asset says it is not about that kind of asset.
 */
export async function discover(target: ConformanceTarget, nowMs: number = Date.now()): Promise<Discovery> {
  const today = kstToday(nowMs);
  const apis = targetApis(target);
  const exchanges: Exchange[] = [];
  const problems: string[] = [];
  const lists = new Map<string, ListedItem[]>();
  const assets = new Map<string, AssetClasses>();
  const plain = new Map<string, { rspCode: string | undefined; items: number }>();
  const call = async (probe: ProbeRequest) => {
    const { exchange } = await send(target, probe);
    exchanges.push(exchange);
    return exchange;
  };

  for (const api of apis.filter((a) => a.assetKeys.length === 0)) {
    const node = listNodeOf(api);
    const items: ListedItem[] = [];
    let probe: ProbeRequest;
    try {
      probe = usualProbe(api, target, today, undefined, api.paginated ? 500 : undefined);
    } catch (error) {
      if (!(error instanceof MissingValue)) throw error;
      problems.push(error.message);
      continue;
    }
    let first: string | undefined;
    for (let page = 0; page < MAX_LIST_PAGES; page++) {
      const exchange = await call(probe);
      const code = rspCodeOf(exchange);
      if (page === 0) first = code;
      if (code !== '00000' && code !== '00001') {
        problems.push(`${api.id}: a valid call answered ${describeFailure(exchange, code)}`);
        break;
      }
      const body = bodyOf(exchange);
      const rows = node ? body[node.name] : undefined;
      if (Array.isArray(rows)) for (const row of rows) items.push({ fields: stringFields(row) });
      const next = body['next_page'];
      if (typeof next !== 'string' || next === '') break;
      probe = { ...probe, fields: { ...probe.fields, next_page: next } };
    }
    plain.set(api.id, { rspCode: first, items: node ? items.length : 1 });
    lists.set(api.id, items);
  }

  const extras = new Map<string, Record<string, string>>();
  for (const api of apis.filter((a) => a.assetKeys.length > 0)) {
    const listed = lists.get(api.listedBy ?? '') ?? [];
    const listKeys = api.assetKeys.filter((k) => listed.some((i) => i.fields[k] !== undefined));
    const keyOf = (item: ListedItem): { id: string; key: Record<string, string> } => {
      const id = `${api.listedBy} ${JSON.stringify(listKeys.map((k) => item.fields[k] ?? ''))}`;
      const known = { ...extras.get(id), ...item.fields };
      const key: Record<string, string> = {};
      for (const k of api.assetKeys) if (known[k] !== undefined && known[k] !== '') key[k] = known[k];
      return { id, key };
    };
    const usable: AssetKey[] = [];
    const abnormal: AssetKey[] = [];
    const unconsented = listed.filter((i) => i.fields['is_consent'] === 'false').map((i) => keyOf(i).key);
    for (const item of listed.filter((i) => i.fields['is_consent'] !== 'false').slice(0, MAX_CANDIDATES)) {
      const { id, key } = keyOf(item);
      let probe: ProbeRequest;
      try {
        probe = usualProbe(api, target, today, key, api.paginated ? 500 : undefined);
      } catch (error) {
        if (!(error instanceof MissingValue)) throw error;
        continue;
      }
      const exchange = await call(probe);
      const code = rspCodeOf(exchange);
      if (code === '00000' || code === '00001') {
        usable.push(key);
        extras.set(id, { ...deepStrings(bodyOf(exchange)), ...extras.get(id) });
      } else if (code === '40305' || code === '40404') abnormal.push(key);
      else if (code !== '40402') {
        problems.push(`${api.id}: a listed, consented asset answered ${describeFailure(exchange, code)}`);
      }
    }
    assets.set(api.id, { usable, abnormal, unconsented });
  }
  return { today, apis, lists, assets, plain, exchanges, problems };
}
