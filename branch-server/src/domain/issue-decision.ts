import type { Lang, PriorityReason, Ticket } from '@skr/protocol';
import { conflict, notFound, refusalOf, type DomainError } from './domain-error';
import { localDay } from '@skr/protocol/time-zone';
import { polishHolidayOn } from './calendar/public-holidays';
import { isOpen } from './opening-hours';
import type { QueueState } from './queue-state';
import type { Booking, Decision } from './records';
import { endOfLine } from './line-position';
import { issueTicket } from './ticket-lifecycle';
import { lateRefusal } from './late-arrival';

/** Issue a walk-in ticket, or check in a booked visit by its code. */
export interface IssueCommand {
  /** Id of the new ticket. */
  id: string;
  serviceId?: string;
  bookingCode?: string;
  /** The cached booking under `bookingCode`, read inside the change's transaction. */
  booking?: Booking;
  /** The client took the late offer's walk-in: a visit of today past its window joins as one. */
  acceptLate?: boolean;
  lang: Lang;
  priority: PriorityReason | null;
  actor: string | null;
  /** The next number of a prefix today (a read; the insert takes it). */
  nextSequence: (prefix: string) => number;
}

/** An issue decision: the new ticket, or the ticket a second check-in of a booking answers with. */
type IssueDecision = Decision & { created?: Ticket; reprintOf?: string };

/**
 * The booking rules: an unknown code is NOT_FOUND, a cancelled booking is refused, and a
 * booking already checked in answers with its ticket (a reprint after a kiosk restart).
 */
function bookingRefusal(
  code: string,
  booking: Booking | undefined,
): DomainError | { reprintOf: string } | undefined {
  if (!booking) return notFound('no booking with this code', { bookingCode: code });
  if (booking.status === 'cancelled')
    return conflict('this booking was cancelled', { bookingCode: booking.code });
  if (booking.status === 'checked-in' && booking.ticketId) return { reprintOf: booking.ticketId };
  return undefined;
}

/**
 * Decides an issue or check-in: booking rules, the service must be active, walk-ins only in
 * the service's opening hours, a booked visit neither too early nor past its late window. Emits `ticket.issued` and, for a
 * booking, its check-in.
 */
export function decideIssue(
  state: QueueState,
  cmd: IssueCommand,
  now: Date,
): IssueDecision | DomainError {
  const booking = cmd.bookingCode ? cmd.booking : undefined;
  let lateWalkIn = false;
  if (cmd.bookingCode) {
    const r = bookingRefusal(cmd.bookingCode, booking);
    if (r && 'reprintOf' in r) return { events: [], rows: [], reprintOf: r.reprintOf };
    if (r) return r;
    // Past the late window the visit is missed: the client is offered a walk-in ticket or a
    // slot today instead of silently getting a walk-in (issue 14). Taking the walk-in, the
    // ticket carries the visit's code (the clerk sees a booked client) and the visit is
    // checked in, so the client who came is not also counted as a no-show.
    const late = lateRefusal(booking!, now, state.settings);
    const tz = state.settings.timeZone;
    lateWalkIn =
      late !== undefined &&
      cmd.acceptLate === true &&
      localDay(new Date(booking!.bookedFor), tz) === localDay(now, tz);
    if (late && !lateWalkIn) return late;
  }
  const serviceId = cmd.serviceId ?? booking?.serviceId;
  const svc = serviceId === undefined ? undefined : state.services.get(serviceId);
  if (!svc || !svc.active) return notFound(`no service ${serviceId}`, { serviceId });
  const hours = state.hours.get(svc.id);
  if ((!booking || lateWalkIn) && !isOpen(hours, now, state.settings.timeZone)) {
    // Within the hours on a statutory holiday: say so, or "issued 08:00–16:00" reads as a fault.
    const holiday = polishHolidayOn(localDay(now, state.settings.timeZone));
    return conflict(
      holiday
        ? `${svc.names.pl}: the branch is closed on a public holiday`
        : `${svc.names.pl}: tickets are issued ${hours!.from}–${hours!.to}`,
      {
        serviceId: svc.id,
        reason: 'closed',
        from: hours!.from,
        to: hours!.to,
        days: hours!.days,
        ...(holiday ? { holiday } : {}),
      },
    );
  }
  const created = refusalOf(() =>
    issueTicket(
      {
        id: cmd.id,
        service: svc,
        sequence: cmd.nextSequence(svc.prefix),
        now,
        lang: cmd.lang,
        priority: cmd.priority,
        booking: booking ? { code: booking.code, bookedFor: booking.bookedFor } : null,
      },
      state.settings,
    ),
  );
  if (created instanceof Error) return created;
  // A walk-in (or a late booking) joins at the end by the order of events, not the wall clock.
  if (created.lineAt === created.issuedAt) created.lineAt = endOfLine(state, now);
  const at = now.toISOString();
  return {
    created,
    events: [{ at, type: 'ticket.issued', ticket: created, actor: cmd.actor }],
    rows: [
      { row: 'ticket', ticket: created, expected: null },
      ...(booking
        ? [
            {
              row: 'booking' as const,
              booking: {
                ...booking,
                status: 'checked-in' as const,
                ticketId: created.id,
                updatedAt: at,
              },
            },
          ]
        : []),
    ],
  };
}
