import type { QueueSettings } from '@skr/protocol';
import { conflict, notFound, type DomainError } from './domain-error';
import type { QueueState } from './queue-state';
import type { Booking, Decision } from './records';
import { localDay, startOfLocalDay } from '@skr/protocol/time-zone';
import { missedToday } from './late-arrival';
import { addMinutes } from './time';

/** Cache a booking made at the central portal. */
export interface AddBookingCommand {
  code: string;
  serviceId: string;
  bookedFor: string;
  /** The booking already cached under this code, if any. */
  existing: Booking | undefined;
  actor: string | null;
}

/** Decides caching a booking: the service must be active; a checked-in booking stays as it is. */
export function decideAddBooking(
  state: QueueState,
  cmd: AddBookingCommand,
  now: Date,
): Decision | DomainError {
  const svc = state.services.get(cmd.serviceId);
  if (!svc || !svc.active)
    return notFound(`no service ${cmd.serviceId}`, { serviceId: cmd.serviceId });
  if (cmd.existing?.status === 'checked-in') return conflict('this booking is already checked in');
  const at = now.toISOString();
  return {
    events: [{ at, type: 'booking.created', actor: cmd.actor }],
    rows: [
      {
        row: 'booking',
        booking: {
          code: cmd.code,
          serviceId: cmd.serviceId,
          bookedFor: new Date(cmd.bookedFor).toISOString(),
          status: 'booked',
          ticketId: null,
          updatedAt: at,
        },
      },
    ],
  };
}

/**
 * The booked times (ISO, inclusive) a card holder's bookings are looked up in at `at`: from the
 * start of today (a visit missed earlier today is found, to be offered another way) to the end
 * of the early-arrival window.
 */
export function cardCheckInWindow(at: Date, settings: QueueSettings): { from: string; to: string } {
  return {
    from: startOfLocalDay(localDay(at, settings.timeZone), settings.timeZone).toISOString(),
    to: addMinutes(at, settings.earlyArrivalMinutes),
  };
}

/**
 * The booking an ID-card holder checks in for now, among their bookings of the lookup window
 * (nearest first): one of today's within the check-in window, still booked, or checked in while
 * its ticket is open (so a card inserted again reprints the ticket, while a finished morning
 * visit does not hide the afternoon one); failing that, today's visit missed past its late
 * window (the check-in then answers the late offer). NOT_FOUND without details: the answer must
 * not echo who the holder is.
 */
export function cardBooking(
  candidates: readonly Booking[],
  at: Date,
  settings: QueueSettings,
  isOpenTicket: (ticketId: string) => boolean,
): Booking | DomainError {
  const today = localDay(at, settings.timeZone);
  const opens = addMinutes(at, -settings.lateArrivalMinutes);
  const found = candidates.find(
    (b) =>
      localDay(new Date(b.bookedFor), settings.timeZone) === today &&
      (b.status === 'booked'
        ? new Date(b.bookedFor).toISOString() >= opens
        : b.ticketId !== null && isOpenTicket(b.ticketId)),
  );
  return (
    found ??
    missedToday(candidates, at, settings) ??
    notFound(
      `no booking for this ID card to check in now (check-in is open from ` +
        `${settings.earlyArrivalMinutes} min before to ${settings.lateArrivalMinutes} min after the booked time)`,
    )
  );
}
