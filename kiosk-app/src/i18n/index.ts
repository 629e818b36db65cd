import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { pl } from './pl';
import { uk } from './uk';

/** Starts i18next with the three catalogues, Polish first. */
export function initI18n() {
  void i18next.use(initReactI18next).init({
    resources: { pl: { translation: pl }, en: { translation: en }, uk: { translation: uk } },
    lng: 'pl',
    fallbackLng: 'pl',
    interpolation: { escapeValue: false }, // React escapes
  });
  return i18next;
}
