import { html, type SafeHtml } from '@hannun/infra';
import { layout } from '../layout.ts';
import { type PageLang, pick, withLang } from '../page-lang.ts';
import { TEXT } from '../page-text.ts';

/** Ask before removing: what goes with it, a remove button (a form with the CSRF token) and a way back. */
export function removePage(s: {
  readonly lang: PageLang;
  readonly csrf: string;
  /** The page of the organisation or service (the form posts to `<path>/remove`). */
  readonly path: string;
  readonly question: string;
}): SafeHtml {
  const t = (k: keyof typeof TEXT) => pick(s.lang, TEXT[k]);
  const body = html`<h1>${t('removeConfirmTitle')}</h1>
<p class="notice">${s.question}</p>
<form method="post" action="${withLang(`${s.path}/remove`, s.lang)}">
<input type="hidden" name="csrf" value="${s.csrf}">
<div class="buttons"><button type="submit" class="danger">${t('removeButton')}</button>
<a href="${withLang(s.path, s.lang)}">${t('cancel')}</a></div>
</form>`;
  return layout({
    lang: s.lang,
    title: t('removeConfirmTitle'),
    path: `${s.path}/remove`,
    body,
    session: { csrf: s.csrf, section: 'registry' },
  });
}
