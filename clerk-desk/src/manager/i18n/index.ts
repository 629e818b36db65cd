import i18next, { type i18n } from 'i18next';
import { en } from './en';
import { pl } from './pl';
import { uk } from './uk';

/** Languages of the manager's views, Polish first. */
export const languages = ['pl', 'en', 'uk'] as const;
export type ManagerLang = (typeof languages)[number];

const KEY = 'skr.manager.lang';

/** The language chosen last on this machine (Polish by default). */
export function savedLang(): ManagerLang {
  const v = localStorage.getItem(KEY);
  return (languages as readonly string[]).includes(v ?? '') ? (v as ManagerLang) : 'pl';
}

/**
 * Its own i18next instance with the manager's catalogue: the clerk console keeps its own, so
 * the two pages never share keys.
 */
export async function initI18n(): Promise<i18n> {
  const lng = savedLang();
  document.documentElement.lang = lng;
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    fallbackLng: 'pl',
    resources: { pl: { translation: pl }, en: { translation: en }, uk: { translation: uk } },
    interpolation: { escapeValue: false },
  });
  return instance;
}

/** Switches the language and remembers it. */
export async function setLang(instance: i18n, lang: ManagerLang): Promise<void> {
  localStorage.setItem(KEY, lang);
  document.documentElement.lang = lang;
  await instance.changeLanguage(lang);
}
