import { html, type SafeHtml } from '@hannun/infra';
import type { IssuedCredential } from '../../credentials/issue-credential.ts';
import { layout } from '../layout.ts';
import { type Bilingual, type PageLang, pick, withLang } from '../page-lang.ts';
import { TEXT } from '../page-text.ts';

/**
 * What onboarding issued, shown this once (the portal keeps only hashes; the page is never cached). Each
 * credential as a client_id and client_secret pair.
 */
export function credentialsPage(s: {
  readonly lang: PageLang;
  readonly csrf: string;
  readonly done: string;
  readonly credentials: readonly { readonly what: Bilingual; readonly credential: IssuedCredential }[];
}): SafeHtml {
  const t = (k: keyof typeof TEXT) => pick(s.lang, TEXT[k]);
  const body = html`<h1>${t('credentialsTitle')}</h1>
<p class="success" role="status">${s.done}</p>
<p class="notice"><strong>${t('credentialsOnce')}</strong></p>
${s.credentials.map(
  (c, i) => html`<h2 id="credential-${i}">${pick(s.lang, c.what)}</h2>
<dl class="credentials" aria-labelledby="credential-${i}">
<dt>client_id</dt><dd><code>${c.credential.clientId}</code></dd>
<dt>client_secret</dt><dd><code>${c.credential.clientSecret}</code></dd>
</dl>`,
)}
<p><a class="button" href="${withLang('/admin', s.lang)}">${t('continue')}</a></p>`;
  return layout({
    lang: s.lang,
    title: t('credentialsTitle'),
    path: '/admin',
    body,
    session: { csrf: s.csrf, section: 'registry' },
  });
}
