/** Local calendar day (YYYY-MM-DD) of an instant in a time zone; numbering resets at its midnight. */
export function localDay(at: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA formats dates as YYYY-MM-DD. Building a formatter is slow: keep one per zone.
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f.format(at);
}
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes from `from` to `to` (negative when `to` is earlier). */
export function minutesBetween(from: string | Date, to: string | Date): number {
  return (new Date(to).getTime() - new Date(from).getTime()) / 60_000;
}

/** The instant `minutes` after `at`, as ISO text. */
export function addMinutes(at: string | Date, minutes: number): string {
  return new Date(new Date(at).getTime() + minutes * 60_000).toISOString();
}
