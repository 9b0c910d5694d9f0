import { fail, type CheckFailure } from '../check-chain/check-failure.ts';
import { isUpToDate } from '../check-chain/check-timestamp.ts';
import type { Passed } from '../check-chain/run-check-chain.ts';
import type { Row } from '../ledger/ledger.ts';
import type { CompiledApi } from './compile-api.ts';
import { consentedItems } from './consented-items.ts';
import { newSearchTimestamp, readContext, withheldMask } from './read-context.ts';
import { type Answer, envelopeAnswer, OK_MSG } from './respond.ts';

/**
 * A basic or detail API (은행-002, 카드-003 …): one body from the book, for the asset or the customer;
 * 00001 when the caller's search_timestamp covers its last change.
 */
export function handleSnapshot(api: CompiledApi, passed: Passed): Answer | CheckFailure {
  const snapshot = passed.customer.snapshot(api.id, passed.holding, readContext(passed));
  if (!snapshot) return fail('40402', undefined, 'the book has nothing of this API for this asset');
  if (api.timestamp && isUpToDate(passed.request['search_timestamp'], snapshot.changedAt))
    return envelopeAnswer('00001');
  const body: Record<string, unknown> = { ...snapshot.body, rsp_code: '00000', rsp_msg: OK_MSG };
  if (api.timestamp) body['search_timestamp'] = newSearchTimestamp(passed);
  const filter = api.itemFilter;
  if (filter) {
    const items = body[filter.list];
    if (Array.isArray(items)) body[filter.list] = consentedItems(items as Row[], filter, passed);
  }
  return { rspCode: '00000', body: api.encoder(passed.version, withheldMask(passed)).bytes(body) };
}
