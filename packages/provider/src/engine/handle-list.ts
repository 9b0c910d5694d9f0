import type { Passed } from '../check-chain/run-check-chain.ts';
import { isUpToDate } from '../check-chain/check-timestamp.ts';
import { kstDateTime } from '../clock/kst.ts';
import { consentCovers } from '../consent/consent-assets.ts';
import type { CompiledApi } from './compile-api.ts';
import { newSearchTimestamp, pageOf, type HandlerDeps, readTime, withheldMask } from './read-context.ts';
import { type Answer, envelopeAnswer, OK_MSG } from './respond.ts';

/**
 * A list API (은행-001, 카드-001, 보험-008 …): the customer's holdings listed by it, each item with
 * `is_consent` from the consent. The list changes when a holding is added, closed or renamed, so its change
 * time is the latest of its holdings'.
 */
export function handleList(api: CompiledApi, passed: Passed, deps: HandlerDeps): Answer {
  const holdings = passed.customer.holdings(api.id, kstDateTime(readTime(passed)));
  const firstPage = passed.position === null;
  if (firstPage && api.timestamp) {
    let changedAt = 0;
    for (const h of holdings) if (h.changedAt > changedAt) changedAt = h.changedAt;
    if (isUpToDate(passed.request['search_timestamp'], changedAt)) return envelopeAnswer('00001');
  }
  const { page, next } = pageOf(holdings, api, passed, deps);
  const items = page.map((h) => ({ ...h.listItem, is_consent: consentCovers(passed.consent, h) }));
  const body: Record<string, unknown> = { rsp_code: '00000', rsp_msg: OK_MSG, [api.listNode!.name]: items };
  if (firstPage && api.timestamp) body['search_timestamp'] = newSearchTimestamp(passed);
  if (next !== undefined) body['next_page'] = next;
  return { rspCode: '00000', body: api.encoder(passed.version, withheldMask(passed)).bytes(body) };
}
