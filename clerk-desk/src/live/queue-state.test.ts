import type { Counter, Ticket } from '@skr/protocol/domain';
import type { QueueSnapshot } from '@skr/protocol/http';
import type { BranchEvent } from '@skr/protocol/socket';
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  applyTicket,
  counterOf,
  linesFor,
  parkedAt,
  transferCounters,
} from './queue-state';
import {
  counter as openCounter,
  service,
  ticket as newTicket,
} from '../../../branch-server/src/domain/test-fixtures';

// The server's open counter for tests, held here by its clerk.
const counter = (id: number, skills: Record<string, number>): Counter => ({
  ...openCounter(id, skills),
  clerk: `urzednik${id}`,
});
// The server's new waiting ticket for tests: always t1, A001 of pensions, unless `over` says.
const ticket = (over: Partial<Ticket>): Ticket =>
  newTicket(service('emerytury', 'A'), new Date('2025-03-03T08:00:00.000Z'), {
    id: 't1',
    number: 'A001',
    ...over,
  });
const line = (serviceId: string, waiting: number) => ({
  serviceId,
  waiting,
  priorityWaiting: 0,
  longestWaitMinutes: 0,
  estimatedWaitMinutes: 0,
  bookedDue: 0,
});
const snapshot = (): QueueSnapshot => ({
  seq: 10,
  at: '2025-03-03T08:00:00.000Z',
  lines: [line('emerytury', 3), line('zasilki', 1), line('orzecznictwo', 2)],
  counters: [
    { ...counter(1, { emerytury: 3, orzecznictwo: 1 }), ticket: null },
    { ...counter(2, { emerytury: 3, zasilki: 1 }), ticket: null },
    { ...counter(4, { zasilki: 3 }), ticket: null },
  ],
  recentCalls: [],
  parked: [],
});
const event = (seq: number, over: Partial<BranchEvent>): BranchEvent => ({
  seq,
  at: '2025-03-03T08:01:00.000Z',
  type: 'ticket.called',
  actor: 'user:urzednik1',
  ...over,
});

describe('queue state', () => {
  it('puts a called ticket in its counter’s hand and advances seq', () => {
    const t = ticket({ state: 'called', counterId: 1 });
    const s = applyEvent(snapshot(), event(11, { ticket: t }));
    expect(counterOf(s, 1)?.ticket).toEqual(t);
    expect(counterOf(s, 2)?.ticket).toBeNull();
    expect(s.seq).toBe(11);
  });

  it('takes a ticket out of the hand when it is finished, transferred or no-show', () => {
    for (const state of ['done', 'no-show', 'waiting', 'cancelled'] as const) {
      let s = applyTicket(snapshot(), ticket({ state: 'serving', counterId: 1 }));
      s = applyTicket(s, ticket({ state, counterId: state === 'waiting' ? null : 1 }));
      expect(counterOf(s, 1)?.ticket, state).toBeNull();
      expect(s.parked).toEqual([]);
    }
  });

  it('moves a parked ticket to the parked list and back out when returned', () => {
    let s = applyTicket(snapshot(), ticket({ state: 'called', counterId: 1 }));
    s = applyTicket(s, ticket({ state: 'parked', counterId: 1 }));
    expect(counterOf(s, 1)?.ticket).toBeNull();
    expect(parkedAt(s, 1).map((t) => t.id)).toEqual(['t1']);
    expect(parkedAt(s, 2)).toEqual([]);
    s = applyTicket(s, ticket({ state: 'waiting', targetCounterId: 1 }));
    expect(s.parked).toEqual([]);
  });

  it('applies a counter change and keeps its ticket in hand', () => {
    const t = ticket({ state: 'serving', counterId: 1 });
    let s = applyTicket(snapshot(), t);
    s = applyEvent(
      s,
      event(12, { type: 'counter.paused', counter: { ...counter(1, {}), state: 'paused' } }),
    );
    expect(counterOf(s, 1)).toMatchObject({ state: 'paused', ticket: t });
  });

  it('does not let an event step seq back', () => {
    const s = applyEvent(snapshot(), event(3, { type: 'booking.created' }));
    expect(s.seq).toBe(10);
  });

  it('lists the lines a counter serves, strongest skill first', () => {
    const s = snapshot();
    expect(linesFor(s, counterOf(s, 1)!).map((l) => l.serviceId)).toEqual([
      'emerytury',
      'orzecznictwo',
    ]);
    expect(linesFor(s, counterOf(s, 4)!).map((l) => l.serviceId)).toEqual(['zasilki']);
  });

  it('offers only other counters that serve the ticket’s service for a transfer', () => {
    const s = snapshot();
    const ids = (t: Ticket) => transferCounters(s, t, 1).map((c) => c.id);
    expect(ids(ticket({}))).toEqual([2]);
    expect(ids(ticket({ serviceId: 'zasilki' }))).toEqual([2, 4]);
    expect(ids(ticket({ serviceId: 'skladki' }))).toEqual([]);
  });

  it('finds no counter for a null id or a missing snapshot', () => {
    expect(counterOf(null, 1)).toBeUndefined();
    expect(counterOf(snapshot(), null)).toBeUndefined();
    expect(counterOf(snapshot(), 99)).toBeUndefined();
  });
});
