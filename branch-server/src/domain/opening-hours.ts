import type { OpeningHours } from '@skr/protocol/manager';
import { localClock } from '@skr/protocol/time-zone';

/** Whether a service takes walk-in tickets at `at`; no hours set means always. */
export function isOpen(
  hours: OpeningHours | null | undefined,
  at: Date,
  timeZone: string,
): boolean {
  if (!hours) return true;
  const { day, time } = localClock(at, timeZone);
  return hours.days.includes(day) && time >= hours.from && time < hours.to;
}
