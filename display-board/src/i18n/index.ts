import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { pl } from './pl';
import { uk } from './uk';

/** Languages of the screen and the follow page, Polish first. */
export const LANGS = ['pl', 'en', 'uk'] as const;
/** One of the languages the catalogues cover. */
export type UiLang = (typeof LANGS)[number];

/** The three catalogues (also used to show the pairing notice in all languages at once). */
export const catalogues = { pl, en, uk } as const;

/** First of the given language tags (e.g. navigator.languages) that we cover; Polish otherwise. */
export function pickLang(tags: readonly string[]): UiLang {
  for (const tag of tags) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'pl' || base === 'en' || base === 'uk') return base;
    // Russian-speaking phones in Ukraine often report 'ru'; Ukrainian is the closer match we have.
    if (base === 'ru' || base === 'be') return 'uk';
  }
  return 'pl';
}

/** A ready (synchronously initialised) i18next instance bound to React. */
export function createI18n(lang: UiLang): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'pl',
    supportedLngs: [...LANGS],
    resources: {
      pl: { translation: pl },
      en: { translation: en },
      uk: { translation: uk },
    },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
