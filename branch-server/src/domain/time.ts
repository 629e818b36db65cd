// Local days and clocks live in @skr/protocol/time-zone (one module, the zone always given).

/**
 * Instants read from ISO text, kept: the calling policy and the wait estimate's dry run read
 * the same few hundred line positions thousands of times per ticket, and parsing was the
 * largest part of it (issue 12). Cleared when full, so it stays small.
 */
const parsed = new Map<string, number>();
const PARSED_MAX = 10_000;

/** Milliseconds of an instant given as ISO text or a Date (as `new Date(x).getTime()`). */
export function msOf(x: string | Date): number {
  if (typeof x !== 'string') return x.getTime();
  let ms = parsed.get(x);
  if (ms === undefined) {
    ms = Date.parse(x);
    if (parsed.size >= PARSED_MAX) parsed.clear();
    parsed.set(x, ms);
  }
  return ms;
}

/** Minutes from `from` to `to` (negative when `to` is earlier). */
export function minutesBetween(from: string | Date, to: string | Date): number {
  return (msOf(to) - msOf(from)) / 60_000;
}

/** The instant `minutes` after `at`, as ISO text. */
export function addMinutes(at: string | Date, minutes: number): string {
  return new Date(msOf(at) + minutes * 60_000).toISOString();
}

const DAY_MS = 86_400_000;
/** Instants of years 0–9999 have toISOString's short form (a longer year is signed, 6 digits). */
const SHORT_FORM_END = Date.UTC(10_000, 0, 1);
/** The day last formatted by {@link isoOf} and its "YYYY-MM-DDT" text. */
let isoDay = NaN;
let isoDayText = '';

/** "00" to "59": hours, minutes and seconds as written. */
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));

/**
 * `new Date(ms).toISOString()`, at a fraction of its cost: the wait estimate's dry run needs the
 * text of every instant it steps to, and toISOString (~0.6 µs on Node 20) was a third of a step
 * (issue 12). The day's text is kept and only the clock is written; other years fall back.
 */
export function isoOf(ms: number): string {
  if (!(ms >= 0 && ms < SHORT_FORM_END) || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  if (day !== isoDay) {
    isoDayText = new Date(day * DAY_MS).toISOString().slice(0, 11);
    isoDay = day;
  }
  let rest = ms - day * DAY_MS;
  const milli = rest % 1000;
  rest = (rest - milli) / 1000;
  const second = rest % 60;
  rest = (rest - second) / 60;
  const minute = rest % 60;
  const hour = (rest - minute) / 60;
  const milliText = milli < 10 ? `00${milli}` : milli < 100 ? `0${milli}` : `${milli}`;
  return `${isoDayText}${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[second]}.${milliText}Z`;
}

/** Texts read by {@link shortIsoMs}, kept as {@link msOf} keeps its own. */
const shortForms = new Map<string, number>();

/**
 * Milliseconds of ISO text in toISOString's short form (24 characters, years 0–9999), or NaN for
 * any other text. Such texts order as their instants do, so where both sides are in that form a
 * comparison of the numbers answers what the comparison of the texts did: the wait estimate's
 * dry run compares numbers (issue 12's second round: formatting and comparing the step's text
 * was a large part of a step).
 */
export function shortIsoMs(x: string): number {
  let ms = shortForms.get(x);
  if (ms === undefined) {
    const read = msOf(x);
    ms = x.length === 24 && isShortFormMs(read) && isoOf(read) === x ? read : NaN;
    if (shortForms.size >= PARSED_MAX) shortForms.clear();
    shortForms.set(x, ms);
  }
  return ms;
}

/** Whether {@link isoOf} writes this instant in the short form. */
export function isShortFormMs(ms: number): boolean {
  return ms >= 0 && ms < SHORT_FORM_END && Number.isInteger(ms);
}
