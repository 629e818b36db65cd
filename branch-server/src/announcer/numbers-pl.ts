import { slavicNumberToWords, type SlavicNumberGrammar, type SlavicWords } from './slavic-number';
import type { Gender, NumberWordsOptions } from './types';

// Polish numerals. Only the unit word agrees in gender for cardinals ("jedna", "dwie"), and
// "jeden" stays invariable inside compounds ("dwadzieścia jeden kobiet"). In compound ordinals
// the hundreds stay cardinal while tens and units are both ordinal ("sto dwudzieste pierwsze").

const WORDS: SlavicWords = {
  units: ['zero', 'jeden', 'dwa', 'trzy', 'cztery', 'pięć', 'sześć', 'siedem', 'osiem', 'dziewięć'],
  teens: [
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
  ],
  tens: [
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
  ],
  hundreds: [
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
  ],
  // Masculine nominative ordinals; other genders are derived by `inflect`.
  ordUnits: [
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
  ],
  ordTeens: [
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
  ],
  ordTens: [
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
  ],
  ordHundreds: [
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
  ],
};

function inflect(masculine: string, gender: Gender): string {
  if (gender === 'm') return masculine;
  if (masculine.endsWith('gi')) return masculine.slice(0, -1) + (gender === 'f' ? 'a' : 'ie');
  if (masculine.endsWith('ci')) return masculine + (gender === 'f' ? 'a' : 'e');
  return masculine.slice(0, -1) + (gender === 'f' ? 'a' : 'e');
}

// "jeden" agrees only alone ("jedna osoba"); inside compounds it stays "jeden".
function unitWord(u: number, gender: Gender, lone: boolean): string {
  if (u === 1 && lone) return gender === 'f' ? 'jedna' : gender === 'n' ? 'jedno' : 'jeden';
  if (u === 2) return gender === 'f' ? 'dwie' : 'dwa';
  return WORDS.units[u]!;
}

function thousandsWord(k: number): string {
  if (k === 1) return 'tysiąc';
  const u = k % 10;
  const t = k % 100;
  return u >= 2 && u <= 4 && !(t >= 12 && t <= 14) ? 'tysiące' : 'tysięcy';
}

const GRAMMAR: SlavicNumberGrammar = {
  language: 'Polish',
  words: WORDS,
  thousandsGender: 'm',
  unitWord,
  ordinalTens: true,
  inflect,
  thousandsWord,
};

/** Polish words for 0..999 999 (cardinal) or 1..999 (ordinal), agreeing in gender. */
export function numberToWordsPl(n: number, opts: NumberWordsOptions = {}): string {
  return slavicNumberToWords(GRAMMAR, n, opts);
}
