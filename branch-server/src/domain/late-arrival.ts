import type { QueueSettings } from '@skr/protocol';
import { lateArrivalMessages } from '@skr/protocol/late-arrival';
import { localDay } from '@skr/protocol/time-zone';
import { conflict, type DomainError } from './domain-error';
import type { Booking } from './records';
import { minutesBetween } from './time';

// A booked client past the late-arrival window (issue 14). Until session 7 the check-in silently
// became a walk-in ticket; now it is refused with reason `late`, and the branch answers with an
// offer (a walk-in ticket or the nearest slot today) that the client chooses from.

/** True when a visit booked for `bookedFor` can no longer be checked in at `now`. */
export function pastLateWindow(bookedFor: string, now: Date, settings: QueueSettings): boolean {
  return minutesBetween(bookedFor, now) > settings.lateArrivalMinutes;
}

/**
 * The refusal of checking in `booking` at `now` when the client is past the late window, else
 * undefined. Its details name the service and the booked time; the app adds the offer.
 */
export function lateRefusal(
  booking: Booking,
  now: Date,
  settings: QueueSettings,
): DomainError | undefined {
  if (booking.status !== 'booked' || !pastLateWindow(booking.bookedFor, now, settings))
    return undefined;
  return conflict(lateArrivalMessages.pl.replace('{n}', String(settings.lateArrivalMinutes)), {
    reason: 'late',
    serviceId: booking.serviceId,
    bookedFor: new Date(booking.bookedFor).toISOString(),
    lateArrivalMinutes: settings.lateArrivalMinutes,
  });
}

/**
 * The card holder's missed visit of today: among their bookings (nearest to `at` first), the
 * latest still booked and past its late window, or undefined.
 */
export function missedToday(
  candidates: readonly Booking[],
  at: Date,
  settings: QueueSettings,
): Booking | undefined {
  const today = localDay(at, settings.timeZone);
  return candidates.find(
    (b) =>
      b.status === 'booked' &&
      localDay(new Date(b.bookedFor), settings.timeZone) === today &&
      pastLateWindow(b.bookedFor, at, settings),
  );
}
