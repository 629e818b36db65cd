import type { Gender, NumberWordsOptions } from './types';

/** How a Slavic language says numbers below 1000 and the word for thousands. */
export interface SlavicNumberGrammar {
  /** The language's name in English, for the RangeError. */
  language: string;
  zero: string;
  /** The gender "thousand" takes ("tysiąc" masculine, "тисяча" feminine). */
  thousandsGender: Gender;
  /** `last` is false for the count of thousands (Polish says "jeden" only for a lone 1). */
  cardinalBelow1000(n: number, gender: Gender, last: boolean): string[];
  ordinalBelow1000(n: number, gender: Gender): string[];
  thousandsWord(k: number): string;
}

/** Words for 0..999 999 (cardinal) or 1..999 (ordinal) by one language's grammar. */
export function slavicNumberToWords(
  g: SlavicNumberGrammar,
  n: number,
  opts: NumberWordsOptions = {},
): string {
  const gender = opts.gender ?? 'm';
  if (opts.ordinal) {
    if (n < 1 || n > 999) throw new RangeError(`${g.language} ordinal out of range: ${n}`);
    return g.ordinalBelow1000(n, gender).join(' ');
  }
  if (n === 0) return g.zero;
  const k = Math.floor(n / 1000);
  const rest = n % 1000;
  const words: string[] = [];
  if (k > 0) {
    // A bare 1000 is just the word for thousand ("tysiąc", "тисяча").
    if (k > 1) words.push(...g.cardinalBelow1000(k, g.thousandsGender, false));
    words.push(g.thousandsWord(k));
  }
  if (rest > 0) words.push(...g.cardinalBelow1000(rest, gender, true));
  return words.join(' ');
}
