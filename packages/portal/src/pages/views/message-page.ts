import { html, type SafeHtml } from '@hannun/infra';
import { layout, type Section } from '../layout.ts';
import { type Bilingual, type PageLang, pick, withLang } from '../page-lang.ts';
import { TEXT } from '../page-text.ts';

/** A page that only says something (not found, refused), with a way back. */
export function messagePage(opts: {
  readonly lang: PageLang;
  readonly title: Bilingual;
  readonly body: Bilingual;
  readonly path: string;
  readonly session?: { readonly csrf: string; readonly section?: Section };
}): SafeHtml {
  const body = html`<h1>${pick(opts.lang, opts.title)}</h1>
<p class="notice" role="status">${pick(opts.lang, opts.body)}</p>
<p><a href="${withLang('/admin', opts.lang)}">${pick(opts.lang, TEXT.back)}</a></p>`;
  return layout({
    lang: opts.lang,
    title: pick(opts.lang, opts.title),
    path: opts.path,
    body,
    ...(opts.session ? { session: opts.session } : {}),
  });
}
