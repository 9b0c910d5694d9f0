import { encodeMessage, type WireJson, type WireObject } from '@hannun/spec';
import type { Temporal } from 'temporal-polyfill';
import { assetApplies } from '../check-chain/asset-applies.ts';
import { kstDate, kstDateTime, kstTimestamp } from '../clock/kst.ts';
import type { CompiledApi } from '../engine/compile-api.ts';
import type { Institution } from '../institutions/institution.ts';
import type { CustomerBook, Holding, InstitutionBook, Row } from '../ledger/ledger.ts';

export interface ViewRange {
  readonly from: Temporal.PlainDate;
  readonly to: Temporal.PlainDate;
  /** For APIs that name one billing month (카드-005, 통신-002). */
  readonly chargeMonth: Temporal.PlainYearMonth;
}

/**
 * Everything an institution holds for one customer, as wire values (v2, nothing withheld), API by API:
 * for checking what an operator collected against the truth. Read-only: it calls the book exactly as the
 * engine does and changes nothing; no consent applies (it is the institution's own view).
 */
export function customerView(args: {
  readonly institution: Institution;
  readonly book: InstitutionBook;
  readonly apis: readonly CompiledApi[];
  readonly ci: string;
  readonly now: number;
  readonly range?: Partial<ViewRange>;
}): WireObject | undefined {
  const customer = args.book.customer(args.ci);
  if (!customer) return undefined;
  const today = kstDate(args.now);
  const range: ViewRange = {
    from: args.range?.from ?? today.subtract({ years: 1 }).add({ days: 1 }),
    to: args.range?.to ?? today,
    chargeMonth: args.range?.chargeMonth ?? today.toPlainYearMonth(),
  };
  const now = kstDateTime(args.now);
  const lists: WireObject = {};
  const assets: WireJson[] = [];
  const customerLevel: WireObject = {};

  for (const api of args.apis) {
    if (api.kind !== 'list') continue;
    const holdings = customer.holdings(api.id, now);
    lists[api.id] = holdings.map((h) => ({
      status: h.status,
      opened_on: h.openedOn.toString(),
      item: encodeMessage(api.listNode!.item, { ...h.listItem, is_consent: false } as never),
    }));
    for (const holding of holdings) {
      const data: WireObject = {};
      for (const assetApi of args.apis) {
        if (assetApi.asset?.listApi !== api.id || !assetApplies(holding, assetApi.scope)) continue;
        data[assetApi.id] = read(assetApi, customer, holding, range, now, args.institution.orgCode);
      }
      assets.push({ list_api: api.id, key: { ...holding.key }, status: holding.status, data });
    }
  }
  for (const api of args.apis) {
    if (api.asset || api.kind === 'list' || api.kind === 'api-list' || api.kind === 'consents') continue;
    customerLevel[api.id] = read(api, customer, null, range, now, args.institution.orgCode);
  }
  return {
    org_code: args.institution.orgCode,
    industry: args.institution.industry,
    as_of: String(kstTimestamp(args.now)),
    lists,
    assets,
    customer: customerLevel,
  };
}

function requestFor(api: CompiledApi, holding: Holding | null, range: ViewRange, orgCode: string): Row | string {
  const request: Record<string, unknown> = {};
  const fill: Record<string, unknown> = {
    org_code: orgCode,
    from_date: range.from,
    to_date: range.to,
    from_month: range.from.toPlainYearMonth(),
    to_month: range.to.toPlainYearMonth(),
    charge_month: range.chargeMonth,
    limit: 500,
  };
  for (const node of [...api.requestShape, ...(api.pathShape ?? [])]) {
    const value = holding?.key[node.name] ?? fill[node.name];
    if (value !== undefined) request[node.name] = value;
    else if (node.required) return `needs ${node.name}`;
  }
  return request;
}

function read(
  api: CompiledApi,
  customer: CustomerBook,
  holding: Holding | null,
  range: ViewRange,
  now: Temporal.PlainDateTime,
  orgCode: string,
): WireJson {
  const request = requestFor(api, holding, range, orgCode);
  if (typeof request === 'string') return { skipped: request };
  const ctx = { request, now };
  try {
    if (api.kind === 'series') {
      const rows = customer.series(api.id, holding, ctx);
      return rows.map((row) => encodeMessage(api.listNode!.item, row as never));
    }
    const snapshot = customer.snapshot(api.id, holding, ctx);
    if (!snapshot) return { none: 'true' };
    return {
      changed_at: String(kstTimestamp(snapshot.changedAt)),
      body: encodeMessage(api.spec.response, snapshot.body as never),
    };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
