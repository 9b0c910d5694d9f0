import { invalid } from '../shared/operator-error.ts';
import type { AnalysedSearchRequest } from './transaction-search.ts';

type SearchParams = Pick<AnalysedSearchRequest, 'text' | 'direction' | 'from' | 'to' | 'cursor'>;

const NAMES = ['q', 'direction', 'from', 'to', 'cursor'] as const;

function once(q: Record<string, unknown>, name: string): string | undefined {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') throw invalid(name, 'must be given once', '한 번만 지정하세요');
  return v;
}

/**
 * The whole-history search's query parameters of `GET /api/analysis/transactions`, or undefined when none is
 * given (the month listing then). Values are checked by TransactionPages (dates, direction, words ≤ 100
 * characters, the cursor's signature), each error naming its field.
 */
export function searchParams(q: Record<string, unknown>): SearchParams | undefined {
  const v = Object.fromEntries(NAMES.map((n) => [n, once(q, n)])) as Record<(typeof NAMES)[number], string | undefined>;
  if (NAMES.every((n) => v[n] === undefined)) return undefined;
  const text = v.q?.trim();
  if (v.direction !== undefined && v.direction !== 'in' && v.direction !== 'out')
    throw invalid('direction', 'must be in or out', '입금(in) 또는 출금(out)이어야 합니다');
  return {
    ...(text ? { text } : {}),
    ...(v.direction !== undefined ? { direction: v.direction } : {}),
    ...(v.from !== undefined ? { from: v.from } : {}),
    ...(v.to !== undefined ? { to: v.to } : {}),
    ...(v.cursor !== undefined ? { cursor: v.cursor } : {}),
  };
}
