import type { FastifyReply, FastifyRequest } from '@hannun/infra';
import { badRequest } from './app-error.ts';

/** Where a NUL character is in a parsed value (`params.id`, `body.items[0]`), or undefined. */
function nulIn(v: unknown, at: string, depth = 0): string | undefined {
  if (typeof v === 'string') return v.includes('\u0000') ? at : undefined;
  if (depth > 32 || typeof v !== 'object' || v === null) return undefined;
  for (const [k, x] of Object.entries(v)) {
    if (k.includes('\u0000')) return at;
    const found = nulIn(x, `${at}.${k}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * preValidation for the API: a NUL character in a path parameter, the query or the JSON body is refused with
 * 400 naming the field. No text column can hold it (PostgreSQL refuses it mid-query: it was a 500).
 */
export async function refuseNul(request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  const at = nulIn(request.params, 'params') ?? nulIn(request.query, 'query') ?? nulIn(request.body, 'body');
  if (at === undefined) return;
  const field = at.replace(/^(params|query|body)\.?/, '') || at;
  return badRequest(reply, request, field, 'must not contain a NUL character', 'NUL 문자를 포함할 수 없습니다');
}
