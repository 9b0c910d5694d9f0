import { type Shape, WireError } from '@hannun/spec';
import type { Row } from '../ledger/ledger.ts';
import { type CheckFailure, fail } from './check-failure.ts';
import type { RawInput } from './raw-input.ts';
import type { RequestDecoder } from './request-decoder.ts';

export interface DecodedRequest {
  /** Inner values of the query or body, and of the path parameters. */
  readonly request: Row;
  /** The same fields as wire strings (what cursors bind to and asset keys compare with). */
  readonly wire: Readonly<Record<string, string>>;
}

/**
 * Step 10, 40001: the query or body decoded with the API's request shape, unknown fields refused, and the
 * path parameters (`{card_id}`) with the path shape. `limit` must be 1…500 (the shape checks ≤ 500).
 *
 * It sits after the who-may-ask checks (token, scope, org, end date) and before the what-is-asked checks
 * (asset, period, cursor): a caller without a valid token learns nothing about the request's shape, and
 * everything after it works on typed values.
 */
export function decodeRequest(
  decode: RequestDecoder,
  pathShape: Shape | undefined,
  decodePath: RequestDecoder | undefined,
  raw: RawInput,
  params: Readonly<Record<string, string | undefined>>,
): DecodedRequest | CheckFailure {
  try {
    const request = decode(raw);
    const wire: Record<string, string> = {};
    for (const key in raw) {
      const v = raw[key];
      if (typeof v === 'string') wire[key] = v;
    }
    if (pathShape && decodePath) {
      const path: Record<string, unknown> = {};
      for (const node of pathShape) path[node.name] = params[node.name];
      Object.assign(request, decodePath(path));
      for (const node of pathShape) wire[node.name] = params[node.name] ?? '';
    }
    if (request['limit'] === 0) return fail('40001', 'limit: 1 이상이어야 합니다', 'limit 0');
    return { request, wire };
  } catch (error) {
    if (!(error instanceof WireError)) throw error;
    return fail('40001', error.messageKo, error.message);
  }
}
