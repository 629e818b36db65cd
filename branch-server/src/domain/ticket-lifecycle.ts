import type {
  Counter,
  Lang,
  PriorityReason,
  QueueSettings,
  Service,
  Ticket,
  TicketState,
} from '@skr/protocol';
import { conflict } from './domain-error';
import { formatTicketNumber } from './numbering';
import { localDay } from '@skr/protocol/time-zone';
import { addMinutes, minutesBetween } from './time';

/** What a new ticket needs; `sequence` is the next number of its service for the day. */
interface NewTicket {
  id: string;
  service: Service;
  sequence: number;
  now: Date;
  lang: Lang;
  priority?: PriorityReason | null;
  booking?: { code: string; bookedFor: string } | null;
}

/** The fields of a ticket nobody has called yet (a new ticket, or a dry run's stand-in). */
export const NOT_CALLED_YET = {
  targetCounterId: null,
  counterId: null,
  calledAt: null,
  startedAt: null,
  finishedAt: null,
  recalls: 0,
  transfers: 0,
} as const satisfies Partial<Ticket>;

/**
 * A fresh waiting ticket. A booked visit enters the line at its booked time when the client
 * arrives no later than the late-arrival window; later than that it joins as a walk-in.
 */
export function issueTicket(t: NewTicket, settings: QueueSettings): Ticket {
  const issuedAt = t.now.toISOString();
  let lineAt = issuedAt;
  if (t.booking) {
    const late = minutesBetween(t.booking.bookedFor, t.now);
    if (late > settings.lateArrivalMinutes) lineAt = issuedAt;
    else lineAt = new Date(t.booking.bookedFor).toISOString();
    if (-late > settings.earlyArrivalMinutes) {
      throw conflict('check-in opens earlier than allowed before the booked time', {
        bookedFor: t.booking.bookedFor,
        opensAt: addMinutes(t.booking.bookedFor, -settings.earlyArrivalMinutes),
      });
    }
  }
  return {
    id: t.id,
    number: formatTicketNumber(t.service.prefix, t.sequence),
    serviceId: t.service.id,
    day: localDay(t.now, settings.timeZone),
    state: 'waiting',
    priority: t.priority ?? null,
    bookingCode: t.booking?.code ?? null,
    bookedFor: t.booking ? new Date(t.booking.bookedFor).toISOString() : null,
    lang: t.lang,
    issuedAt,
    lineAt,
    ...NOT_CALLED_YET,
  };
}

function expect(ticket: Ticket, allowed: TicketState[], action: string): void {
  if (!allowed.includes(ticket.state)) {
    throw conflict(`cannot ${action} ticket ${ticket.number}: it is ${ticket.state}`, {
      ticket: ticket.number,
      state: ticket.state,
    });
  }
}

function expectCounter(ticket: Ticket, counterId: number | undefined, action: string): void {
  if (counterId !== undefined && ticket.counterId !== counterId) {
    throw conflict(`cannot ${action} ticket ${ticket.number}: it is at another counter`, {
      ticket: ticket.number,
      counterId: ticket.counterId,
    });
  }
}

/** The counter calls a waiting ticket. */
export function callTicket(ticket: Ticket, counter: Counter, now: Date): Ticket {
  expect(ticket, ['waiting'], 'call');
  if (counter.state !== 'open') throw conflict(`counter ${counter.id} is not open`);
  return {
    ...ticket,
    state: 'called',
    counterId: counter.id,
    calledAt: now.toISOString(),
    recalls: 0,
  };
}

/**
 * Calls the client again. Past the recall limit the ticket becomes a no-show instead, so a
 * counter never waits forever for someone who left.
 */
export function recallTicket(
  ticket: Ticket,
  now: Date,
  settings: QueueSettings,
  counterId?: number,
): Ticket {
  expect(ticket, ['called'], 'recall');
  expectCounter(ticket, counterId, 'recall');
  if (ticket.recalls >= settings.maxRecalls) return markNoShow(ticket, now, counterId);
  return { ...ticket, recalls: ticket.recalls + 1, calledAt: now.toISOString() };
}

/** The client reached the counter; service starts. */
export function startService(ticket: Ticket, now: Date, counterId?: number): Ticket {
  expect(ticket, ['called'], 'start');
  expectCounter(ticket, counterId, 'start');
  return { ...ticket, state: 'serving', startedAt: now.toISOString() };
}

/** Service is over (a called ticket may be finished directly: quick serve at reception). */
export function finishService(ticket: Ticket, now: Date, counterId?: number): Ticket {
  expect(ticket, ['called', 'serving'], 'finish');
  expectCounter(ticket, counterId, 'finish');
  const at = now.toISOString();
  return { ...ticket, state: 'done', startedAt: ticket.startedAt ?? at, finishedAt: at };
}

/** The client did not come to the counter. */
export function markNoShow(ticket: Ticket, now: Date, counterId?: number): Ticket {
  expect(ticket, ['called'], 'mark as no-show');
  expectCounter(ticket, counterId, 'mark as no-show');
  return { ...ticket, state: 'no-show', finishedAt: now.toISOString() };
}

/** "Returns with papers": out of the line until the client comes back. */
export function parkTicket(ticket: Ticket, counterId?: number): Ticket {
  expect(ticket, ['called', 'serving'], 'park');
  expectCounter(ticket, counterId, 'park');
  return { ...ticket, state: 'parked' };
}

/**
 * A parked client is back: the ticket waits at the front of its line, for the counter that
 * parked it (any counter with the skill may take it if that one is not open).
 */
export function returnParked(ticket: Ticket, frontLineAt: string): Ticket {
  expect(ticket, ['parked'], 'return');
  return {
    ...ticket,
    state: 'waiting',
    lineAt: frontLineAt,
    targetCounterId: ticket.counterId,
    counterId: null,
    calledAt: null,
    recalls: 0,
  };
}

/** Where a transferred ticket goes. */
export interface TransferTarget {
  serviceId?: string;
  counterId?: number;
  lineAt: string;
}

/** Sends the client to another service or counter, at the front or the end of that line. */
export function transferTicket(ticket: Ticket, target: TransferTarget, counterId?: number): Ticket {
  expect(ticket, ['called', 'serving'], 'transfer');
  expectCounter(ticket, counterId, 'transfer');
  return {
    ...ticket,
    state: 'waiting',
    serviceId: target.serviceId ?? ticket.serviceId,
    targetCounterId: target.counterId ?? null,
    lineAt: target.lineAt,
    counterId: null,
    calledAt: null,
    startedAt: null,
    recalls: 0,
    transfers: ticket.transfers + 1,
  };
}

/** The client gave up (or a booking was cancelled) before being called. */
export function cancelTicket(ticket: Ticket, now: Date): Ticket {
  expect(ticket, ['waiting', 'parked'], 'cancel');
  return { ...ticket, state: 'cancelled', finishedAt: now.toISOString() };
}
