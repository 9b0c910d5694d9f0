import type { FastifyReply } from '@hannun/infra';
import { encodeMessage, OAUTH_ERROR_BODY, OAUTH_ERRORS, type OAuthErrorCode, utf8Length } from '@hannun/spec';

/**
 * A refusal of an OAuth endpoint (첨부1; RFC 6749 §5.2, RFC 7009): the `error` code from the catalogue and
 * an `error_description` that names the field at fault (`client_secret: …`), in Korean as the standard's
 * AH(450) messages are. Never a token, secret or CI in it. `reason` is English, for logs and tests.
 */
export class OAuthFailure {
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
    readonly reason: string = description,
  ) {}
}

export function oauthFail(error: OAuthErrorCode, description: string, reason?: string): OAuthFailure {
  return new OAuthFailure(error, description, reason);
}

export function isOAuthFailure(value: unknown): value is OAuthFailure {
  return value instanceof OAuthFailure;
}

const DESCRIPTION_MAX_BYTES = 450;

/** An error_description that fits AH(450): cut at a character boundary when too long. */
export function fitDescription(text: string): string {
  if (utf8Length(text) <= DESCRIPTION_MAX_BYTES) return text;
  let out = '';
  for (const ch of text) {
    if (utf8Length(out + ch) > DESCRIPTION_MAX_BYTES) break;
    out += ch;
  }
  return out;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** Token and revoke answers are never cached (RFC 6749 §5.1). */
export function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
}

/** The OAuth error body with the catalogue's HTTP status (503 with Retry-After). */
export function sendOAuthFailure(reply: FastifyReply, failure: OAuthFailure): FastifyReply {
  const body = encodeMessage(OAUTH_ERROR_BODY, {
    error: failure.error,
    error_description: fitDescription(failure.description),
  });
  if (failure.error === 'temporarily_unavailable') reply.header('retry-after', '5');
  return noStore(reply).code(OAUTH_ERRORS[failure.error].http).type(JSON_TYPE).send(body);
}
