// The language choice the clerk console and the manager's views share: the same three
// languages, each page remembering its own choice on the machine under its own key.

/** Languages of the clerk console and the manager's views, Polish first. */
export const languages = ['pl', 'en', 'uk'] as const;
/** One of {@link languages}. */
export type UiLang = (typeof languages)[number];

/** The language last chosen on this machine under `key` (Polish by default). */
export function savedLang(key: string): UiLang {
  const v = localStorage.getItem(key);
  return (languages as readonly string[]).includes(v ?? '') ? (v as UiLang) : 'pl';
}

/** Remembers `lang` under `key` for the next visit and marks the document with it. */
export function rememberLang(key: string, lang: UiLang): void {
  localStorage.setItem(key, lang);
  document.documentElement.lang = lang;
}

/** i18next options for the three catalogues, starting in `lng`. */
export function i18nOptions<T>(lng: UiLang, catalogues: Record<UiLang, T>) {
  return {
    lng,
    fallbackLng: 'pl',
    resources: {
      pl: { translation: catalogues.pl },
      en: { translation: catalogues.en },
      uk: { translation: catalogues.uk },
    },
    interpolation: { escapeValue: false },
  };
}
