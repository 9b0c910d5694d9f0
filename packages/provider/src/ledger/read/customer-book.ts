import { apiById, apisForIndustry, type Industry } from '@hannun/spec';
import type { Temporal } from 'temporal-polyfill';
import type { CustomerBook, Holding, ReadContext, Row, Snapshot } from '../ledger.ts';
import type { Population } from '../life/population.ts';
import type { Slot } from '../plan/plan-types.ts';
import { SECONDS_PER_DAY } from '../time/day-number.ts';
import { API_READERS } from './api-readers.ts';
import { holdingOf, listApiOf } from './holdings.ts';
import { Reader } from './reader.ts';
import { date, ms } from './row-values.ts';
import { tsOfPlainDateTime } from '../time/temporal-values.ts';
import type { SeriesMemo } from './series-memo.ts';

/** The name of an API's list in its response (series items wrap into it for a snapshot, and back). */
function listNameOf(apiId: string): string | undefined {
  for (const node of apiById(apiId).response) if (node.kind === 'list') return node.name;
  return undefined;
}

const LIST_NAMES = new Map<string, string | undefined>();
function listName(apiId: string): string | undefined {
  if (!LIST_NAMES.has(apiId)) LIST_NAMES.set(apiId, listNameOf(apiId));
  return LIST_NAMES.get(apiId);
}

/** Request values that select a series (dates, months, the asset's sub-keys), as a memo key. */
function requestKey(request: Row): string {
  const parts: string[] = [];
  for (const k of [
    'from_date',
    'to_date',
    'from_month',
    'to_month',
    'charge_month',
    'seqno',
    'insured_no',
    'car_number',
  ]) {
    const v = request[k];
    if (v !== undefined) parts.push(`${k}=${String(v)}`);
  }
  return parts.join('&');
}

/**
 * The read's time as a memo key: its ts (reads see whole seconds), remembered for the last date-time object
 * (the engine's clock hands out one per second).
 */
let lastNow: Temporal.PlainDateTime | undefined;
let lastSecond = 0;
function secondOf(now: Temporal.PlainDateTime): number {
  if (now !== lastNow) {
    lastSecond = tsOfPlainDateTime(now);
    lastNow = now;
  }
  return lastSecond;
}

interface HeldList {
  now: Temporal.PlainDateTime;
  readonly from: number;
  readonly until: number;
  readonly list: readonly Holding[];
}

/**
 * What one institution holds for one customer, read at the engine's clock. Holdings are the customer's
 * products at this institution opened by now; snapshots and series come from the API readers over the
 * customer's simulated months. Series results are memoised briefly, so paging through a long range does
 * not rebuild it for every page.
 */
export class LedgerCustomerBook implements CustomerBook {
  readonly ci: string;
  /** Reads are a function of their arguments and the second of `now`: the engine may memoise answers. */
  readonly pure = true;
  private readonly apis: ReadonlySet<string>;
  /** The last holdings of each list API, with the span of `now` (ts, [from, until)) they stay the same over. */
  private readonly held = new Map<string, HeldList>();

  constructor(
    private readonly pop: Population,
    private readonly index: number,
    private readonly org: string,
    industry: Industry,
    private readonly memo: SeriesMemo,
  ) {
    this.ci = pop.plan(index).ci;
    this.apis = new Set(apisForIndustry(industry).map((api) => api.id));
  }

  private reader(now: Temporal.PlainDateTime): Reader {
    return new Reader(this.pop, this.index, this.org, now);
  }

