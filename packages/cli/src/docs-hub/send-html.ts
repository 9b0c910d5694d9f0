import type { FastifyReply } from '@hannun/infra';
import type { SafeHtml } from './html.ts';

/** Pages load nothing but their own stylesheet: no scripts, no frames, no inline styles. */
const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export function sendHtml(reply: FastifyReply, status: number, body: SafeHtml): FastifyReply {
  return reply
    .code(status)
    .header('content-security-policy', CSP)
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY')
    .type('text/html; charset=utf-8')
    .send(body.value);
}
