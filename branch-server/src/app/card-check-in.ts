import type { QueueSettings } from '@skr/protocol';
import { notFound } from '../domain';
import { localDay } from '@skr/protocol/time-zone';
import { addMinutes } from '../domain/time';
import type { BookingRepo } from '../store';

/**
 * The booking an ID-card holder checks in for now: one of today's bookings under their keyed
 * PESEL hash whose booked time lies in the check-in window (from `earlyArrivalMinutes` before
 * to `lateArrivalMinutes` after it), the one nearest to `at` when there are several. A booking
 * already checked in counts only while its ticket is still open, so a card inserted again
 * reprints the ticket, while a finished morning visit does not hide the afternoon one.
 * Answers the booking's code; NOT_FOUND when there is none.
 */
export function cardBookingCode(
  bookings: BookingRepo,
  peselHash: string,
  at: Date,
  settings: QueueSettings,
  isOpenTicket: (ticketId: string) => boolean,
): string {
  const today = localDay(at, settings.timeZone);
  const found = bookings
    .byPeselHash(
      peselHash,
      addMinutes(at, -settings.lateArrivalMinutes),
      addMinutes(at, settings.earlyArrivalMinutes),
      at.toISOString(),
    )
    .find(
      (b) =>
        localDay(new Date(b.bookedFor), settings.timeZone) === today &&
        (b.status === 'booked' || (b.ticketId !== null && isOpenTicket(b.ticketId))),
    );
  // No details: the answer must not echo anything that identifies the card holder.
  if (!found) {
    throw notFound(
      `no booking for this ID card to check in now (check-in is open from ` +
        `${settings.earlyArrivalMinutes} min before to ${settings.lateArrivalMinutes} min after the booked time)`,
    );
  }
  return found.code;
}
