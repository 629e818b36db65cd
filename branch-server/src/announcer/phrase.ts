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
  /** The counter's public number (not its internal id). */
  counterNumber: number;
  /** The counter's short label ("T9"), spoken instead of the number when set. */
  counterLabel?: string | null;
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

/**
 * "zaprasza stanowisko siódme." — the counter half of an announcement, from the counter's public
 * number; with a label, the label spelled instead ("zaprasza stanowisko Te dziewięć.").
 */
export function counterSegment(counterNumber: number, lang: Lang, label?: string | null): string {
  if (!Number.isInteger(counterNumber) || counterNumber < 1 || counterNumber > 999) {
    throw new SkrError('INVALID', `Counter number out of range: ${counterNumber}`);
  }
  if (label) {
    const spelled = spellLabel(label, lang);
    if (lang === 'pl') return `zaprasza stanowisko ${spelled}.`;
    if (lang === 'uk') return `запрошує вікно ${spelled}.`;
    return `please go to counter ${spelled}.`;
  }
  // "stanowisko" and "вікно" are neuter, so the ordinal agrees: "siódme", "сьоме".
  if (lang === 'pl') {
    return `zaprasza stanowisko ${numberToWords(counterNumber, 'pl', { ordinal: true, gender: 'n' })}.`;
  }
  if (lang === 'uk') {
    return `запрошує ${numberToWords(counterNumber, 'uk', { ordinal: true, gender: 'n' })} вікно.`;
  }
  return `please go to counter ${numberToWords(counterNumber, 'en')}.`;
}

/** The counter half for a bare number or a number with its label (a pre-render plan's entry). */
export function counterSegmentOf(
  c: number | { number: number; label: string | null },
  lang: Lang,
): string {
  return typeof c === 'number' ? counterSegment(c, lang) : counterSegment(c.number, lang, c.label);
}

/** "T9" → "Te dziewięć": letters by name, digit runs as numbers. */
function spellLabel(label: string, lang: Lang): string {
  return (label.match(/\d+|\D/g) ?? [])
    .map((part) => (/\d/.test(part) ? numberToWords(Number(part), lang) : letterName(part, lang)))
    .join(' ');
}

/** The two halves of an announcement, rendered and cached separately, joined at call time. */
export function phraseParts(input: PhraseInput): [ticket: string, counter: string] {
  return [
    ticketSegment(input.ticketNumber, input.lang),
    counterSegment(input.counterNumber, input.lang, input.counterLabel),
  ];
}

/** The full spoken sentence for a call, numbers spelled out in `lang`. Pure. */
export function buildPhrase(input: PhraseInput): string {
  return phraseParts(input).join(' ');
}
