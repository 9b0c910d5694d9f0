import type { Passed } from '../check-chain/run-check-chain.ts';
import type { CompiledApi } from './compile-api.ts';
import { consentedItems } from './consented-items.ts';
import { newSearchTimestamp, pageOf, type HandlerDeps, readContext, withheldMask } from './read-context.ts';
import { type Answer, OK_MSG } from './respond.ts';

/**
 * A paginated API (transactions, approvals, bills): the rows the book selects for the request, as of the
 * first page's time, in pages of `limit` with a next_page cursor while more remain. A series has no change
 * time of its own in the ledger contract, so one that takes search_timestamp (IRP-003) always sends its
 * data, with a new search_timestamp on the first page.
 */
export function handleSeries(api: CompiledApi, passed: Passed, deps: HandlerDeps): Answer {
  let rows = passed.customer.series(api.id, passed.holding, readContext(passed));
  if (api.itemFilter) rows = consentedItems(rows, api.itemFilter, passed);
  const { page, next } = pageOf(rows, api, passed, deps);
  const body: Record<string, unknown> = { rsp_code: '00000', rsp_msg: OK_MSG, [api.listNode!.name]: page };
  if (api.timestamp && passed.position === null) body['search_timestamp'] = newSearchTimestamp(passed);
  if (next !== undefined) body['next_page'] = next;
  return { rspCode: '00000', body: api.encoder(passed.version, withheldMask(passed)).bytes(body) };
}
