import type { StatsPeriod } from '@skr/protocol/manager';

/** A span of local days, both ends included (YYYY-MM-DD). */
export interface DayRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

function utcDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
function dayOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Adds whole days to a calendar date (no time zone involved). */
export function addDays(day: string, n: number): string {
  return dayOf(new Date(utcDate(day).getTime() + n * DAY_MS));
}

/** The day itself, its ISO week (Monday to Sunday) or its calendar month. */
export function periodRange(period: StatsPeriod, day: string): DayRange {
  if (period === 'day') return { from: day, to: day };
  const d = utcDate(day);
  if (period === 'week') {
    const monday = addDays(day, -((d.getUTCDay() + 6) % 7));
    return { from: monday, to: addDays(monday, 6) };
  }
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
  return { from: dayOf(first), to: dayOf(last) };
}

/** Minutes the zone is ahead of UTC at `at` (120 for Warsaw in summer). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((local - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant a local day starts in a time zone. */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const guess = utcDate(day).getTime();
  const first = guess - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000;
  // A second pass settles days whose midnight is on the other side of a DST change.
  return new Date(guess - zoneOffsetMinutes(new Date(first), timeZone) * 60_000);
}

/** The local hour (0–23) of a UTC hour on a local day (the day's noon offset; whole-hour zones). */
export function localHour(day: string, utcHour: number, timeZone: string): number {
  const offset = zoneOffsetMinutes(new Date(`${day}T12:00:00Z`), timeZone);
  return (((utcHour + Math.floor(offset / 60)) % 24) + 24) % 24;
}
