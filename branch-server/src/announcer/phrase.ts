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

/** "Ha dwanaście," — the ticket half of a short (burst) announcement: no "Numer". */
function shortTicketSegment(ticketNumber: string, lang: Lang): string {
  const { prefix, number } = parseTicket(ticketNumber);
  const letters = [...prefix].map((l) => letterName(l, lang)).join(' ');
  return `${letters} ${numberToWords(number, lang)},`.replace(/ +/g, ' ').trim();
}

/**
 * "stanowisko dziewięć." — the counter half of a short announcement: the place and its number
 * as it is written on the sign (a cardinal, no verb); a label is spelled as in the full form.
 */
function shortCounterSegment(counterNumber: number, lang: Lang, label?: string | null): string {
  if (!Number.isInteger(counterNumber) || counterNumber < 1 || counterNumber > 999) {
    throw new SkrError('INVALID', `Counter number out of range: ${counterNumber}`);
  }
  const sign = label ? spellLabel(label, lang) : numberToWords(counterNumber, lang);
  if (lang === 'pl') return `stanowisko ${sign}.`;
  if (lang === 'uk') return `вікно ${sign}.`;
  return `counter ${sign}.`;
}

/**
 * The two halves of an announcement, rendered and cached separately, joined at call time.
 * `short`: the burst form ("Ha dwanaście, stanowisko dziewięć."), read when several calls
 * wait to be announced, so a run of twelve takes about half the time and still names each.
 */
export function phraseParts(
  input: PhraseInput & { short?: boolean },
): [ticket: string, counter: string] {
  if (input.short)
    return [
      shortTicketSegment(input.ticketNumber, input.lang),
      shortCounterSegment(input.counterNumber, input.lang, input.counterLabel),
    ];
  return [
    ticketSegment(input.ticketNumber, input.lang),
    counterSegment(input.counterNumber, input.lang, input.counterLabel),
  ];
}

/** The spoken sentence for a call (full, or short with `short`), numbers spelled out. Pure. */
export function buildPhrase(input: PhraseInput & { short?: boolean }): string {
  return phraseParts(input).join(' ');
}
