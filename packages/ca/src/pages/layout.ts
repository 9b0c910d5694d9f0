import { html, type SafeHtml } from './html.ts';
import { type PageLang, pick } from './page-lang.ts';
import { TEXT } from './page-texts.ts';

export const STYLESHEET_PATH = '/assets/ca.css';

/** The frame of every page: lang attribute, skip link, the CA's name, a language switch, main, footer. */
export function layout(opts: {
  readonly lang: PageLang;
  readonly title: string;
  readonly caName: string;
  /** This page's path, for the language switch. */
  readonly path: string;
  readonly body: SafeHtml;
}): SafeHtml {
  const other: PageLang = opts.lang === 'ko' ? 'en' : 'ko';
  const switchHref = other === 'en' ? `${opts.path}?lang=en` : opts.path;
  return html`<!doctype html>
<html lang="${opts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${opts.title} · ${opts.caName}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<a class="skip" href="#main">${pick(opts.lang, TEXT.skip)}</a>
<header>
<p>${opts.caName}</p>
<nav aria-label="${pick(opts.lang, TEXT.languageNav)}"><a href="${switchHref}" hreflang="${other}" lang="${other}">${pick(opts.lang, TEXT.switchTo)}</a></nav>
</header>
<main id="main">
${opts.body}
</main>
<footer><p>${pick(opts.lang, TEXT.footer)}</p></footer>
</body>
</html>
`;
}
