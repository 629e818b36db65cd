// Local days and clocks live in @skr/protocol/time-zone (one module, the zone always given).

/** Minutes from `from` to `to` (negative when `to` is earlier). */
export function minutesBetween(from: string | Date, to: string | Date): number {
  return (new Date(to).getTime() - new Date(from).getTime()) / 60_000;
}

/** The instant `minutes` after `at`, as ISO text. */
export function addMinutes(at: string | Date, minutes: number): string {
  return new Date(new Date(at).getTime() + minutes * 60_000).toISOString();
}
