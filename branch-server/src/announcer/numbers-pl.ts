import { slavicNumberToWords, type SlavicNumberGrammar } from './slavic-number';
import type { Gender, NumberWordsOptions } from './types';

// Polish numerals. Only the unit word agrees in gender for cardinals ("jedna", "dwie"), and
// "jeden" stays invariable inside compounds ("dwadzieścia jeden kobiet"). In compound ordinals
// the hundreds stay cardinal while tens and units are both ordinal ("sto dwudzieste pierwsze").

const UNITS = [
  'zero',
  'jeden',
  'dwa',
  'trzy',
  'cztery',
  'pięć',
  'sześć',
  'siedem',
  'osiem',
  'dziewięć',
];
const TEENS = [
  'dziesięć',
  'jedenaście',
  'dwanaście',
  'trzynaście',
  'czternaście',
  'piętnaście',
  'szesnaście',
  'siedemnaście',
  'osiemnaście',
  'dziewiętnaście',
];
const TENS = [
  '',
  '',
  'dwadzieścia',
  'trzydzieści',
  'czterdzieści',
  'pięćdziesiąt',
  'sześćdziesiąt',
  'siedemdziesiąt',
  'osiemdziesiąt',
  'dziewięćdziesiąt',
];
const HUNDREDS = [
  '',
  'sto',
  'dwieście',
  'trzysta',
  'czterysta',
  'pięćset',
  'sześćset',
  'siedemset',
  'osiemset',
  'dziewięćset',
];
// Masculine nominative ordinals; other genders are derived by `inflect`.
const ORD_UNITS = [
  '',
  'pierwszy',
  'drugi',
  'trzeci',
  'czwarty',
  'piąty',
  'szósty',
  'siódmy',
  'ósmy',
  'dziewiąty',
];
const ORD_TEENS = [
  'dziesiąty',
  'jedenasty',
  'dwunasty',
  'trzynasty',
  'czternasty',
  'piętnasty',
  'szesnasty',
  'siedemnasty',
  'osiemnasty',
  'dziewiętnasty',
];
const ORD_TENS = [
  '',
  '',
  'dwudziesty',
  'trzydziesty',
  'czterdziesty',
  'pięćdziesiąty',
  'sześćdziesiąty',
  'siedemdziesiąty',
  'osiemdziesiąty',
  'dziewięćdziesiąty',
];
const ORD_HUNDREDS = [
  '',
  'setny',
  'dwusetny',
  'trzechsetny',
  'czterechsetny',
  'pięćsetny',
  'sześćsetny',
  'siedemsetny',
  'osiemsetny',
  'dziewięćsetny',
];

function inflect(masculine: string, gender: Gender): string {
  if (gender === 'm') return masculine;
  if (masculine.endsWith('gi')) return masculine.slice(0, -1) + (gender === 'f' ? 'a' : 'ie');
  if (masculine.endsWith('ci')) return masculine + (gender === 'f' ? 'a' : 'e');
  return masculine.slice(0, -1) + (gender === 'f' ? 'a' : 'e');
}

function cardinalBelow1000(n: number, gender: Gender, standalone: boolean): string[] {
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const r = n % 100;
  if (h > 0) words.push(HUNDREDS[h]!);
  if (r >= 10 && r < 20) words.push(TEENS[r - 10]!);
  else {
    const t = Math.floor(r / 10);
    const u = r % 10;
    if (t > 0) words.push(TENS[t]!);
    if (u === 1 && standalone && n === 1)
      words.push(gender === 'f' ? 'jedna' : gender === 'n' ? 'jedno' : 'jeden');
    else if (u === 2) words.push(gender === 'f' ? 'dwie' : 'dwa');
    else if (u > 0) words.push(UNITS[u]!);
  }
  return words;
}

function thousandsWord(k: number): string {
  if (k === 1) return 'tysiąc';
  const u = k % 10;
  const t = k % 100;
  return u >= 2 && u <= 4 && !(t >= 12 && t <= 14) ? 'tysiące' : 'tysięcy';
}

function ordinalBelow1000(n: number, gender: Gender): string[] {
  const h = Math.floor(n / 100);
  const r = n % 100;
  if (r === 0) return [inflect(ORD_HUNDREDS[h]!, gender)];
  const words = h > 0 ? [HUNDREDS[h]!] : [];
  if (r < 10) words.push(inflect(ORD_UNITS[r]!, gender));
  else if (r < 20) words.push(inflect(ORD_TEENS[r - 10]!, gender));
  else {
    words.push(inflect(ORD_TENS[Math.floor(r / 10)]!, gender));
    if (r % 10 > 0) words.push(inflect(ORD_UNITS[r % 10]!, gender));
  }
  return words;
}

const GRAMMAR: SlavicNumberGrammar = {
  language: 'Polish',
  zero: UNITS[0]!,
  thousandsGender: 'm',
  cardinalBelow1000,
  ordinalBelow1000,
  thousandsWord,
};

/** Polish words for 0..999 999 (cardinal) or 1..999 (ordinal), agreeing in gender. */
export function numberToWordsPl(n: number, opts: NumberWordsOptions = {}): string {
  return slavicNumberToWords(GRAMMAR, n, opts);
}
