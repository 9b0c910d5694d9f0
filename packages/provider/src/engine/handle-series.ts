import type { Passed } from '../check-chain/run-check-chain.ts';
import { type MemoAnswer, memoFor, recall, remember } from './answer-memo.ts';
import type { CompiledApi } from './compile-api.ts';
import { consentedItems } from './consented-items.ts';
import {
  type HandlerDeps,
  newSearchTimestamp,
  pageOf,
  pageSize,
  readContext,
  readTime,
  withheldMask,
} from './read-context.ts';
import { type Answer, OK_MSG } from './respond.ts';

/**
 * A paginated API (transactions, approvals, bills): the rows the book selects for the request, as of the
 * first page's time, in pages of `limit` with a next_page cursor while more remain. A series has no change
 * time of its own in the ledger contract, so one that takes search_timestamp (IRP-003) always sends its
 * data, with a new search_timestamp on the first page.
 *
 * On a pure book (the generated ledger) the encoded page is kept for identical requests (answer-memo.ts):
 * every input of the answer is in the memo key, so the bytes are those a fresh read would give.
 */
export function handleSeries(api: CompiledApi, passed: Passed, deps: HandlerDeps): Answer {
  const memo = api.itemFilter ? undefined : memoFor(passed.customer);
  const mask = withheldMask(passed);
  const asOf = readTime(passed);
  let key = '';
  if (memo) {
    key = `${passed.position?.offset ?? 0}\u0002${pageSize(api, passed)}\u0002${passed.version}\u0002${mask}\u0002${Math.floor(asOf / 1000)}`;
    if (api.timestamp && passed.position === null) key += `\u0002${Math.floor(passed.now / 1000)}`;
    for (const field of api.bindingFields) key += `\u0002${passed.wire[field] ?? '\u0003'}`;
    key += `\u0002${passed.binding}`;
    const hit = memo.get(key);
    const body = hit && recall(hit, passed.binding, asOf, deps.cursors);
    if (body) return { rspCode: '00000', body };
  }

  let rows = passed.customer.series(api.id, passed.holding, readContext(passed));
  if (api.itemFilter) rows = consentedItems(rows, api.itemFilter, passed);
  const { page, next, nextOffset } = pageOf(rows, api, passed, deps);
  const message: Record<string, unknown> = { rsp_code: '00000', rsp_msg: OK_MSG, [api.listNode!.name]: page };
  if (api.timestamp && passed.position === null) message['search_timestamp'] = newSearchTimestamp(passed);
  if (next !== undefined) message['next_page'] = next;
  const body = api.encoder(passed.version, mask).bytes(message);

  if (memo) {
    let cursorAt = -1;
    if (next !== undefined) {
      cursorAt = body.indexOf(next, 0, 'latin1');
      // Kept only when the cursor's characters are found exactly once, as they are in the JSON text.
      if (cursorAt < 0 || body.lastIndexOf(next, undefined, 'latin1') !== cursorAt) return { rspCode: '00000', body };
    }
    const kept: MemoAnswer = {
      body,
      asOf,
      cursorAt,
      cursorLength: next?.length ?? 0,
      nextOffset: nextOffset ?? 0,
      codec: deps.cursors,
    };
    remember(memo, key, kept);
  }
  return { rspCode: '00000', body };
}
