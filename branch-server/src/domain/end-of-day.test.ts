import type { OpeningHours } from '@skr/protocol/manager';
import { describe, expect, it } from 'vitest';
import { closeIsDue, closingTime } from './branch-close';
import { decideEndOfDay, END_OF_DAY_ACTOR, missedClose } from './end-of-day';
import { counter, queueState, service, ticket } from './test-fixtures';

const A = service('emerytury', 'A', 15);
const T = new Date('2026-12-01T10:00:00Z');

describe('decideEndOfDay', () => {
  it('closes counters, signs clerks out and resolves every leftover with an outcome', () => {
    const waiting = ticket(A, T);
    const booked = ticket(A, T, { bookingCode: 'BK1', bookedFor: T.toISOString() });
    const called = ticket(A, T, { state: 'called', counterId: 1 });
    const serving = ticket(A, T, { state: 'serving', counterId: 2, startedAt: T.toISOString() });
    const parked = ticket(A, T, { state: 'parked', counterId: 2 });
    const s = queueState({
      services: [A],
      counters: [
        { ...counter(1, { [A.id]: 1 }), clerk: 'jan' },
        { ...counter(2, { [A.id]: 1 }), state: 'paused', clerk: 'ewa', pauseReason: 'x' },
        { ...counter(3, { [A.id]: 1 }), state: 'closed' },
      ],
      tickets: [waiting, booked, called, serving, parked],
    });
    const now = new Date('2026-12-01T17:00:00Z');
    const d = decideEndOfDay(s, now);
    const outcome = Object.fromEntries(
      d.events.filter((e) => e.ticket).map((e) => [e.ticket!.id, e.ticket!.state]),
    );
    expect(outcome).toEqual({
      [waiting.id]: 'expired',
      [booked.id]: 'expired',
      [called.id]: 'expired',
      [serving.id]: 'done',
      [parked.id]: 'expired',
    });
    expect(d.events.filter((e) => e.ticket?.state === 'expired').map((e) => e.type)).toEqual([
      'ticket.expired',
      'ticket.expired',
      'ticket.expired',
      'ticket.expired',
    ]);
    expect(d.bookedLeftovers).toEqual(['BK1']);
    const closed = d.events.filter((e) => e.type === 'counter.closed').map((e) => e.counter!);
    expect(closed.map((c) => [c.id, c.state, c.clerk])).toEqual([
      [1, 'closed', null],
      [2, 'closed', null],
    ]);
    expect(d.events.every((e) => e.actor === END_OF_DAY_ACTOR && e.at === now.toISOString())).toBe(
      true,
    );
    expect([d.closedCounters, d.resolvedTickets]).toEqual([2, 5]);
    // Rows carry the expected prior state, so a concurrent change is caught, not overwritten.
    expect(d.rows.filter((r) => r.row === 'ticket').map((r) => r.expected)).toEqual([
      'waiting',
      'waiting',
      'called',
      'serving',
      'parked',
    ]);
  });

  it('records booked visits that never checked in as no-shows', () => {
    const s = queueState({ services: [A], counters: [{ ...counter(1, {}), state: 'closed' }] });
    const d = decideEndOfDay(s, T, END_OF_DAY_ACTOR, ['BK7', 'BK9']);
    expect(d.events.map((e) => [e.type, e.booking?.code])).toEqual([
      ['booking.no-show', 'BK7'],
      ['booking.no-show', 'BK9'],
    ]);
    expect(d.missedBookings).toEqual(['BK7', 'BK9']);
    expect(d.rows).toEqual([]);
  });

  it('decides nothing for a day already ended', () => {
    const s = queueState({ services: [A], counters: [{ ...counter(1, {}), state: 'closed' }] });
    expect(decideEndOfDay(s, T).events).toEqual([]);
  });

  it('sees a missed close by leftovers of an earlier day', () => {
    const s = queueState({ services: [A], tickets: [ticket(A, T)] });
    expect(missedClose(s, '2026-12-01')).toBe(false);
    expect(missedClose(s, '2026-12-02')).toBe(true);
  });
});

describe('scheduled close', () => {
  const hours = new Map<string, OpeningHours>([
    ['a', { days: [1, 2, 3, 4, 5], from: '08:00', to: '16:00' }],
    ['b', { days: [2], from: '08:00', to: '18:00' }],
  ]);
  const zone = 'Europe/Warsaw';
  it('is the latest closing time of the services open that weekday, in branch time', () => {
    // 2026-12-01 is a Tuesday; Warsaw is UTC+1 in December.
    expect(closingTime(hours, T, zone)).toBe('18:00');
    expect(closingTime(hours, new Date('2026-12-02T10:00:00Z'), zone)).toBe('16:00');
    expect(closingTime(hours, new Date('2026-12-05T10:00:00Z'), zone)).toBeUndefined();
  });
  it('is due from the closing minute, once per day', () => {
    expect(closeIsDue(hours, new Date('2026-12-01T16:59:00Z'), zone, undefined)).toBe(false);
    expect(closeIsDue(hours, new Date('2026-12-01T17:00:00Z'), zone, undefined)).toBe(true);
    expect(closeIsDue(hours, new Date('2026-12-01T17:00:00Z'), zone, '2026-12-01')).toBe(false);
  });
});
