import type { StatsPeriod } from '@skr/protocol/manager';

// Calendar arithmetic on local day names only; turning them into instants (start of a local
// day, local hours) is @skr/protocol/time-zone's job.

/** A span of local days, both ends included (YYYY-MM-DD). */
interface DayRange {
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
