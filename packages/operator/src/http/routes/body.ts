import type { FastifyRequest } from '@hannun/infra';
import { invalid } from '../../shared/operator-error.ts';

/** The JSON object of a request body (an OperatorError naming `body` when it is not one). */
export function bodyOf(request: FastifyRequest): Record<string, unknown> {
  const b = request.body;
  if (typeof b !== 'object' || b === null || Array.isArray(b)) {
    throw invalid('body', 'must be a JSON object', '요청 본문은 JSON 객체여야 합니다');
  }
  return b as Record<string, unknown>;
}

/** A string field, or an OperatorError naming it. */
export function str(
  body: Record<string, unknown>,
  field: string,
  opts: { optional?: boolean; max?: number } = {},
): string {
  const v = body[field];
  if (v === undefined && opts.optional) return '';
  if (typeof v !== 'string') throw invalid(field, 'must be a string', '문자열이어야 합니다');
  if (v.length > (opts.max ?? 1000)) throw invalid(field, 'is too long', '너무 깁니다');
  return v;
}
