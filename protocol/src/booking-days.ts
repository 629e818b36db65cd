import type { SlotAvailability } from './calendar';
import type { Lang } from './domain';
import { localDay } from './time-zone';

// Booking screens (kiosk, desk) offer days, then hours: the free slots grouped by the branch's
// calendar day. Shared so that the two screens agree on which days are offered.

/** How many days ahead the kiosk and the desk offer ("the next 30 days with free places"). */
export const BOOKING_DAYS_AHEAD = 30;

/** One day with its free slots, in time order. */
export interface BookingDay {
  day: string;
  slots: SlotAvailability[];
  free: number;
}

/** The branch's calendar day ("YYYY-MM-DD" in `zone`) `n` days after `now`. */
export function dayAfter(now: Date, n: number, zone: string): string {
  return localDay(now.getTime() + n * 86_400_000, zone);
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

/** The weekday of a calendar day in the reader's language ("wtorek", "Tuesday", "вівторок"). */
export function weekdayName(day: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}
