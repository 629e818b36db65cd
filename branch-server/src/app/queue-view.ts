import type { LineSummary, QueueSnapshot, Ticket } from '@skr/protocol';
import { addMinutes, estimateWait, waitedMinutes, type QueueState } from '../domain';
import type { BookingRepo } from '../store';

/** Per-matter lines: how many wait, the longest wait, the estimate, bookings due soon. */
export function lineSummaries(state: QueueState, now: Date, bookings: BookingRepo): LineSummary[] {
  const nowIso = now.toISOString();
  const due = bookings.dueBetween(
    addMinutes(now, -state.settings.lateArrivalMinutes),
    addMinutes(now, 60),
  );
  return [...state.services.values()]
    .filter((s) => s.active)
    .map((s) => {
      const waiting = state.waitingIn(s.id);
      const line = waiting.filter((t) => t.lineAt <= nowIso);
      const est = estimateWait({
        serviceId: s.id,
        priority: false,
        now,
        waiting,
        counters: [...state.counters.values()],
        recentServiceMinutes: state.durations.get(s.id) ?? [],
      });
      return {
        serviceId: s.id,
        waiting: line.length,
        priorityWaiting: line.filter((t) => t.priority !== null).length,
        longestWaitMinutes:
          Math.round(Math.max(0, ...line.map((t) => waitedMinutes(t, now))) * 10) / 10,
        estimatedWaitMinutes: est.estimatedWaitMinutes,
        bookedDue: due.get(s.id) ?? 0,
      };
    });
}

/** Everything a screen or desk needs to draw the queue from scratch. */
export function queueSnapshot(
  state: QueueState,
  seq: number,
  now: Date,
  bookings: BookingRepo,
): QueueSnapshot {
  return {
    seq,
    at: now.toISOString(),
    lines: lineSummaries(state, now, bookings),
    counters: [...state.counters.values()].map((c) => ({
      ...c,
      ticket: state.inHand(c.id) ?? null,
    })),
    recentCalls: [...state.recentCalls],
    parked: [...state.active.values()].filter((t) => t.state === 'parked'),
  };
}

/** What the public follow-the-line page may show: no personal data. */
export function publicTicketStatus(state: QueueState, t: Ticket, now: Date) {
  const nowIso = now.toISOString();
  const ahead = state
    .waitingIn(t.serviceId)
    .filter((x) => x.id !== t.id && x.lineAt < t.lineAt && x.lineAt <= nowIso).length;
  const counter = t.counterId !== null ? state.counters.get(t.counterId) : undefined;
  return {
    number: t.number,
    serviceId: t.serviceId,
    state: t.state,
    peopleAhead: t.state === 'waiting' ? ahead : 0,
    counterName: t.state === 'called' || t.state === 'serving' ? (counter?.name ?? null) : null,
  };
}
