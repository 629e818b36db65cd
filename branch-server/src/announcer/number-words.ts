import { numberToWordsEn } from './numbers-en';
import { numberToWordsPl } from './numbers-pl';
import { numberToWordsUk } from './numbers-uk';
import type { Lang, NumberWordsOptions } from './types';

/** Largest number `numberToWords` spells (ordinals stop at 999). */
export const MAX_SPOKEN_NUMBER = 999_999;

/**
 * Spells `n` in words in `lang` (speech engines read "005" digit by digit, so the app spells).
 * Throws RangeError for a non-integer or a number out of range: a programmer error.
 */
export function numberToWords(n: number, lang: Lang, opts: NumberWordsOptions = {}): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX_SPOKEN_NUMBER) {
    throw new RangeError(`numberToWords: ${n} is not an integer in 0..${MAX_SPOKEN_NUMBER}`);
  }
  switch (lang) {
    case 'pl':
      return numberToWordsPl(n, opts);
    case 'uk':
      return numberToWordsUk(n, opts);
    case 'en':
      return numberToWordsEn(n, opts);
  }
}
