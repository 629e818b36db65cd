// Local days and clocks live in @skr/protocol/time-zone (one module, the zone always given).

/**
 * Instants read from ISO text, kept: the calling policy and the wait estimate's dry run read
 * the same few hundred line positions thousands of times per ticket, and parsing was the
 * largest part of it (issue 12). Cleared when full, so it stays small.
 */
const parsed = new Map<string, number>();
const PARSED_MAX = 10_000;

/** Milliseconds of an instant given as ISO text or a Date (as `new Date(x).getTime()`). */
function msOf(x: string | Date): number {
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
