import type { SlotAvailability } from '@skr/protocol/calendar';
import type { Lang } from '@skr/protocol/domain';

/** How many days ahead the kiosk offers ("the next 30 days with free places"). */
export const BOOKING_DAYS_AHEAD = 30;

/** One day with its free slots, in time order. */
export interface BookingDay {
  day: string;
  slots: SlotAvailability[];
  free: number;
}

/** "YYYY-MM-DD" of `d` on the branch's clock (Warsaw), and the day `n` days after it. */
export function branchDay(d: Date, n = 0): string {
  const shifted = new Date(d.getTime() + n * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Warsaw',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(shifted);
}

/** Groups slots with free places by day; days without any are left out. */
export function daysWithFreePlaces(slots: readonly SlotAvailability[]): BookingDay[] {
  const byDay = new Map<string, SlotAvailability[]>();
  for (const s of slots) {
    if (s.free <= 0) continue;
    byDay.set(s.day, [...(byDay.get(s.day) ?? []), s]);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, list]) => ({
      day,
      slots: list.sort((a, b) => a.start.localeCompare(b.start)),
      free: list.reduce((n, s) => n + s.free, 0),
    }));
}

const LOCALE: Record<Lang, string> = { pl: 'pl-PL', en: 'en-GB', uk: 'uk-UA' };

/** The weekday of a calendar day in the client's language ("wtorek", "Tuesday", "вівторок"). */
export function weekdayName(day: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}
