import type { WireJson, WireObject } from '@hannun/spec';
import type { ModelValue } from '../../model/row-values.ts';
import { assetRoute } from '../../model/asset-routes.ts';
import { modelRoute } from '../../model/model-routes.ts';
import type { OperatorDomain } from '../../operator-domain.ts';

/**
 * Compares what the operator stored for a person at an institution with the institution's own view of the
 * customer (the provider's test hooks): every listed asset, and for every asset in normal state and every
 * API about the person, the rows — as multisets of the truth's fields, value by value. Returns the
 * differences, one line each (none: complete and correct).
 *
 * `apis` limits the comparison (default: all). 보험-003 and 보험-007 are left out: the view cannot name the
 * insured person or the car they need. `chargeMonth` APIs (카드-005, 통신-002) compare the view's month.
 */
export async function compareWithTruth(args: {
  readonly domain: OperatorDomain;
  readonly personId: string;
  readonly orgCode: string;
  /** The view over the dates the operator collected. */
  readonly truth: WireObject;
  /** The view whose months are the months the operator collected (month APIs: 카드-004, 통신-003). */
  readonly monthTruth?: WireObject;
  readonly chargeMonth?: string;
  readonly apis?: ReadonlySet<string>;
}): Promise<string[]> {
  const { domain, personId, orgCode, truth } = args;
  const out: string[] = [];
  const assets = await domain.data.assets(personId, { orgCode });
  const lists = truth['lists'] as Record<string, { item: WireObject; status: string }[]>;
  for (const [listApi, items] of Object.entries(lists)) {
    const route = assetRoute(listApi);
    if (!route) continue;
    const theirs = items.map((i) => keyText(route.key, i.item)).sort();
    const ours = assets
      .filter((a) => a.listApi === listApi)
      .map((a) => keyText(route.key, a.key))
      .sort();
    if (JSON.stringify(theirs) !== JSON.stringify(ours)) {
      out.push(`${orgCode} ${listApi}: ${ours.length} assets stored, ${theirs.length} listed`);
    }
  }
  const wanted = (apiId: string) =>
    (!args.apis || args.apis.has(apiId)) && apiId !== '보험-003' && apiId !== '보험-007';
  const monthAssets = new Map<string, WireObject>();
  for (const a of (args.monthTruth?.['assets'] ?? []) as WireObject[]) monthAssets.set(assetKeyOf(a), a);

  for (const a of truth['assets'] as WireObject[]) {
    if (a['status'] !== 'normal') continue;
    const listApi = a['list_api'] as string;
    const key = a['key'] as Record<string, string>;
    const route = assetRoute(listApi)!;
    const ours = assets.find((x) => x.listApi === listApi && keyText(route.key, x.key) === keyText(route.key, key));
    if (!ours) {
      out.push(`${orgCode} ${listApi}: asset ${keyText(route.key, key)} not stored`);
      continue;
    }
    const data = a['data'] as Record<string, WireJson>;
    const months = monthAssets.get(assetKeyOf(a))?.['data'] as Record<string, WireJson> | undefined;
    for (const [apiId, value] of Object.entries(data)) {
      if (!wanted(apiId)) continue;
      const v = isMonthApi(apiId) && months ? (months[apiId] ?? value) : value;
      out.push(...(await compareApi(domain, personId, orgCode, apiId, v, ours.id)));
    }
  }
  const customer = truth['customer'] as Record<string, WireJson>;
  const monthCustomer = args.monthTruth?.['customer'] as Record<string, WireJson> | undefined;
  for (const [apiId, value] of Object.entries(customer)) {
    if (!wanted(apiId)) continue;
    const v = isMonthApi(apiId) && monthCustomer ? (monthCustomer[apiId] ?? value) : value;
    out.push(...(await compareApi(domain, personId, orgCode, apiId, v, null, args.chargeMonth)));
  }
  return out;
}

const MONTH_APIS = new Set(['카드-004', '통신-003']);
const isMonthApi = (apiId: string) => MONTH_APIS.has(apiId);

function assetKeyOf(a: WireObject): string {
  return `${a['list_api'] as string}|${JSON.stringify(a['key'])}`;
}

function keyText(fields: readonly string[], item: Readonly<Record<string, unknown>>): string {
  return fields.map((f) => (typeof item[f] === 'string' ? item[f] : '')).join('|');
}

/** A model value as the wire wrote it. */
function wireText(v: ModelValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

function truthText(v: WireJson | undefined): string {
  if (v === undefined) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

async function compareApi(
  domain: OperatorDomain,
  personId: string,
  orgCode: string,
  apiId: string,
  value: WireJson,
  assetId: string | null,
  chargeMonth?: string,
): Promise<string[]> {
  const route = modelRoute(apiId);
  if (!route || typeof value !== 'object' || value === null) return [];
  let rows: WireObject[];
  if (Array.isArray(value)) rows = value as WireObject[];
  else if ('skipped' in value || 'error' in value) return [];
  else if ('none' in value) rows = [];
  else {
    const body = value['body'] as WireObject;
    rows = route.list ? ((body[route.list] as WireObject[] | undefined) ?? []) : [body];
  }
  const table = route.table;
  let ours = (
    await domain.data.rows(personId, table.name, { orgCode, limit: 1_000_000, ...(assetId ? { assetId } : {}) })
  ).filter((r) => r.apiId === apiId && (assetId !== null || r.assetId === null));
  if (route.fromRequest?.includes('charge_month') && chargeMonth) {
    ours = ours.filter((r) => r.values['charge_month'] === chargeMonth);
  }
  const rename = route.rename ?? {};
  const fieldOf = new Map(Object.entries(rename).map(([f, col]) => [col, f]));
  const colOf = (f: string) => rename[f] ?? f;
  const cols = new Set(
    rows.flatMap((r) =>
      Object.keys(r)
        .map(colOf)
        .filter((c) => c in table.columns),
    ),
  );
  if (cols.size === 0) {
    for (const c of Object.keys(table.columns)) {
      if (!(route.fromRequest ?? []).includes(c) && !(c in (route.fixed ?? {}))) cols.add(c);
    }
  }
  const ordered = [...cols].sort();
  const theirs = rows.map((row) =>
    JSON.stringify(ordered.map((c) => [c, truthText(row[fieldOf.get(c) ?? c])] as const).filter(([, v]) => v !== '')),
  );
  const mine = ours.map((r) =>
    JSON.stringify(ordered.map((c) => [c, wireText(r.values[c])] as const).filter(([, v]) => v !== '')),
  );
  theirs.sort();
  mine.sort();
  if (JSON.stringify(theirs) === JSON.stringify(mine)) return [];
  const missing = theirs.filter((t) => !mine.includes(t)).length;
  const extra = mine.filter((m) => !theirs.includes(m)).length;
  return [
    `${orgCode} ${apiId}${assetId ? ` (asset ${assetId.slice(0, 8)})` : ''}: ${mine.length} rows stored, ${theirs.length} true (${missing} missing, ${extra} not true)${missing ? ` e.g. ${theirs.find((t) => !mine.includes(t))}` : ''}${extra ? ` / ours ${mine.find((m) => !theirs.includes(m))}` : ''}`,
  ];
}
