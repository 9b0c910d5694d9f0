import type { FastifyRequest } from '@hannun/infra';
import { type CaFailure, fail } from '../service/ca-failure.ts';

const JSON_TYPE = /^application\/json(\s*;.*)?$/i;

/**
 * The JSON object of a POST body. The API service takes JSON bodies as text, so a malformed body is
 * answered in its place (40001, after the token) instead of by the framework before anything is checked.
 */
export function readJsonBody(request: FastifyRequest): Record<string, unknown> | CaFailure {
  const type = request.headers['content-type'];
  if (type === undefined || !JSON_TYPE.test(type)) {
    return fail('40001', '(body): Content-Type은 application/json이어야 합니다', 'body is not application/json');
  }
  if (typeof request.body !== 'string' || request.body === '') {
    return fail('40001', '(body): 요청 본문이 없습니다', 'empty body');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.body);
  } catch {
    return fail('40001', '(body): JSON 형식 오류', 'body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return fail('40001', '(body): JSON 객체여야 합니다', 'body is not a JSON object');
  }
  return parsed as Record<string, unknown>;
}
