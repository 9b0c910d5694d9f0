import { html, type SafeHtml } from './html.ts';
import { type Lang, otherLang, T, t } from './i18n.ts';

export interface PageOptions {
  readonly lang: Lang;
  readonly title: string;
  /** The current path and query without `lang`, so the language switch stays on this page. */
  readonly path: string;
  readonly query?: Record<string, string>;
  readonly body: SafeHtml;
}

function switchHref(path: string, query: Record<string, string>, to: Lang): string {
  const q = new URLSearchParams(query);
  if (to === 'en') q.set('lang', 'en');
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** The page frame: language attribute, skip link, header with the language switch, main, footer. */
export function page(opts: PageOptions): SafeHtml {
  const { lang } = opts;
  const other = otherLang(lang);
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title === t(lang, T.title) ? opts.title : `${opts.title} · ${t(lang, T.title)}`}</title>
<link rel="stylesheet" href="/assets/hub.css">
</head>
<body>
<a class="skip" href="#main">${t(lang, T.skip)}</a>
<header>
<p class="brand"><a href="${lang === 'en' ? '/?lang=en' : '/'}">한눈 Hannun</a></p>
<nav aria-label="${t(lang, T.languageNav)}"><a href="${switchHref(opts.path, opts.query ?? {}, other)}" hreflang="${other}" lang="${other}">${t(lang, T.switchTo)}</a></nav>
</header>
<main id="main">
${opts.body}
</main>
<footer><p>${t(lang, T.footer)}</p></footer>
</body>
</html>
`;
}
