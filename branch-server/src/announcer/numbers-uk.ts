import { slavicNumberToWords, type SlavicNumberGrammar, type SlavicWords } from './slavic-number';
import type { Gender, NumberWordsOptions } from './types';

// Ukrainian numerals. Unlike Polish, "один/одна/одне" and "два/дві" agree in gender inside
// compounds too ("двадцять одна"), and a compound ordinal makes only its last word ordinal
// ("сто двадцять перший"). Words keep the proper apostrophe ("п'ять"); engines that stumble on
// it strip it themselves.

const WORDS: SlavicWords = {
  units: ['нуль', 'один', 'два', 'три', 'чотири', "п'ять", 'шість', 'сім', 'вісім', "дев'ять"],
  teens: [
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
  ],
  tens: [
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
  ],
  hundreds: [
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
  ],
  ordUnits: [
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
  ],
  ordTeens: [
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
  ],
  ordTens: [
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
  ],
  ordHundreds: [
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
  ],
};

function inflect(masculine: string, gender: Gender): string {
  if (gender === 'm') return masculine;
  // "третій" is the one soft-stem ordinal: третя / третє.
  if (masculine.endsWith('ій')) return masculine.slice(0, -2) + (gender === 'f' ? 'я' : 'є');
  return masculine.slice(0, -2) + (gender === 'f' ? 'а' : 'е');
}

function unitWord(u: number, gender: Gender): string {
  if (u === 1) return gender === 'f' ? 'одна' : gender === 'n' ? 'одне' : 'один';
  if (u === 2) return gender === 'f' ? 'дві' : 'два';
  return WORDS.units[u]!;
}

function thousandsWord(k: number): string {
  const u = k % 10;
  const t = k % 100;
  if (t >= 11 && t <= 14) return 'тисяч';
  if (u === 1) return 'тисяча';
  return u >= 2 && u <= 4 ? 'тисячі' : 'тисяч';
}

const GRAMMAR: SlavicNumberGrammar = {
  language: 'Ukrainian',
  words: WORDS,
  // "тисяча" is feminine: "дві тисячі", "двадцять одна тисяча".
  thousandsGender: 'f',
  unitWord,
  ordinalTens: false,
  inflect,
  thousandsWord,
};

/** Ukrainian words for 0..999 999 (cardinal) or 1..999 (ordinal), agreeing in gender. */
export function numberToWordsUk(n: number, opts: NumberWordsOptions = {}): string {
  return slavicNumberToWords(GRAMMAR, n, opts);
}
