import type { ApiSpec, Industry } from '@hannun/spec';
import { dateWire, monthWire, type PlainDate } from './kst-dates.ts';

/** An asset as the examiner knows it: the wire values of its key fields (from the list, and later answers). */
export type AssetKey = Readonly<Record<string, string>>;

export interface RequestContext {
  readonly orgCode: string;
  readonly industry: Industry;
  readonly today: PlainDate;
  readonly asset?: AssetKey;
  /** The page size to ask for (a required `limit` gets 500 otherwise; an optional one is left out). */
  readonly limit?: number;
  readonly version?: string;
}

/** Fields no request of the catalogue can do without that the examiner cannot make up. */
export class MissingValue extends Error {
  override readonly name = 'MissingValue';
}

/** The usual period: the last 7 days, or last month and this one. */
export function usualPeriod(today: PlainDate): Record<string, string> {
  const month = today.toPlainYearMonth();
  return {
    from_date: dateWire(today.subtract({ days: 6 })),
    to_date: dateWire(today),
    from_month: monthWire(month.subtract({ months: 1 })),
    to_month: monthWire(month),
    charge_month: monthWire(month),
  };
}

/**
 * A valid request of an information API: org_code, the asset's key fields, the usual period, the limit;
 * every other optional field left out. Throws MissingValue when a required field has no known value.
 */
export function validFields(api: ApiSpec, ctx: RequestContext): Record<string, string> {
  const known: Record<string, string> = {
    org_code: ctx.orgCode,
    ...usualPeriod(ctx.today),
    ...(ctx.asset ?? {}),
  };
  const fields: Record<string, string> = {};
  for (const node of api.request.shape) {
    if (node.name === 'limit') {
      if (ctx.limit !== undefined || node.required) fields['limit'] = String(ctx.limit ?? 500);
      continue;
    }
    const value = known[node.name];
    const isKey = api.assetKeys.includes(node.name);
    if (value !== undefined && value !== '' && (node.required || isKey)) fields[node.name] = value;
    else if (node.required) throw new MissingValue(`${api.id}: no value known for the required field ${node.name}`);
  }
  return fields;
}

/** The API's path with its path parameters filled from the asset (`/v2/card/cards/{card_id}/…`). */
export function pathOf(api: ApiSpec, ctx: Pick<RequestContext, 'industry' | 'asset' | 'version'>): string {
  const version = ctx.version ?? 'v2';
  const template =
    api.group === 'info' ? `/${version}/${ctx.industry}${api.resource}` : api.resource.replace('{version}', version);
  return template.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
    const value = ctx.asset?.[name];
    if (value === undefined) throw new MissingValue(`${api.id}: no value known for the path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

/** Request fields that are path parameters are sent in the path only. */
export function withoutPathParams(api: ApiSpec, fields: Record<string, string>): Record<string, string> {
  const inPath = new Set((api.request.path ?? []).map((n) => n.name));
  return Object.fromEntries(Object.entries(fields).filter(([k]) => !inPath.has(k)));
}
