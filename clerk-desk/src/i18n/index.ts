import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { pl } from './pl';
import { uk } from './uk';

/** Languages of the console, Polish first. */
export const languages = ['pl', 'en', 'uk'] as const;
export type DeskLang = (typeof languages)[number];

const KEY = 'skr.desk.lang';

/** The language chosen last on this machine (Polish by default). */
export function savedLang(): DeskLang {
  const v = localStorage.getItem(KEY);
  return (languages as readonly string[]).includes(v ?? '') ? (v as DeskLang) : 'pl';
}

/** Switches the console's language and remembers it for the next sign-in. */
export async function setLang(lang: DeskLang): Promise<void> {
  localStorage.setItem(KEY, lang);
  document.documentElement.lang = lang;
  await i18next.changeLanguage(lang);
}

/** Starts i18next with the three catalogues; call once before rendering. */
export async function initI18n(): Promise<void> {
  const lng = savedLang();
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'pl',
    resources: { pl: { translation: pl }, en: { translation: en }, uk: { translation: uk } },
    interpolation: { escapeValue: false },
  });
}
