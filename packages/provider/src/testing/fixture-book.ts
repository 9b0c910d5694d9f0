import { apiById, type ApiSpec, type ListNode, type ShapeNode } from '@hannun/spec';
import { Temporal } from 'temporal-polyfill';
import type { CustomerBook, Holding, InstitutionBook, ReadContext, Row, Snapshot } from '../ledger/ledger.ts';
import { fixtureRow } from './fixture-values.ts';

/**
 * A small hand-made book for the engine's tests, standing in for the synthetic ledger: holdings written out
 * per customer, and every body and row derived from the catalogue's shapes with fixed values. Series rows
 * fall every second day (a fixed grid of Korean days, so they do not move as the clock does), are filtered
 * by the request's dates, months or charge_month and by `now`, newest first, and are the same objects on
 * every call (as a memoising ledger would hand them out).
 */
export interface FixtureCustomer {
  readonly ci: string;
  readonly holdings: readonly Holding[];
  /** Change time of the customer-level data (points, bills …), epoch ms. */
  readonly changedAt: number;
}

const NOT_BODY = new Set(['search_timestamp', 'next_page']);

function responseList(api: ApiSpec): ListNode | undefined {
  for (const node of api.response) if (node.kind === 'list') return node;
  return undefined;
}

function dateField(item: readonly ShapeNode[]): string | undefined {
  for (const kind of ['DTIME', 'DATE', 'MONTH'] as const) {
    const found = item.find((n) => n.kind === 'field' && n.type.kind === kind);
    if (found) return found.name;
  }
  return undefined;
}

function dayOf(value: unknown): Temporal.PlainDate | undefined {
  if (value instanceof Temporal.PlainDate) return value;
  if (value instanceof Temporal.PlainDateTime) return value.toPlainDate();
  if (value instanceof Temporal.PlainYearMonth) return value.toPlainDate({ day: 1 });
  return undefined;
}

function selects(request: Row, day: Temporal.PlainDate): boolean {
  const { from_date, to_date, from_month, to_month, charge_month } = request;
  const cmp = Temporal.PlainDate.compare;
  if (from_date instanceof Temporal.PlainDate && cmp(day, from_date) < 0) return false;
  if (to_date instanceof Temporal.PlainDate && cmp(day, to_date) > 0) return false;
  const month = day.toPlainYearMonth();
  if (from_month instanceof Temporal.PlainYearMonth && Temporal.PlainYearMonth.compare(month, from_month) < 0)
    return false;
  if (to_month instanceof Temporal.PlainYearMonth && Temporal.PlainYearMonth.compare(month, to_month) > 0) return false;
  if (charge_month instanceof Temporal.PlainYearMonth && !month.equals(charge_month)) return false;
  return true;
}

function seedOf(text: string): number {
  let h = 7;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) % 100_003;
  return h;
}

const GRID_START = new Temporal.PlainDate(2019, 1, 1);
const GRID_END = new Temporal.PlainDate(2026, 12, 31);

function customerBook(orgCode: string, customer: FixtureCustomer, anchor: Temporal.PlainDate): CustomerBook {
  const seriesCache = new Map<string, Row[]>();
  const listed = (listApi: string) => customer.holdings.filter((h) => h.listApi === listApi);

  /** Items of customer-level lists that name an asset get one item per holding carrying that key. */
  const perHolding = (list: ListNode, seed: number, date: Temporal.PlainDate): Row[] | undefined => {
    const names = new Set(list.item.map((n) => n.name));
    const holdings = customer.holdings.filter((h) => Object.keys(h.key).some((k) => names.has(k)));
    if (holdings.length === 0) return undefined;
    return holdings.map((h, i) => ({ ...fixtureRow(list.item, seed + i, date), ...h.key }));
  };

  return {
    ci: customer.ci,
    holdings(listApi, now) {
      const today = now.toPlainDate();
      return listed(listApi).filter((h) => Temporal.PlainDate.compare(h.openedOn, today) <= 0);
    },
    snapshot(apiId, holding): Snapshot | undefined {
      const api = apiById(apiId);
      const seed = seedOf(`${orgCode}/${apiId}/${holding?.id ?? customer.ci}`);
      const body: Record<string, unknown> = { ...fixtureRow(api.response, seed, anchor, 2, NOT_BODY) };
      if (!holding) {
        for (const node of api.response) {
          if (node.kind !== 'list') continue;
          const items = perHolding(node, seed, anchor);
          if (items) body[node.name] = items;
        }
      }
      return { body, changedAt: holding?.changedAt ?? customer.changedAt };
    },
    series(apiId, holding, ctx: ReadContext) {
      const api = apiById(apiId);
      const list = responseList(api);
      if (!list) return [];
      const field = dateField(list.item);
      const key = `${apiId}/${holding?.id ?? ''}`;
      let rows = seriesCache.get(key);
      if (!rows) {
        const seed = seedOf(`${orgCode}/${key}`);
        rows = [];
        for (let day = GRID_START; Temporal.PlainDate.compare(day, GRID_END) <= 0; day = day.add({ days: 2 })) {
          rows.push(fixtureRow(list.item, seed + rows.length, day));
        }
        rows.reverse();
        seriesCache.set(key, rows);
      }
      const today = ctx.now.toPlainDate();
      return rows.filter((row) => {
        const day = field ? dayOf(row[field]) : undefined;
        if (!day) return true;
        return Temporal.PlainDate.compare(day, today) <= 0 && selects(ctx.request, day);
      });
    },
  };
}

export function createFixtureBook(
  orgCode: string,
  customers: readonly FixtureCustomer[],
  anchor: Temporal.PlainDate,
): InstitutionBook {
  const books = new Map(customers.map((c) => [c.ci, customerBook(orgCode, c, anchor)]));
  return {
    orgCode,
    customer: (ci) => books.get(ci),
    customers: () => books.keys(),
  };
}
