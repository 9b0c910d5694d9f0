import type { FastifyReply, SafeHtml } from '@hannun/infra';

/** Pages load nothing but their own stylesheet: no scripts, no frames, forms post only to this origin. */
export const PAGES_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** Send a page with the security headers every page carries; never cached (credentials are shown once). */
export function sendPage(reply: FastifyReply, status: number, page: SafeHtml): FastifyReply {
  return reply
    .code(status)
    .header('content-security-policy', PAGES_CSP)
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY')
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(page.value);
}
