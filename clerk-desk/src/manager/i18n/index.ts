import i18next, { type i18n } from 'i18next';
import { i18nOptions, rememberLang, savedLang, type UiLang } from '../../ui-lang';
import { en } from './en';
import { pl } from './pl';
import { uk } from './uk';

export { languages } from '../../ui-lang';
/** A language of the manager's views. */
export type ManagerLang = UiLang;

const KEY = 'skr.manager.lang';

/**
 * Its own i18next instance with the manager's catalogue: the clerk console keeps its own, so
 * the two pages never share keys.
 */
export async function initI18n(): Promise<i18n> {
  const lng = savedLang(KEY);
  document.documentElement.lang = lng;
  const instance = i18next.createInstance();
  await instance.init(i18nOptions(lng, { pl, en, uk }));
  return instance;
}

/** Switches the language and remembers it. */
export async function setLang(instance: i18n, lang: ManagerLang): Promise<void> {
  rememberLang(KEY, lang);
  await instance.changeLanguage(lang);
}
