import { html, type SafeHtml } from '@hannun/infra';
import { type PageLang, pick, withLang } from './page-lang.ts';
import { TEXT } from './page-text.ts';

export const STYLESHEET_PATH = '/assets/portal.css';

export type Section = 'registry' | 'changes' | 'statistics';

const SECTIONS: readonly { readonly id: Section; readonly path: string; readonly text: keyof typeof TEXT }[] = [
  { id: 'registry', path: '/admin', text: 'navRegistry' },
  { id: 'changes', path: '/admin/changes', text: 'navChanges' },
  { id: 'statistics', path: '/admin/statistics', text: 'navStatistics' },
];

/**
 * The frame of every page: the lang attribute, a skip link, the menu (when logged in), a language switch,
 * main and footer. `path` is this page's address without `lang`, for the switch.
 */
export function layout(opts: {
  readonly lang: PageLang;
  readonly title: string;
  readonly path: string;
  readonly body: SafeHtml;
  /** Logged in: the menu and the logout form (with the session's CSRF token). */
  readonly session?: { readonly csrf: string; readonly section?: Section };
}): SafeHtml {
  const other: PageLang = opts.lang === 'ko' ? 'en' : 'ko';
  const t = (k: keyof typeof TEXT) => pick(opts.lang, TEXT[k]);
  const s = opts.session;
  return html`<!doctype html>
<html lang="${opts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${opts.title} · ${t('portal')}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<a class="skip" href="#main">${t('skip')}</a>
<header>
<p class="brand">${t('portal')}</p>
${
  s
    ? html`<nav aria-label="${t('mainNav')}"><ul>
${SECTIONS.map(
  (x) =>
    html`<li><a href="${withLang(x.path, opts.lang)}"${s.section === x.id ? html` aria-current="page"` : ''}>${t(x.text)}</a></li>`,
)}
<li><form class="inline" method="post" action="${withLang('/logout', opts.lang)}"><input type="hidden" name="csrf" value="${s.csrf}"><button type="submit" class="link-button">${t('logout')}</button></form></li>
</ul></nav>`
    : ''
}
<nav aria-label="${t('languageNav')}"><a href="${withLang(opts.path, other)}" hreflang="${other}" lang="${other}">${t('switchTo')}</a></nav>
</header>
<main id="main">
${opts.body}
</main>
<footer><p>${t('footer')}</p></footer>
</body>
</html>
`;
}
