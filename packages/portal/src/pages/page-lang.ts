/** The portal's pages speak Korean, or English with `?lang=en`. */
export type PageLang = 'ko' | 'en';

/** Both languages of one text, picked at render time. */
export interface Bilingual {
  readonly ko: string;
  readonly en: string;
}

export function pageLang(query: unknown): PageLang {
  return (query as { lang?: unknown } | null)?.lang === 'en' ? 'en' : 'ko';
}

export const pick = (lang: PageLang, t: Bilingual): string => t[lang];

/** A path of the pages in a language: `?lang=en` (or `&lang=en`) added for English. */
export function withLang(path: string, lang: PageLang): string {
  if (lang === 'ko') return path;
  return `${path}${path.includes('?') ? '&' : '?'}lang=en`;
}
