import type { NumberWordsOptions } from './types';

// British English numerals ("one hundred and twenty-three"), as a UK-trained listener expects
// from a public announcement. No gender in English; the option is ignored.

const SMALL = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const IRREGULAR_ORDINALS: Record<string, string> = {
  one: 'first',
  two: 'second',
  three: 'third',
  five: 'fifth',
  eight: 'eighth',
  nine: 'ninth',
  twelve: 'twelfth',
};

function belowHundred(n: number): string {
  if (n < 20) return SMALL[n]!;
  const u = n % 10;
  return TENS[Math.floor(n / 10)]! + (u > 0 ? `-${SMALL[u]!}` : '');
}

function belowThousand(n: number): string {
  const h = Math.floor(n / 100);
  const r = n % 100;
  if (h === 0) return belowHundred(r);
  return `${SMALL[h]!} hundred` + (r > 0 ? ` and ${belowHundred(r)}` : '');
}

function toOrdinal(cardinal: string): string {
  // Only the last word (after a space or hyphen) becomes ordinal: "twenty-first".
  const m = /^(.*?[ -]?)([a-z]+)$/.exec(cardinal);
  if (!m) return cardinal;
  const head = m[1]!;
  const last = m[2]!;
  const irregular = IRREGULAR_ORDINALS[last];
  if (irregular) return head + irregular;
  if (last.endsWith('y')) return head + last.slice(0, -1) + 'ieth';
  return head + last + 'th';
}

/** English words for 0..999 999, cardinal or ordinal. */
export function numberToWordsEn(n: number, opts: NumberWordsOptions = {}): string {
  let words: string;
  if (n < 1000) words = belowThousand(n);
  else {
    const k = Math.floor(n / 1000);
    const rest = n % 1000;
    words = `${belowThousand(k)} thousand`;
    if (rest > 0) words += rest < 100 ? ` and ${belowHundred(rest)}` : ` ${belowThousand(rest)}`;
  }
  return opts.ordinal ? toOrdinal(words) : words;
}
