/** The approval page speaks Korean, or English with `?lang=en`. */
export type PageLang = 'ko' | 'en';

export function pageLang(query: unknown): PageLang {
  const lang = (query as { lang?: unknown } | null)?.lang;
  return lang === 'en' ? 'en' : 'ko';
}

/** Both languages of one text, picked at render time. */
export interface Bilingual {
  readonly ko: string;
  readonly en: string;
}

export const pick = (lang: PageLang, t: Bilingual): string => t[lang];
