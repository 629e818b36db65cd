import type { OpeningHours } from '@skr/protocol/manager';
import { localClock, localDay } from '@skr/protocol/time-zone';

/**
 * The branch's closing time today ("HH:MM" in its zone): the latest `to` among the services
 * open on this weekday; undefined when no service has hours (a branch without a scheduled
 * close, ended only by a manager).
 */
export function closingTime(
  hours: ReadonlyMap<string, OpeningHours>,
  at: Date,
  timeZone: string,
): string | undefined {
  const { day } = localClock(at, timeZone);
  let latest: string | undefined;
  for (const h of hours.values()) {
    if (h.days.includes(day) && (latest === undefined || h.to > latest)) latest = h.to;
  }
  return latest;
}

/**
 * Whether the scheduled close of the branch day containing `at` has passed and that day has not
 * been ended yet (`endedDay` is the last local day ended).
 */
export function closeIsDue(
  hours: ReadonlyMap<string, OpeningHours>,
  at: Date,
  timeZone: string,
  endedDay: string | undefined,
): boolean {
  const today = localDay(at, timeZone);
  if (endedDay === today) return false;
  const close = closingTime(hours, at, timeZone);
  return close !== undefined && localClock(at, timeZone).time >= close;
}
