import type { Temporal } from 'temporal-polyfill';
import type { Passed } from '../check-chain/run-check-chain.ts';
import { kstDateTime, kstTimestamp } from '../clock/kst.ts';
import type { CursorCodec } from '../cursor/cursor-codec.ts';
import type { ReadContext } from '../ledger/ledger.ts';
import { CONSENT_GATES, type CompiledApi } from './compile-api.ts';

/** Where the handlers get their bits: the engine's cursor codec. */
export interface HandlerDeps {
  readonly cursors: CursorCodec;
}

/**
 * The time a read sees: the request's time on a first page, the first page's time on the next ones (so a
 * paginated read is one consistent snapshot).
 */
export function readTime(passed: Passed): number {
  return passed.position?.asOf ?? passed.now;
}

export function readContext(passed: Passed): ReadContext & { readonly now: Temporal.PlainDateTime } {
  return { request: passed.request, now: kstDateTime(readTime(passed)) };
}

/** Bit i set = consent flag CONSENT_GATES[i] is false, its fields withheld. */
export function withheldMask(passed: Passed): number {
  const { flags } = passed.consent;
  const given = [flags.transMemo, flags.merchantNameRegno, flags.transCategory];
  let mask = 0;
  for (let i = 0; i < CONSENT_GATES.length; i++) if (!given[i]) mask |= 1 << i;
  return mask;
}

/** The page size a request asks for: its `limit`, or the list's maximum when it may leave it out. */
export function pageSize(api: CompiledApi, passed: Passed): number {
  const limit = passed.request['limit'];
  return typeof limit === 'number' ? Math.min(limit, api.pageMax) : api.pageMax;
}

/** A new search_timestamp: the provider clock's Korean time, N(14). */
export function newSearchTimestamp(passed: Passed): number {
  return kstTimestamp(passed.now);
}

/** The page of `items` at the request's position, and the cursor of the next one (undefined on the last). */
export function pageOf<T>(
  items: readonly T[],
  api: CompiledApi,
  passed: Passed,
  deps: HandlerDeps,
): { page: readonly T[]; next: string | undefined; nextOffset: number | undefined } {
  const offset = passed.position?.offset ?? 0;
  if (!api.paginated) return { page: items, next: undefined, nextOffset: undefined };
  const end = offset + pageSize(api, passed);
  const page = offset === 0 && end >= items.length ? items : items.slice(offset, end);
  const next =
    end < items.length ? deps.cursors.encode(passed.binding, { offset: end, asOf: readTime(passed) }) : undefined;
  return { page, next, nextOffset: next === undefined ? undefined : end };
}
