import type { BranchEvent, PueVisitOutcome } from '@skr/protocol';
import type { Db } from '../store';
import type { OutboxRepo } from './outbox-repo';

/** Idempotency key of a ticket's visit outcome: one report per ticket, whatever happens. */
export const visitKey = (ticketId: string) => `visit:${ticketId}`;

/**
 * The outbox rows for the changes of one transaction (called from the branch's onCommit hook):
 * a booked visit that ended (served or no-show) is reported to the portal. Returns how many
 * rows were added.
 */
export function enqueueVisitOutcomes(
  events: readonly BranchEvent[],
  db: Db,
  outbox: OutboxRepo,
  dueMs: number,
): number {
  let added = 0;
  for (const e of events) {
    const t = e.ticket;
    if (!t?.bookingCode) continue;
    if (e.type !== 'ticket.finished' && e.type !== 'ticket.no-show') continue;
    const booking = db
      .prepare(`SELECT portal_status FROM bookings WHERE code = ?`)
      .get(t.bookingCode) as { portal_status: string | null } | undefined;
    const outcome: PueVisitOutcome = {
      bookingCode: t.bookingCode,
      serviceId: t.serviceId,
      outcome: t.state === 'no-show' ? 'no-show' : 'done',
      ticketNumber: t.number,
      checkedInAt: t.issuedAt,
      calledAt: t.calledAt,
      finishedAt: t.finishedAt,
      bookingCancelledCentrally: booking?.portal_status === 'cancelled',
    };
    if (outbox.enqueue('visit-outcome', visitKey(t.id), t.id, outcome, new Date(e.at), dueMs))
      added += 1;
  }
  return added;
}
