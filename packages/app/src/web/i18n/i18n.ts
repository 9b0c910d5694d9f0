import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { ko } from './ko.ts';

/** Where the person's language choice is kept between visits. */
export const LANG_KEY = 'hannun.lang';

export type Lang = 'ko' | 'en';

function savedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'ko';
  } catch {
    return 'ko';
  }
}

/** Korean by default, English when chosen (persisted); `<html lang>` follows. */
export async function initI18n(): Promise<void> {
  const lng = savedLang();
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'ko',
    resources: { ko: { translation: ko }, en: { translation: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

export async function switchLang(lng: Lang): Promise<void> {
  try {
    localStorage.setItem(LANG_KEY, lng);
  } catch {
    // private mode: the choice lasts this visit
  }
  document.documentElement.lang = lng;
  await i18next.changeLanguage(lng);
}
