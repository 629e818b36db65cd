import type { OpeningHours } from '@skr/protocol/manager';
import { localClock, localDay } from '@skr/protocol/time-zone';
import { polishHolidayOn } from './calendar/public-holidays';

/**
 * Whether a service takes walk-in tickets at `at`; no hours set means always. Set hours are the
 * branch's real ones, so a Polish statutory holiday closes them (a ZUS branch is shut by law);
 * a branch without hours (a test or training setup) is open on any day.
 */
export function isOpen(
  hours: OpeningHours | null | undefined,
  at: Date,
  timeZone: string,
): boolean {
  if (!hours) return true;
  const { day, time } = localClock(at, timeZone);
  if (!hours.days.includes(day) || time < hours.from || time >= hours.to) return false;
  return polishHolidayOn(localDay(at, timeZone)) === null;
}
