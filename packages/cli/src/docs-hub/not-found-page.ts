import { html, type SafeHtml } from './html.ts';
import { hubHref, type Lang, T, t } from './i18n.ts';
import { page } from './layout.ts';

/** The hub's 404 page, for unknown API IDs and unknown addresses. */
export function notFoundPage(lang: Lang, path: string, apiId?: string): SafeHtml {
  const body = html`<h1>${t(lang, T.notFoundTitle)}</h1>
<p>${apiId !== undefined ? t(lang, T.notFoundApi, { id: apiId }) : t(lang, T.notFoundPage)}</p>
<p><a href="${hubHref('/', lang)}#catalogue">${t(lang, T.back)}</a></p>`;
  return page({ lang, title: t(lang, T.notFoundTitle), path, body });
}
