import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { i18nOptions, rememberLang, savedLang, type UiLang } from '../ui-lang';
import { en } from './en';
import { pl } from './pl';
import { uk } from './uk';

export { languages } from '../ui-lang';
/** A language of the console. */
export type DeskLang = UiLang;

const KEY = 'skr.desk.lang';

/** Switches the console's language and remembers it for the next sign-in. */
export async function setLang(lang: DeskLang): Promise<void> {
  rememberLang(KEY, lang);
  await i18next.changeLanguage(lang);
}

/** Starts i18next with the three catalogues; call once before rendering. */
export async function initI18n(): Promise<void> {
  const lng = savedLang(KEY);
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init(i18nOptions(lng, { pl, en, uk }));
}
