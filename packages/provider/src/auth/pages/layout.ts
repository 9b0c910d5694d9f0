import type { FastifyReply } from '@hannun/infra';
import { html, SafeHtml } from './html.ts';
import { PAGE_CSS, PAGE_CSS_HASH } from './page-style.ts';
import { type PageLang, TEXT } from './page-text.ts';

export interface LayoutOptions {
  readonly lang: PageLang;
  readonly title: string;
  /** The institution's name, in the header. */
  readonly org: string;
  /** The same page in the other language. */
  readonly otherLangHref: string;
  readonly body: SafeHtml;
}

/** A constant of this module, never input: trusted markup. */
const STYLE = new SafeHtml(PAGE_CSS);

/** The frame of every page: header with the institution and the language switch, one main landmark. */
export function layout(o: LayoutOptions): SafeHtml {
  const other = o.lang === 'ko' ? 'en' : 'ko';
  return html`<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${o.title} · ${o.org}</title>
<style>${STYLE}</style>
</head>
<body>
<header><p class="org">${o.org}</p><a href="${o.otherLangHref}" hreflang="${other}" lang="${other}">${TEXT.otherLang[o.lang]}</a></header>
<main>
<h1>${o.title}</h1>
${o.body}
</main>
</body>
</html>`;
}

/**
 * Send a page: HTML, never cached, not framed, a Content-Security-Policy that allows no script, only the
 * inline style sheet (by its hash) and forms posting to this origin or, after a redirect, to the operator's
 * callback origin.
 */
export function sendPage(reply: FastifyReply, status: number, page: SafeHtml, callbackOrigin?: string): FastifyReply {
  const formAction = callbackOrigin ? `'self' ${callbackOrigin}` : "'self'";
  return reply
    .code(status)
    .header(
      'content-security-policy',
      `default-src 'none'; style-src '${PAGE_CSS_HASH}'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
    )
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY')
    .type('text/html; charset=utf-8')
    .send(page.value);
}