  /**
   * Holdings depend on `now` only through which slots have opened (to the second) and the day (status
   * changes fall on day boundaries): the list is kept with the span of time over which neither moves.
   */
  holdings(listApi: string, now: Temporal.PlainDateTime): readonly Holding[] {
    if (!this.apis.has(listApi)) return [];
    const last = this.held.get(listApi);
    if (last && last.now === now) return last.list;
    const end = this.pop.world.endDay;
    const raw = tsOfPlainDateTime(now);
    const ts = Number.isFinite(end) ? Math.min(raw, (end + 1) * SECONDS_PER_DAY - 1) : raw;
    if (last && ts >= last.from && ts < last.until) {
      last.now = now;
      return last.list;
    }
    const r = this.reader(now);
    const out: Holding[] = [];
    let from = r.nowDay * SECONDS_PER_DAY;
    let until = from + SECONDS_PER_DAY;
    for (const slot of r.plan.slots) {
      if (slot.org !== this.org) continue;
      const opened = slot.opened * SECONDS_PER_DAY + slot.openedSec;
      if (opened <= r.nowTs) from = Math.max(from, opened);
      else until = Math.min(until, opened);
      if (listApiOf(slot) === listApi && r.exists(slot)) out.push(holdingOf(r, slot, listApi));
    }
    if (r.nowTs === ts) this.held.set(listApi, { now, from, until, list: out });
    return out;
  }

  /** The slot a holding names, if it is this customer's at this institution. */
  private slotOf(holding: Holding | null): Slot | null | undefined {
    if (holding === null) return null;
    const [customer, slot] = holding.id.split(':').map(Number);
    if (customer !== this.index || slot === undefined) return undefined;
    const found = this.pop.plan(this.index).slots[slot];
    return found && found.org === this.org ? found : undefined;
  }

  snapshot(apiId: string, holding: Holding | null, ctx: ReadContext): Snapshot | undefined {
    if (!this.apis.has(apiId)) return undefined;
    const slot = this.slotOf(holding);
    if (slot === undefined) return undefined;
    const r = this.reader(ctx.now);
    if (slot && !r.exists(slot)) return undefined;
    const reader = API_READERS[apiId];
    if (!reader) return this.listExtras(apiId, r);
    if (reader.kind === 'snapshot') {
      const answer = reader.read(r, slot, ctx.request);
      return answer ? { body: answer.body, changedAt: ms(Math.min(answer.changedAt, r.nowTs)) } : undefined;
    }
    const items = reader.read(r, slot, ctx.request);
    const name = listName(apiId);
    if (!items || !name) return undefined;
    return { body: { [name]: items }, changedAt: ms(Math.min(r.nowTs, r.nowDay * SECONDS_PER_DAY)) };
  }

  series(apiId: string, holding: Holding | null, ctx: ReadContext): readonly Row[] {
    if (!this.apis.has(apiId)) return [];
    const slot = this.slotOf(holding);
    if (slot === undefined) return [];
    const key = `${this.org}|${this.index}|${apiId}|${holding?.id ?? '-'}|${requestKey(ctx.request)}|${secondOf(ctx.now)}`;
    const hit = this.memo.get(key);
    if (hit) return hit;
    const r = this.reader(ctx.now);
    if (slot && !r.exists(slot)) return [];
    const reader = API_READERS[apiId];
    let items: readonly Row[] = [];
    if (reader?.kind === 'series') items = reader.read(r, slot, ctx.request) ?? [];
    else if (reader?.kind === 'snapshot') {
      const name = listName(apiId);
      const body = reader.read(r, slot, ctx.request)?.body;
      const list = name && body ? body[name] : undefined;
      items = Array.isArray(list) ? (list as Row[]) : [];
    }
    this.memo.set(key, items);
    return items;
  }

  /** Top-level fields of a list API beyond its list (reg_date): the first product at this institution. */
  private listExtras(apiId: string, r: Reader): Snapshot | undefined {
    const fields = apiById(apiId).response.map((n) => n.name);
    if (!fields.includes('reg_date')) return undefined;
    const first = r.plan.slots
      .filter((s) => s.org === this.org && r.exists(s))
      .reduce<Slot | undefined>((a, s) => (!a || s.opened < a.opened ? s : a), undefined);
    if (!first) return undefined;
    return { body: { reg_date: date(first.opened) }, changedAt: ms(first.opened * SECONDS_PER_DAY + first.openedSec) };
  }
}
