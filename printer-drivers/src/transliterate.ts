import iconv from 'iconv-lite';
import type { PrinterModel, PrintLang } from '@skr/protocol/printer';
import { romanizeUkrainian } from '@skr/protocol/romanize-uk';

// Printers know one 8-bit code page at a time. A character the selected pages cannot hold
// would print as "?" ("Kod rezerwacji: ?" for an em dash), so text is rewritten to what the
// printer has before it is encoded: typographic marks to ASCII, Ukrainian to the official
// Latin transliteration (KMU 55/2010) when the model has no Cyrillic page, other accented
// letters to their base letter. Only what is still unknown after that becomes "?".

/** Typographic characters and their plain forms, for code pages that lack them. */
const TYPOGRAPHIC: Readonly<Record<string, string>> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u00ad': '',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2039': "'",
  '\u203a': "'",
  '\u2026': '...',
  '\u2022': '*',
  '\u00a0': ' ',
  '\u2007': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u200b': '',
  '\u20ac': 'EUR',
  '\u2116': 'Nr',
  '\u00d7': 'x',
};

const pageChars = new Map<string, ReadonlySet<string>>();

/** Characters a code page can print (printable ASCII plus its upper half). */
export function codepageCharacters(codepage: string): ReadonlySet<string> {
  let set = pageChars.get(codepage);
  if (!set) {
    const bytes = Buffer.from(Array.from({ length: 224 }, (_, i) => i + 32));
    set = new Set([...iconv.decode(bytes, codepage)].filter((c) => c !== '\ufffd'));
    pageChars.set(codepage, set);
  }
  return set;
}

/** Code pages a document in `lang` may use on `model` (Cyrillic only where the model has it). */
export function printableCodepages(
  model: PrinterModel,
  lang: PrintLang,
): PrinterModel['latinCodepage'][] {
  const pages = [model.latinCodepage];
  if (lang === 'uk' && model.codepageNumbers[model.cyrillicCodepage] !== undefined)
    pages.push(model.cyrillicCodepage);
  return pages;
}

/**
 * Rewrites `text` so every character is printable in one of `codepages`: kept when it is,
 * else a typographic mark to ASCII, Cyrillic to Latin, an accented letter to its base letter,
 * and "?" only as the last resort. Pure; the same text and pages give the same result.
 */
export function transliterate(text: string, codepages: readonly string[]): string {
  const sets = codepages.map(codepageCharacters);
  const printable = (c: string): boolean => c === '\n' || sets.some((s) => s.has(c));
  let out = '';
  for (const c of text.normalize('NFC')) {
    if (printable(c)) {
      out += c;
      continue;
    }
    const plain = TYPOGRAPHIC[c] ?? romanizeUkrainian(c);
    if (plain !== undefined) {
      out += plain;
      continue;
    }
    const base = c.normalize('NFD').replace(/\p{M}/gu, '');
    out += base !== c && [...base].every(printable) ? base : '?';
  }
  return out;
}

/** Shortens `text` to `max` characters, ending with "." when cut, so a layout fits its budget. */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}.`;
}
