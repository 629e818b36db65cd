import type { Gender, NumberWordsOptions } from './types';

/** A Slavic language's number words, each list indexed by its digit (teens by n - 10). */
export interface SlavicWords {
  units: readonly string[];
  teens: readonly string[];
  tens: readonly string[];
  hundreds: readonly string[];
  /** Masculine nominative ordinals; `SlavicNumberGrammar.inflect` derives the other genders. */
  ordUnits: readonly string[];
  ordTeens: readonly string[];
  ordTens: readonly string[];
  ordHundreds: readonly string[];
}

/** How a Slavic language says numbers below 1000 and the word for thousands. */
export interface SlavicNumberGrammar {
  /** The language's name in English, for the RangeError. */
  language: string;
  words: SlavicWords;
  /** The gender "thousand" takes ("tysiąc" masculine, "тисяча" feminine). */
  thousandsGender: Gender;
  /** The unit word (1..9) of a cardinal; `lone` when the whole number is that 1 at the end. */
  unitWord(u: number, gender: Gender, lone: boolean): string;
  /** True when a compound ordinal's tens are ordinal too ("dwudziesty pierwszy"). */
  ordinalTens: boolean;
  /** A masculine ordinal in `gender`. */
  inflect(masculine: string, gender: Gender): string;
  thousandsWord(k: number): string;
}

function cardinalBelow1000(g: SlavicNumberGrammar, n: number, gender: Gender, last: boolean) {
  const w = g.words;
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const r = n % 100;
  if (h > 0) words.push(w.hundreds[h]!);
  if (r >= 10 && r < 20) words.push(w.teens[r - 10]!);
  else {
    const t = Math.floor(r / 10);
    const u = r % 10;
    if (t > 0) words.push(w.tens[t]!);
    if (u > 0) words.push(g.unitWord(u, gender, last && n === 1));
  }
  return words;
}

function ordinalBelow1000(g: SlavicNumberGrammar, n: number, gender: Gender): string[] {
  const w = g.words;
  const h = Math.floor(n / 100);
  const r = n % 100;
  if (r === 0) return [g.inflect(w.ordHundreds[h]!, gender)];
  const words = h > 0 ? [w.hundreds[h]!] : [];
  if (r < 10) words.push(g.inflect(w.ordUnits[r]!, gender));
  else if (r < 20) words.push(g.inflect(w.ordTeens[r - 10]!, gender));
  else {
    const t = Math.floor(r / 10);
    const u = r % 10;
    if (u === 0 || g.ordinalTens) words.push(g.inflect(w.ordTens[t]!, gender));
    else words.push(w.tens[t]!);
    if (u > 0) words.push(g.inflect(w.ordUnits[u]!, gender));
  }
  return words;
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
    return ordinalBelow1000(g, n, gender).join(' ');
  }
  if (n === 0) return g.words.units[0]!;
  const k = Math.floor(n / 1000);
  const rest = n % 1000;
  const words: string[] = [];
  if (k > 0) {
    // A bare 1000 is just the word for thousand ("tysiąc", "тисяча").
    if (k > 1) words.push(...cardinalBelow1000(g, k, g.thousandsGender, false));
    words.push(g.thousandsWord(k));
  }
  if (rest > 0) words.push(...cardinalBelow1000(g, rest, gender, true));
  return words.join(' ');
}
