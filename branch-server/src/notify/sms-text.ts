import { romanizeUkrainian } from '@skr/protocol/romanize-uk';

// SMS cost: a message that fits GSM-7 costs 160 characters a segment (153 when split), one
// character outside it (ą, ł, any Cyrillic letter) turns the whole message into UCS-2 at 70 (67).
// Transliterating to GSM-7 is a setting; Ukrainian is romanised (KMU 2010 table), Polish loses
// its diacritics.

// The GSM 03.38 basic set (as JS characters) and the extension set (each costs two septets).
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const EXTENDED = '^{}\\[~]|€\f';
const basic = new Set(BASIC);
const extended = new Set(EXTENDED);

/** How a message will be encoded and what it costs. */
interface SmsCost {
  encoding: 'gsm7' | 'ucs2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

/** True when every character of `text` is in GSM-7 (basic or extension). */
function isGsm7(text: string): boolean {
  for (const ch of text) if (!basic.has(ch) && !extended.has(ch)) return false;
  return true;
}

/** Encoding, length and segment count of `text` as a gateway will send it. */
export function smsCost(text: string): SmsCost {
  if (isGsm7(text)) {
    let units = 0;
    for (const ch of text) units += extended.has(ch) ? 2 : 1;
    return { encoding: 'gsm7', units, segments: units <= 160 ? 1 : Math.ceil(units / 153) };
  }
  // UCS-2 counts UTF-16 units: an emoji (surrogate pair) takes two.
  const units = text.length;
  return { encoding: 'ucs2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

const POLISH: Record<string, string> = {
  ą: 'a',
  ć: 'c',
  ę: 'e',
  ł: 'l',
  ń: 'n',
  ó: 'o',
  ś: 's',
  ź: 'z',
  ż: 'z',
  Ą: 'A',
  Ć: 'C',
  Ę: 'E',
  Ł: 'L',
  Ń: 'N',
  Ó: 'O',
  Ś: 'S',
  Ź: 'Z',
  Ż: 'Z',
};
const PUNCTUATION: Record<string, string> = {
  '–': '-',
  '—': '-',
  '„': '"',
  '”': '"',
  '“': '"',
  '’': "'",
  '‘': "'",
  '…': '...',
  ' ': ' ',
};

/** Rewrites `text` into GSM-7 characters (Polish and Ukrainian letters, typographic marks). */
export function transliterate(text: string): string {
  let out = '';
  for (const ch of text) {
    if (basic.has(ch) || extended.has(ch)) out += ch;
    else if (POLISH[ch] !== undefined) out += POLISH[ch];
    else if (PUNCTUATION[ch] !== undefined) out += PUNCTUATION[ch];
    else out += romanizeUkrainian(ch) ?? '?';
  }
  return out;
}

/** The text to send: transliterated when the setting asks for it. */
export function smsText(text: string, transliterateToGsm7: boolean): string {
  return transliterateToGsm7 ? transliterate(text) : text;
}
