import type { Lang, PriorityReason, Ticket } from '@skr/protocol';
import { conflict, notFound, refusalOf, type DomainError } from './domain-error';
import { isOpen } from './opening-hours';
import type { QueueState } from './queue-state';
import type { Booking, Decision } from './records';
import { endOfLine } from './line-position';
import { issueTicket } from './ticket-lifecycle';

/** Issue a walk-in ticket, or check in a booked visit by its code. */
export interface IssueCommand {
  /** Id of the new ticket. */
  id: string;
  serviceId?: string;
  bookingCode?: string;
  /** The cached booking under `bookingCode`, read inside the change's transaction. */
  booking?: Booking;
  lang: Lang;
  priority: PriorityReason | null;
  actor: string | null;
  /** The next number of a prefix today (a read; the insert takes it). */
  nextSequence: (prefix: string) => number;
}

/** An issue decision: the new ticket, or the ticket a second check-in of a booking answers with. */
export type IssueDecision = Decision & { created?: Ticket; reprintOf?: string };

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
 * the service's opening hours, a booked visit not too early. Emits `ticket.issued` and, for a
 * booking, its check-in.
 */
export function decideIssue(
  state: QueueState,
  cmd: IssueCommand,
  now: Date,
): IssueDecision | DomainError {
  const booking = cmd.bookingCode ? cmd.booking : undefined;
  if (cmd.bookingCode) {
    const r = bookingRefusal(cmd.bookingCode, booking);
    if (r && 'reprintOf' in r) return { events: [], rows: [], reprintOf: r.reprintOf };
    if (r) return r;
  }
  const serviceId = cmd.serviceId ?? booking?.serviceId;
  const svc = serviceId === undefined ? undefined : state.services.get(serviceId);
  if (!svc || !svc.active) return notFound(`no service ${serviceId}`, { serviceId });
  const hours = state.hours.get(svc.id);
  if (!booking && !isOpen(hours, now, state.settings.timeZone)) {
    return conflict(`${svc.names.pl}: tickets are issued ${hours!.from}–${hours!.to}`, {
      serviceId: svc.id,
      reason: 'closed',
      from: hours!.from,
      to: hours!.to,
      days: hours!.days,
    });
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
