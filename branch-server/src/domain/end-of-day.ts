import type { Counter, Ticket } from '@skr/protocol';
import type { QueueState } from './queue-state';
import type { Decision, DomainEvent, RowChange } from './records';

/** The actor recorded on everything the end of the day resolves. */
export const END_OF_DAY_ACTOR = 'system:end-of-day';

/** What the end of the day did: counters closed, leftovers resolved, booked visits left over. */
interface EndOfDay extends Decision {
  closedCounters: number;
  resolvedTickets: number;
  /** Booking codes of checked-in booked visits still open at the close (they expire). */
  bookedLeftovers: string[];
  /** Booking codes of the day's booked visits that never checked in (no-shows to the portal). */
  missedBookings: string[];
}

/**
 * How a leftover is resolved: a client in service is done; one waiting, called or parked was
 * never served that day and the ticket expires. Expired is its own outcome, not a cancellation
 * (nobody cancelled) nor a no-show (the client may have been there): statistics tell them apart.
 */
function resolve(t: Ticket, at: string): { ticket: Ticket; type: DomainEvent['type'] } {
  if (t.state === 'serving') {
    return { ticket: { ...t, state: 'done', finishedAt: at }, type: 'ticket.finished' };
  }
  return { ticket: { ...t, state: 'expired', finishedAt: at }, type: 'ticket.expired' };
}

/**
 * The branch day ends: every counter closes (its clerk signed out of it), every active ticket is
 * resolved with a recorded outcome, booked visits among them are listed, and each booked visit
 * that never checked in (`missedBookings`, read by the caller) is recorded as a no-show. Pure;
 * an already ended day decides nothing.
 */
export function decideEndOfDay(
  state: QueueState,
  now: Date,
  actor: string = END_OF_DAY_ACTOR,
  missedBookings: readonly string[] = [],
): EndOfDay {
  const at = now.toISOString();
  const events: DomainEvent[] = [];
  const rows: RowChange[] = [];
  const bookedLeftovers: string[] = [];
  let resolvedTickets = 0;
  for (const t of state.active.values()) {
    const r = resolve(t, at);
    events.push({ at, type: r.type, ticket: r.ticket, actor });
    rows.push({ row: 'ticket', ticket: r.ticket, expected: t.state });
    if (t.bookingCode !== null && t.state !== 'serving') bookedLeftovers.push(t.bookingCode);
    resolvedTickets += 1;
  }
  let closedCounters = 0;
  for (const c of state.counters.values()) {
    if (c.state === 'closed' && c.clerk === null) continue;
    const counter: Counter = { ...c, state: 'closed', pauseReason: null, clerk: null };
    events.push({ at, type: 'counter.closed', counter, actor });
    rows.push({ row: 'counter', counter });
    closedCounters += 1;
  }
  for (const code of missedBookings) {
    events.push({ at, type: 'booking.no-show', booking: { code }, actor });
  }
  return {
    events,
    rows,
    closedCounters,
    resolvedTickets,
    bookedLeftovers,
    missedBookings: [...missedBookings],
  };
}

/**
 * Booked visits of days already over that never checked in (the branch was off at their close):
 * each is recorded as a no-show, nothing else changes — today's counters and line stay as they
 * are. Pure.
 */
export function decideMissedBookings(
  now: Date,
  missedBookings: readonly string[],
  actor: string = END_OF_DAY_ACTOR,
): Decision {
  const at = now.toISOString();
  return {
    events: missedBookings.map((code) => ({
      at,
      type: 'booking.no-show',
      booking: { code },
      actor,
    })),
    rows: [],
  };
}

/** Whether leftovers of an earlier branch day are still active (a close was missed). */
export function missedClose(state: QueueState, today: string): boolean {
  for (const t of state.active.values()) if (t.day < today) return true;
  return false;
}
