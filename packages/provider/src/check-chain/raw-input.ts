import { type CheckFailure, fail } from './check-failure.ts';

/**
 * The request's fields before decoding: the query of a GET, the JSON body of a POST. The engine takes POST
 * bodies as text and parses them here, so that a malformed body is judged in its place in the chain
 * (40001 at the decoding step) rather than before the token is even looked at.
 */
export type RawInput = Readonly<Record<string, unknown>>;

const JSON_TYPE = /^application\/json(\s*;.*)?$/i;

export function readRawInput(
  method: 'GET' | 'POST',
  query: unknown,
  body: unknown,
  contentType: string | undefined,
): RawInput | CheckFailure {
  const q = (query ?? {}) as Record<string, unknown>;
  if (method === 'GET') return q;
  if (Object.keys(q).length > 0) {
    return fail('40001', '(query): POST API는 쿼리 파라미터를 받지 않습니다', 'query parameters on a POST API');
  }
  if (contentType === undefined || !JSON_TYPE.test(contentType)) {
    return fail('40001', '(body): Content-Type은 application/json이어야 합니다', 'body is not application/json');
  }
  if (typeof body !== 'string' || body === '') return fail('40001', '(body): 요청 본문이 없습니다', 'empty body');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return fail('40001', '(body): JSON 형식 오류', 'body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return fail('40001', '(body): JSON 객체여야 합니다', 'body is not a JSON object');
  }
  return parsed as RawInput;
}
