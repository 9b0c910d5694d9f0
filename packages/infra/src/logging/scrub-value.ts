import { maskCard } from './luhn.ts';
import { REDACTED, scrubText } from './scrub-text.ts';
import type { SensitiveKeyMatcher } from './sensitive-keys.ts';

const MAX_DEPTH = 12;
// Error objects keep their `code` (ECONNREFUSED, FST_ERR_…): it is a diagnosis, not an OAuth code.
const ERROR_PARENTS = new Set(['err', 'error', 'cause']);
/**
 * Trace identifiers stay whole, so a request can be followed across institutions: an x-api-tran-id
 * (org_code, a letter, 14 characters — its digits would otherwise pass for a card number) or a request
 * UUID. A value of another shape under these keys is scrubbed like any other text.
 */
const TRACE_KEYS = new Set(['tranid', 'reqid', 'x-api-tran-id', 'requestid', 'api_tran_id']);
const TRACE_ID =
  /^(?:[A-Za-z0-9]{10}[MSRCPA][A-Za-z0-9]{14}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

function redactedFor(key: string, value: unknown, isSensitive: SensitiveKeyMatcher): unknown {
  if (value === null || value === undefined || value === '') return value;
  if (isSensitive.isCard(key) && (typeof value === 'string' || typeof value === 'number'))
    return maskCard(String(value));
  return REDACTED;
}

/**
 * A copy of `value` with every sensitive name's value replaced (names compared case-insensitively, at any
 * depth) and every string scrubbed with {@link scrubText}. Cycles and depth beyond 12 are cut off.
 */
export function scrubValue(value: unknown, isSensitive: SensitiveKeyMatcher): unknown {
  return walk(value, isSensitive, '', 0, new WeakSet());
}

function walk(
  value: unknown,
  isSensitive: SensitiveKeyMatcher,
  parent: string,
  depth: number,
  seen: WeakSet<object>,
): unknown {
  if (typeof value === 'string') {
    return TRACE_KEYS.has(parent.toLowerCase()) && TRACE_ID.test(value) ? value : scrubText(value, isSensitive);
  }
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((v) => walk(v, isSensitive, parent, depth + 1, seen));
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return walk(toJSON.call(value), isSensitive, parent, depth + 1, seen);
    const out: Record<string, unknown> = {};
    const keepCode = ERROR_PARENTS.has(parent.toLowerCase());
    for (const [key, v] of Object.entries(value)) {
      if (isSensitive(key) && !(keepCode && key === 'code')) out[key] = redactedFor(key, v, isSensitive);
      else out[key] = walk(v, isSensitive, key, depth + 1, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}
