import { slavicNumberToWords, type SlavicNumberGrammar } from './slavic-number';
import type { Gender, NumberWordsOptions } from './types';

// Ukrainian numerals. Unlike Polish, "один/одна/одне" and "два/дві" agree in gender inside
// compounds too ("двадцять одна"), and a compound ordinal makes only its last word ordinal
// ("сто двадцять перший"). Words keep the proper apostrophe ("п'ять"); engines that stumble on
// it strip it themselves.

const UNITS = ['нуль', 'один', 'два', 'три', 'чотири', "п'ять", 'шість', 'сім', 'вісім', "дев'ять"];
const TEENS = [
  'десять',
  'одинадцять',
  'дванадцять',
  'тринадцять',
  'чотирнадцять',
  "п'ятнадцять",
  'шістнадцять',
  'сімнадцять',
  'вісімнадцять',
  "дев'ятнадцять",
];
const TENS = [
  '',
  '',
  'двадцять',
  'тридцять',
  'сорок',
  "п'ятдесят",
  'шістдесят',
  'сімдесят',
  'вісімдесят',
  "дев'яносто",
];
const HUNDREDS = [
  '',
  'сто',
  'двісті',
  'триста',
  'чотириста',
  "п'ятсот",
  'шістсот',
  'сімсот',
  'вісімсот',
  "дев'ятсот",
];
const ORD_UNITS = [
  '',
  'перший',
  'другий',
  'третій',
  'четвертий',
  "п'ятий",
  'шостий',
  'сьомий',
  'восьмий',
  "дев'ятий",
];
const ORD_TEENS = [
  'десятий',
  'одинадцятий',
  'дванадцятий',
  'тринадцятий',
  'чотирнадцятий',
  "п'ятнадцятий",
  'шістнадцятий',
  'сімнадцятий',
  'вісімнадцятий',
  "дев'ятнадцятий",
];
const ORD_TENS = [
  '',
  '',
  'двадцятий',
  'тридцятий',
  'сороковий',
  "п'ятдесятий",
  'шістдесятий',
  'сімдесятий',
  'вісімдесятий',
  "дев'яностий",
];
const ORD_HUNDREDS = [
  '',
  'сотий',
  'двохсотий',
  'трьохсотий',
  'чотирьохсотий',
  "п'ятисотий",
  'шестисотий',
  'семисотий',
  'восьмисотий',
  "дев'ятисотий",
];

function inflect(masculine: string, gender: Gender): string {
  if (gender === 'm') return masculine;
  // "третій" is the one soft-stem ordinal: третя / третє.
  if (masculine.endsWith('ій')) return masculine.slice(0, -2) + (gender === 'f' ? 'я' : 'є');
  return masculine.slice(0, -2) + (gender === 'f' ? 'а' : 'е');
}

function cardinalBelow1000(n: number, gender: Gender): string[] {
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const r = n % 100;
  if (h > 0) words.push(HUNDREDS[h]!);
  if (r >= 10 && r < 20) words.push(TEENS[r - 10]!);
  else {
    const t = Math.floor(r / 10);
    const u = r % 10;
    if (t > 0) words.push(TENS[t]!);
    if (u === 1) words.push(gender === 'f' ? 'одна' : gender === 'n' ? 'одне' : 'один');
    else if (u === 2) words.push(gender === 'f' ? 'дві' : 'два');
    else if (u > 0) words.push(UNITS[u]!);
  }
  return words;
}

function thousandsWord(k: number): string {
  const u = k % 10;
  const t = k % 100;
  if (t >= 11 && t <= 14) return 'тисяч';
  if (u === 1) return 'тисяча';
  return u >= 2 && u <= 4 ? 'тисячі' : 'тисяч';
}

function ordinalBelow1000(n: number, gender: Gender): string[] {
  const h = Math.floor(n / 100);
  const r = n % 100;
  if (r === 0) return [inflect(ORD_HUNDREDS[h]!, gender)];
  const words = h > 0 ? [HUNDREDS[h]!] : [];
  if (r < 10) words.push(inflect(ORD_UNITS[r]!, gender));
  else if (r < 20) words.push(inflect(ORD_TEENS[r - 10]!, gender));
  else {
    const u = r % 10;
    const tens = ORD_TENS[Math.floor(r / 10)]!;
    if (u === 0) words.push(inflect(tens, gender));
    else words.push(TENS[Math.floor(r / 10)]!, inflect(ORD_UNITS[u]!, gender));
  }
  return words;
}

const GRAMMAR: SlavicNumberGrammar = {
  language: 'Ukrainian',
  zero: UNITS[0]!,
  // "тисяча" is feminine: "дві тисячі", "двадцять одна тисяча".
  thousandsGender: 'f',
  cardinalBelow1000,
  ordinalBelow1000,
  thousandsWord,
};

/** Ukrainian words for 0..999 999 (cardinal) or 1..999 (ordinal), agreeing in gender. */
export function numberToWordsUk(n: number, opts: NumberWordsOptions = {}): string {
  return slavicNumberToWords(GRAMMAR, n, opts);
}
