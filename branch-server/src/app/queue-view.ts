import type {
  BranchEvent,
  Counter,
  LineSummary,
  Principal,
  QueueSnapshot,
  Ticket,
} from '@skr/protocol';
import { counterSign } from '@skr/protocol';
import { zoneOffsetMinutes } from '@skr/protocol/time-zone';
import { addMinutes, estimateWait, waitedMinutes, type QueueState } from '../domain';
import type { BookingRepo } from '../store';

/** Per-service lines: how many wait, the longest wait, the estimate, bookings due soon. */
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
  const atCounter = t.state === 'called' || t.state === 'serving';
  return {
    number: t.number,
    serviceId: t.serviceId,
    state: t.state,
    peopleAhead: t.state === 'waiting' ? ahead : 0,
    counterName: atCounter ? (counter?.name ?? null) : null,
    // The same sign the voice, the LED boards and the screens give (issue 12).
    counterSign: atCounter && counter ? counterSign(counter) : null,
    // A phone is in any zone with any clock: its "updated at" is the branch's (issue 12).
    branchTime: {
      now: nowIso,
      timeZone: state.settings.timeZone,
      offsetMinutes: zoneOffsetMinutes(now, state.settings.timeZone),
    },
  };
}

/** Roles that stand in the waiting room: they see the queue, never who is in it or serves it. */
const publicRoles: readonly Principal[] = ['display', 'kiosk', 'board'];

/** True when `principal` gets the waiting-room view (no booking codes, clerks or health data). */
export function isPublicRole(principal: Principal): boolean {
  return publicRoles.includes(principal);
}

/**
 * A ticket as a waiting room may see it. The booking code is a credential (it checks a visit
 * in), the booked time ties a number to a person's booking, and a priority reason is health
 * data (pregnancy, disability): the line counts priority tickets without saying why.
 */
function publicTicket(t: Ticket): Ticket {
  return { ...t, bookingCode: null, bookedFor: null, priority: null };
}

/** A counter as a waiting room may see it: no clerk's user name, no reason for a break. */
export function publicCounter<C extends Counter>(c: C): C {
  return { ...c, clerk: null, pauseReason: null };
}

/** A snapshot with every ticket and counter in their public form. */
export function publicSnapshot(s: QueueSnapshot): QueueSnapshot {
  return {
    ...s,
    counters: s.counters.map((c) => ({
      ...publicCounter(c),
      ticket: c.ticket ? publicTicket(c.ticket) : null,
    })),
    recentCalls: s.recentCalls.map(publicTicket),
    parked: s.parked.map(publicTicket),
  };
}

/** An event in its public form: no actor (a clerk's user name or a device id). */
export function publicEvent(e: BranchEvent): BranchEvent {
  return {
    ...e,
    actor: null,
    ...(e.ticket ? { ticket: publicTicket(e.ticket) } : {}),
    ...(e.counter ? { counter: publicCounter(e.counter) } : {}),
    ...(e.device ? { device: { ...e.device, message: undefined } } : {}),
    booking: undefined,
  };
}

/**
 * True when ticket `number` was called to counter `counterId` today and is still at it or
 * among the recent calls: the only announcements worth rendering (a made-up id renders nothing).
 */
export function callExists(state: QueueState, number: string, counterId: number): boolean {
  const n = number.toUpperCase();
  const match = (t: Ticket) => t.number.toUpperCase() === n && t.counterId === counterId;
  return state.recentCalls.some(match) || [...state.active.values()].some(match);
}
