// The Ukrainian national romanisation (Cabinet of Ministers resolution 55, 2010, the passport
// standard), without its word-initial forms: "Є" → "Ie" in the middle of a word reads fine and
// the rule stays one lookup. Shared by every medium that cannot carry Cyrillic: SMS in GSM-7
// and printers without a Cyrillic code page. Russian-only letters are mapped too, so a name
// typed in Russian prints as letters, not "?".
const LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ь: '',
  ю: 'iu',
  я: 'ia',
  ы: 'y',
  э: 'e',
  ё: 'io',
  ъ: '',
  // The modifier-letter apostrophe of Ukrainian spelling ("м'ясо") is dropped.
  '\u02bc': '',
};

/** The Latin form of one Cyrillic character (capitalised like it), or undefined if it has none. */
export function romanizeUkrainian(c: string): string | undefined {
  const lower = c.toLowerCase();
  const latin = LATIN[lower];
  if (latin === undefined) return undefined;
  return c === lower || latin === '' ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
}
