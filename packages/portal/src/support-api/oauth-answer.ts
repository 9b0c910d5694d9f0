import type { FastifyReply } from '@hannun/infra';
import { encodeMessage, OAUTH_ERROR_BODY, OAUTH_ERRORS, type OAuthErrorCode } from '@hannun/spec';

/** A refusal of the token endpoint (RFC 6749 §5.2, 첨부1): never a secret in it. */
export interface OAuthRefusal {
  readonly error: OAuthErrorCode;
  readonly description: string;
  /** English, for the log and tests. */
  readonly reason: string;
}

export const refuse = (error: OAuthErrorCode, description: string, reason: string): OAuthRefusal => ({
  error,
  description,
  reason,
});

/** Token answers are never cached (RFC 6749 §5.1). */
export function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
}

export function sendOAuthError(reply: FastifyReply, r: OAuthRefusal): FastifyReply {
  reply.request.log.warn({ error: r.error, reason: r.reason }, 'support token refused');
  return noStore(reply)
    .code(OAUTH_ERRORS[r.error].http)
    .type('application/json; charset=utf-8')
    .send(encodeMessage(OAUTH_ERROR_BODY, { error: r.error, error_description: r.description }));
}
