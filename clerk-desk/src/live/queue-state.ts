import type { Counter, Ticket } from '@skr/protocol/domain';
import type { LineSummary, QueueSnapshot } from '@skr/protocol/http';
import type { BranchEvent } from '@skr/protocol/socket';

/** A counter as the snapshot lists it, with the ticket in hand. */
export type CounterView = QueueSnapshot['counters'][number];

/**
 * Puts a changed ticket where it now belongs: in the hand of its counter (called or serving),
 * in the parked list, or nowhere (waiting, done, no-show, cancelled). Pure.
 */
export function applyTicket(s: QueueSnapshot, t: Ticket): QueueSnapshot {
  const inHand = (t.state === 'called' || t.state === 'serving') && t.counterId !== null;
  const counters = s.counters.map((c) => {
    if (inHand && c.id === t.counterId) return { ...c, ticket: t };
    return c.ticket?.id === t.id ? { ...c, ticket: null } : c;
  });
  const parked = s.parked.filter((p) => p.id !== t.id);
  if (t.state === 'parked') parked.push(t);
  return { ...s, counters, parked };
}

/** Replaces a counter's state, keeping the ticket in its hand. Pure. */
export function applyCounter(s: QueueSnapshot, c: Counter): QueueSnapshot {
  return {
    ...s,
    counters: s.counters.map((x) => (x.id === c.id ? { ...c, ticket: x.ticket } : x)),
  };
}

/**
 * Applies one event of the branch's log. Line summaries (counts, waits) are not in events;
 * the caller refreshes them with a snapshot. Unknown event kinds only advance `seq`.
 */
export function applyEvent(s: QueueSnapshot, e: BranchEvent): QueueSnapshot {
  let next = s;
  if (e.counter) next = applyCounter(next, e.counter);
  if (e.ticket) next = applyTicket(next, e.ticket);
  return { ...next, seq: Math.max(s.seq, e.seq) };
}

/** The counter with this id, if the snapshot has it. */
export function counterOf(s: QueueSnapshot | null, id: number | null): CounterView | undefined {
  return id === null ? undefined : s?.counters.find((c) => c.id === id);
}

/** The lines a counter serves, its strongest skill first (then by service id, stable). */
export function linesFor(s: QueueSnapshot, c: Counter): LineSummary[] {
  const weight = (id: string) => c.skills[id] ?? 0;
  return s.lines
    .filter((l) => c.skills[l.serviceId] !== undefined)
    .sort(
      (a, b) => weight(b.serviceId) - weight(a.serviceId) || a.serviceId.localeCompare(b.serviceId),
    );
}

/** Tickets parked at this counter, the longest parked first. */
export function parkedAt(s: QueueSnapshot, counterId: number): Ticket[] {
  return s.parked
    .filter((t) => t.counterId === counterId)
    .sort((a, b) => a.issuedAt.localeCompare(b.issuedAt));
}

/** Counters a ticket may be transferred to: open or not, they must serve its service. */
export function transferCounters(s: QueueSnapshot, t: Ticket, from: number): CounterView[] {
  return s.counters.filter((c) => c.id !== from && c.skills[t.serviceId] !== undefined);
}
