import { html, type SafeHtml } from './html.ts';
import type { Bilingual, Lang } from './i18n.ts';

/** Both languages of a name, the current one first, each marked with its `lang`. */
export function bilingual(lang: Lang, b: Bilingual): SafeHtml {
  const other = lang === 'ko' ? 'en' : 'ko';
  return html`<span lang="${lang}">${b[lang]}</span><span class="alt" lang="${other}">${b[other]}</span>`;
}
