import type { BranchEvent, PueVisitOutcome } from '@skr/protocol';
import type { Db } from '../store';
import type { OutboxRepo } from './outbox-repo';

/** Idempotency key of a ticket's visit outcome: one report per ticket, whatever happens. */
const visitKey = (ticketId: string) => `visit:${ticketId}`;

/** Idempotency key of a booked visit that never checked in (no ticket to name it by). */
const missedVisitKey = (code: string) => `visit:booking:${code}`;

const OUTCOME: Partial<Record<BranchEvent['type'], PueVisitOutcome['outcome']>> = {
  'ticket.finished': 'done',
  'ticket.no-show': 'no-show',
  'ticket.expired': 'expired',
};

interface BookingRow {
  service_id: string;
  booked_for: string;
  portal_status: string | null;
}

/**
 * The outbox rows for the changes of one transaction (called from the branch's onCommit hook):
 * a booked visit that ended (served, no-show, or expired at the end of the day) is reported to
 * the portal, and so is a booked visit the end of the day found never checked in (a no-show
 * without a ticket) and one a late client replaced by a later visit today (rebooked). Returns
 * how many rows were added.
 */
export function enqueueVisitOutcomes(
  events: readonly BranchEvent[],
  db: Db,
  outbox: OutboxRepo,
  dueMs: number,
): number {
  // Prepared only when a booked visit is among the events: most commits have none.
  let stmt: ReturnType<Db['prepare']> | undefined;
  const booking = (code: string) =>
    (stmt ??= db.prepare(
      `SELECT service_id, booked_for, portal_status FROM bookings WHERE code = ?`,
    )).get(code) as BookingRow | undefined;
  let added = 0;
  /** Queues the outcome of booked visit `code`, which has no ticket, once (keyed by its code). */
  const ticketless = (code: string, e: BranchEvent, more: Partial<PueVisitOutcome>): void => {
    const b = booking(code);
    // A rebook reports only a visit moved after its time had passed: a late client's, who came
    // and took a later visit today (a rebook of a visit that has started is refused).
    if (!b || (more.outcome === 'rebooked' && Date.parse(b.booked_for) >= Date.parse(e.at))) return;
    const outcome: PueVisitOutcome = {
      bookingCode: code,
      serviceId: b.service_id,
      outcome: 'no-show',
      ticketNumber: null,
      checkedInAt: null,
      calledAt: null,
      finishedAt: null,
      bookingCancelledCentrally: b.portal_status === 'cancelled',
      ...more,
    };
    const key = missedVisitKey(code);
    if (outbox.enqueue('visit-outcome', key, code, outcome, new Date(e.at), dueMs)) added += 1;
  };
  for (const e of events) {
    const t = e.ticket;
    if (e.type === 'booking.no-show' && e.booking) {
      ticketless(e.booking.code, e, {});
      continue;
    }
    if (e.type === 'booking.rebooked' && e.booking?.previousCode) {
      ticketless(e.booking.previousCode, e, {
        outcome: 'rebooked',
        checkedInAt: e.at,
        rebookedAs: e.booking.code,
      });
      continue;
    }
    const kind = OUTCOME[e.type];
    if (!t?.bookingCode || kind === undefined) continue;
    const b = booking(t.bookingCode);
    const outcome: PueVisitOutcome = {
      bookingCode: t.bookingCode,
      serviceId: t.serviceId,
      outcome: kind,
      ticketNumber: t.number,
      checkedInAt: t.issuedAt,
      calledAt: t.calledAt,
      finishedAt: t.finishedAt,
      bookingCancelledCentrally: b?.portal_status === 'cancelled',
    };
    if (outbox.enqueue('visit-outcome', visitKey(t.id), t.id, outcome, new Date(e.at), dueMs))
      added += 1;
  }
  return added;
}
