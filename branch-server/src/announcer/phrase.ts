import { SkrError } from '@skr/protocol/errors';
import { letterName } from './letters';
import { numberToWords } from './number-words';
import type { Lang } from './types';

/** A ticket number split into its letter prefix and its number ("A005" → A, 5). */
export interface ParsedTicket {
  prefix: string;
  number: number;
}

const TICKET = /^([A-Za-zŁł]{0,3})(\d{1,4})$/;

/** Splits "A123" into prefix and number; throws SkrError INVALID for anything else. */
export function parseTicket(ticketNumber: string): ParsedTicket {
  const m = TICKET.exec(ticketNumber.trim());
  if (!m) throw new SkrError('INVALID', `Not a ticket number: ${JSON.stringify(ticketNumber)}`);
  return { prefix: m[1]!.toUpperCase(), number: Number(m[2]) };
}

/** Input of `buildPhrase`. */
export interface PhraseInput {
  ticketNumber: string;
  counterNumber: number;
  /** Spoken after the counter ("..., kasa"); digits in it are spelled out. */
  counterName?: string;
  lang: Lang;
}

/** "Numer A sto dwadzieścia trzy," — the ticket half of an announcement. */
export function ticketSegment(ticketNumber: string, lang: Lang): string {
  const { prefix, number } = parseTicket(ticketNumber);
  const letters = [...prefix].map((l) => letterName(l, lang)).join(' ');
  const spoken = numberToWords(number, lang);
  // The trailing comma keeps a rising, "to be continued" intonation when the halves are
  // rendered separately and joined.
  if (lang === 'pl') return `Numer ${letters} ${spoken},`.replace(/ +/g, ' ');
  if (lang === 'uk') return `Номер ${letters} ${spoken},`.replace(/ +/g, ' ');
  return (letters ? `Number ${letters}, ${spoken},` : `Number ${spoken},`).replace(/ +/g, ' ');
}

/** "zaprasza stanowisko siódme." — the counter half of an announcement. */
export function counterSegment(counterNumber: number, lang: Lang, counterName?: string): string {
  if (!Number.isInteger(counterNumber) || counterNumber < 1 || counterNumber > 999) {
    throw new SkrError('INVALID', `Counter number out of range: ${counterNumber}`);
  }
  const name = counterName ? `, ${spellDigits(counterName, lang)}` : '';
  // "stanowisko" and "вікно" are neuter, so the ordinal agrees: "siódme", "сьоме".
  if (lang === 'pl') {
    return `zaprasza stanowisko ${numberToWords(counterNumber, 'pl', { ordinal: true, gender: 'n' })}${name}.`;
  }
  if (lang === 'uk') {
    return `запрошує ${numberToWords(counterNumber, 'uk', { ordinal: true, gender: 'n' })} вікно${name}.`;
  }
  return `please go to counter ${numberToWords(counterNumber, 'en')}${name}.`;
}

function spellDigits(text: string, lang: Lang): string {
  return text.replace(/\d{1,6}/g, (d) => numberToWords(Number(d), lang));
}

/** The two halves of an announcement, rendered and cached separately, joined at call time. */
export function phraseParts(input: PhraseInput): [ticket: string, counter: string] {
  return [
    ticketSegment(input.ticketNumber, input.lang),
    counterSegment(input.counterNumber, input.lang, input.counterName),
  ];
}

/** The full spoken sentence for a call, numbers spelled out in `lang`. Pure. */
export function buildPhrase(input: PhraseInput): string {
  return phraseParts(input).join(' ');
}
