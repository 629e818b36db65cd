import type { Lang } from './types';

// How each ticket-prefix letter is written so that espeak-ng says the letter's name, checked
// with `espeak-ng -x` (phonemes). Polish "W" and "Z" alone are read as prepositions ("f", "s"),
// so they are spelled "Wu", "Zet". In English a bare "A" is read as the article (schwa); a
// comma after the letter makes espeak say "ay", so English phrases put one there (see phrase.ts).
// Ukrainian uses the usual Ukrainian names of Latin letters (as in school maths).

const PL: Record<string, string> = {
  A: 'A',
  B: 'Be',
  C: 'Ce',
  D: 'De',
  E: 'E',
  F: 'Ef',
  G: 'Gie',
  H: 'Ha',
  I: 'I',
  J: 'Jot',
  K: 'Ka',
  L: 'El',
  Ł: 'Eł',
  M: 'Em',
  N: 'En',
  O: 'O',
  P: 'Pe',
  Q: 'Ku',
  R: 'Er',
  S: 'Es',
  T: 'Te',
  U: 'U',
  V: 'Fał',
  W: 'Wu',
  X: 'Iks',
  Y: 'Igrek',
  Z: 'Zet',
};
const UK: Record<string, string> = {
  A: 'А',
  B: 'Бе',
  C: 'Це',
  D: 'Де',
  E: 'Е',
  F: 'Еф',
  G: 'Ге',
  H: 'Аш',
  I: 'І',
  J: 'Йот',
  K: 'Ка',
  L: 'Ель',
  M: 'Ем',
  N: 'Ен',
  O: 'О',
  P: 'Пе',
  Q: 'Ку',
  R: 'Ер',
  S: 'Ес',
  T: 'Те',
  U: 'У',
  V: 'Ве',
  W: 'Дубль-ве',
  X: 'Ікс',
  Y: 'Ігрек',
  Z: 'Зет',
};

/** The spoken name of one prefix letter in `lang`; unknown letters are returned as they are. */
export function letterName(letter: string, lang: Lang): string {
  const upper = letter.toUpperCase();
  if (lang === 'pl') return PL[upper] ?? upper;
  if (lang === 'uk') return UK[upper] ?? upper;
  return upper;
}
