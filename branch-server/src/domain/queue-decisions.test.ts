import { SkrError, type Ticket } from '@skr/protocol';
import { describe, expect, it } from 'vitest';
import { cardBooking, decideAddBooking } from './booking-decision';
import { decideCallNext } from './call-decision';
import { defaultPolicy } from './calling-policy';
import { decideCounter } from './counter-decision';
import { decideDeviceStatus } from './device-decision';
import { decideIssue, type IssueCommand } from './issue-decision';
import type { Booking, Decision } from './records';
import { counter, queueState, service, ticket } from './test-fixtures';
import { decideTicketAction } from './ticket-action-decision';

const now = new Date('2026-11-30T09:00:00Z'); // 10:00 in Warsaw, a Monday
const A = service('a', 'A');
const B = { ...service('b', 'B'), active: false };

/** The refusal's code, or fails the test when the decision was not refused. */
function refusal(d: unknown): string {
  expect(d).toBeInstanceOf(SkrError);
  return (d as SkrError).code;
}
function decided<D extends Decision>(d: D | SkrError): D {
  if (d instanceof SkrError) throw new Error(`refused: ${d.message}`);
  return d;
}

describe('decideIssue', () => {
  const cmd = (extra: Partial<IssueCommand> = {}): IssueCommand => ({
    id: 'n1',
    serviceId: 'a',
    lang: 'pl',
    priority: null,
    actor: 'kiosk',
    nextSequence: () => 7,
    ...extra,
  });
  const booking = (extra: Partial<Booking> = {}): Booking => ({
    code: 'XYZ',
    serviceId: 'a',
    bookedFor: '2026-11-30T09:10:00Z',
    status: 'booked',
    ticketId: null,
    updatedAt: '2026-11-29T12:00:00Z',
    ...extra,
  });
  const state = queueState({
    services: [A, B],
    hours: { a: { days: [1, 2, 3, 4, 5], from: '08:00', to: '16:00' } },
  });

  it('issues a walk-in ticket with the next number of its prefix', () => {
    const d = decided(decideIssue(state, cmd(), now));
    expect(d.created).toMatchObject({ id: 'n1', number: 'A007', state: 'waiting' });
    expect(d.events).toEqual([
      { at: now.toISOString(), type: 'ticket.issued', ticket: d.created, actor: 'kiosk' },
    ]);
    expect(d.rows).toEqual([{ row: 'ticket', ticket: d.created, expected: null }]);
  });

  it('checks a booking in: the ticket enters the line at the booked time, the booking is marked', () => {
    const d = decided(
      decideIssue(
        state,
        cmd({ serviceId: undefined, bookingCode: 'XYZ', booking: booking() }),
        now,
      ),
    );
    expect(d.created).toMatchObject({ bookingCode: 'XYZ', lineAt: '2026-11-30T09:10:00.000Z' });
    expect(d.rows[1]).toMatchObject({
      row: 'booking',
      booking: { status: 'checked-in', ticketId: 'n1' },
    });
  });

  it('answers a second check-in with the ticket already issued, changing nothing', () => {
    const d = decided(
      decideIssue(
        state,
        cmd({ bookingCode: 'XYZ', booking: booking({ status: 'checked-in', ticketId: 't9' }) }),
        now,
      ),
    );
    expect(d).toMatchObject({ events: [], rows: [], reprintOf: 't9' });
  });

  it('refuses an unknown code, a cancelled booking and a too early check-in', () => {
    expect(refusal(decideIssue(state, cmd({ bookingCode: 'NOPE' }), now))).toBe('NOT_FOUND');
    expect(
      refusal(
        decideIssue(
          state,
          cmd({ bookingCode: 'XYZ', booking: booking({ status: 'cancelled' }) }),
          now,
        ),
      ),
    ).toBe('CONFLICT');
    const early = booking({ bookedFor: '2026-11-30T13:00:00Z' });
    expect(refusal(decideIssue(state, cmd({ bookingCode: 'XYZ', booking: early }), now))).toBe(
      'CONFLICT',
    );
  });

  it('refuses an unknown or inactive service', () => {
    expect(refusal(decideIssue(state, cmd({ serviceId: 'zz' }), now))).toBe('NOT_FOUND');
    expect(refusal(decideIssue(state, cmd({ serviceId: 'b' }), now))).toBe('NOT_FOUND');
  });

  it('refuses walk-ins outside the opening hours, but not booked visits', () => {
    const evening = new Date('2026-11-30T16:30:00Z');
    const d = decideIssue(state, cmd(), evening);
    expect(refusal(d)).toBe('CONFLICT');
    expect((d as SkrError).details).toMatchObject({ reason: 'closed', from: '08:00', to: '16:00' });
    const late = booking({ bookedFor: '2026-11-30T16:35:00Z' });
    expect(
      decided(decideIssue(state, cmd({ bookingCode: 'XYZ', booking: late }), evening)).created,
    ).toBeDefined();
  });
});

describe('decideCallNext', () => {
  const waiting = ticket(A, new Date('2026-11-30T08:30:00Z'));
  it('refuses an unknown counter, a closed one, and one whose ticket is still called', () => {
    const s = queueState({
      services: [A],
      counters: [counter(1, { a: 1 }), { ...counter(2, { a: 1 }), state: 'closed' }],
    });
    expect(refusal(decideCallNext(s, { counterId: 9, actor: null }, now, defaultPolicy))).toBe(
      'NOT_FOUND',
    );
    expect(refusal(decideCallNext(s, { counterId: 2, actor: null }, now, defaultPolicy))).toBe(
      'CONFLICT',
    );
    const called: Ticket = { ...waiting, id: 'c', state: 'called', counterId: 1 };
    const busy = queueState({ services: [A], counters: [counter(1, { a: 1 })], tickets: [called] });
    expect(refusal(decideCallNext(busy, { counterId: 1, actor: null }, now, defaultPolicy))).toBe(
      'CONFLICT',
    );
  });

  it('changes nothing when nobody waits and nothing is in hand', () => {
    const s = queueState({ services: [A], counters: [counter(1, { a: 1 })] });
    expect(decided(decideCallNext(s, { counterId: 1, actor: null }, now, defaultPolicy))).toEqual({
      events: [],
      rows: [],
    });
  });

  it('finishes the ticket being served, then calls the next one', () => {
    const serving: Ticket = {
      ...waiting,
      id: 's',
      state: 'serving',
      counterId: 1,
      startedAt: '2026-11-30T08:50:00Z',
    };
    const s = queueState({
      services: [A],
      counters: [counter(1, { a: 1 })],
      tickets: [serving, waiting],
    });
    const d = decided(decideCallNext(s, { counterId: 1, actor: 'u' }, now, defaultPolicy));
    expect(d.events.map((e) => [e.type, e.ticket?.id, e.ticket?.state])).toEqual([
      ['ticket.finished', 's', 'done'],
      ['ticket.called', waiting.id, 'called'],
    ]);
    expect(d.rows.map((r) => r.row === 'ticket' && r.expected)).toEqual(['serving', 'waiting']);
    expect(d.calledId).toBe(waiting.id);
  });
});

describe('decideTicketAction', () => {
  const c1 = { ...counter(1, { a: 1 }), clerk: 'anna' };
  const c2 = { ...counter(2, {}), clerk: 'jan' };
  const called: Ticket = {
    ...ticket(A, new Date('2026-11-30T08:00:00Z')),
    state: 'called',
    counterId: 1,
    calledAt: '2026-11-30T08:59:00Z',
  };
  const s = queueState({
    services: [A],
    counters: [c1, c2],
    tickets: [called],
    settings: { maxRecalls: 1 },
  });

  it('refuses a clerk acting on a ticket at another clerk counter, except return and cancel', () => {
    const d = decideTicketAction(
      s,
      { ticket: called, action: 'start', clerk: 'jan', actor: 'u' },
      now,
    );
    expect(refusal(d)).toBe('FORBIDDEN');
    const parked: Ticket = { ...called, state: 'parked' };
    expect(
      decided(
        decideTicketAction(s, { ticket: parked, action: 'return', clerk: 'jan', actor: 'u' }, now),
      ).ticket.state,
    ).toBe('waiting');
  });

  it('returns a parked client to the front for the counter that parked them, before older tickets of its other services', () => {
    const F = service('f', 'F', 20);
    const c = { ...counter(1, { a: 1, f: 1 }), clerk: 'anna' };
    const olderF = ticket(F, new Date('2026-11-30T08:10:00Z'));
    const nextA = ticket(A, new Date('2026-11-30T08:20:00Z'));
    const parked: Ticket = { ...called, state: 'parked', lineAt: '2026-11-30T08:30:00Z' };
    const st = queueState({ services: [A, F], counters: [c], tickets: [olderF, nextA, parked] });
    const back = decided(
      decideTicketAction(st, { ticket: parked, action: 'return', clerk: 'anna', actor: 'u' }, now),
    ).ticket;
    expect(back).toMatchObject({ state: 'waiting', targetCounterId: 1 });
    expect(back.lineAt < olderF.lineAt).toBe(true);
    const after = queueState({ services: [A, F], counters: [c], tickets: [olderF, nextA, back] });
    const d = decided(decideCallNext(after, { counterId: 1, actor: 'u' }, now, defaultPolicy));
    expect(d.calledId).toBe(parked.id);
  });

  it('emits the action event and writes the ticket guarded by its state before', () => {
    const d = decided(
      decideTicketAction(s, { ticket: called, action: 'start', clerk: 'anna', actor: 'u' }, now),
    );
    expect(d.events[0]).toMatchObject({
      type: 'ticket.started',
      ticket: { state: 'serving' },
      actor: 'u',
    });
    expect(d.rows).toEqual([{ row: 'ticket', ticket: d.ticket, expected: 'called' }]);
  });

  it('turns a recall past the limit into a no-show', () => {
    const d = decided(
      decideTicketAction(
        s,
        { ticket: { ...called, recalls: 1 }, action: 'recall', actor: null },
        now,
      ),
    );
    expect(d.events[0]!.type).toBe('ticket.no-show');
  });

  it('refuses what the lifecycle refuses, a transfer without target and one to a counter without the skill', () => {
    expect(
      refusal(decideTicketAction(s, { ticket: called, action: 'cancel', actor: null }, now)),
    ).toBe('CONFLICT');
    expect(
      refusal(decideTicketAction(s, { ticket: called, action: 'transfer', actor: null }, now)),
    ).toBe('INVALID');
    const toJan = { counterId: 2, position: 'end' as const };
    expect(
      refusal(
        decideTicketAction(
          s,
          { ticket: called, action: 'transfer', transfer: toJan, actor: null },
          now,
        ),
      ),
    ).toBe('CONFLICT');
    const toNowhere = { serviceId: 'zz', position: 'end' as const };
    expect(
      refusal(
        decideTicketAction(
          s,
          { ticket: called, action: 'transfer', transfer: toNowhere, actor: null },
          now,
        ),
      ),
    ).toBe('NOT_FOUND');
  });
});

describe('decideCounter', () => {
  const inHand: Ticket = { ...ticket(A, now), state: 'serving', counterId: 1 };
  it('refuses an unknown counter and closing or pausing with a ticket in hand', () => {
    const s = queueState({ counters: [counter(1, {})], tickets: [inHand] });
    expect(refusal(decideCounter(s, { counterId: 5, change: 'close', actor: null }, now))).toBe(
      'NOT_FOUND',
    );
    expect(refusal(decideCounter(s, { counterId: 1, change: 'close', actor: null }, now))).toBe(
      'CONFLICT',
    );
    expect(
      refusal(decideCounter(s, { counterId: 1, change: 'pause', reason: 'x', actor: null }, now)),
    ).toBe('CONFLICT');
  });
  it('opens for a clerk and pauses with a reason', () => {
    const s = queueState({ counters: [{ ...counter(1, {}), state: 'closed' }] });
    const open = decided(
      decideCounter(s, { counterId: 1, change: 'open', clerk: 'anna', actor: 'u' }, now),
    );
    expect(open.events[0]).toMatchObject({
      type: 'counter.opened',
      counter: { state: 'open', clerk: 'anna' },
    });
    expect(open.rows).toEqual([{ row: 'counter', counter: open.counter }]);
    const paused = decided(
      decideCounter(s, { counterId: 1, change: 'pause', reason: 'kawa', actor: 'u' }, now),
    );
    expect(paused.counter).toMatchObject({ state: 'paused', pauseReason: 'kawa' });
    expect(paused.events[0]!.type).toBe('counter.paused');
  });
});

describe('bookings and devices', () => {
  const s = queueState({ services: [A] });
  it('caches a booking for an active service unless it is checked in already', () => {
    const cmd = {
      code: 'Q1',
      serviceId: 'a',
      bookedFor: '2026-12-01T10:00:00+01:00',
      existing: undefined,
      actor: 'm',
    };
    const d = decided(decideAddBooking(s, cmd, now));
    expect(d.events).toEqual([{ at: now.toISOString(), type: 'booking.created', actor: 'm' }]);
    expect(d.rows[0]).toMatchObject({
      row: 'booking',
      booking: { bookedFor: '2026-12-01T09:00:00.000Z', status: 'booked' },
    });
    expect(refusal(decideAddBooking(s, { ...cmd, serviceId: 'zz' }, now))).toBe('NOT_FOUND');
    const existing = {
      ...(d.rows[0] as { booking: Booking }).booking,
      status: 'checked-in' as const,
    };
    expect(refusal(decideAddBooking(s, { ...cmd, existing }, now))).toBe('CONFLICT');
  });

  it('finds a card holder booking of today, skipping one whose ticket is closed', () => {
    const b = (code: string, extra: Partial<Booking> = {}): Booking => ({
      code,
      serviceId: 'a',
      bookedFor: '2026-11-30T09:05:00Z',
      status: 'booked',
      ticketId: null,
      updatedAt: '',
      ...extra,
    });
    const done = b('DONE', { status: 'checked-in', ticketId: 'gone' });
    expect(cardBooking([done, b('NEXT')], now, s.settings, () => false)).toMatchObject({
      code: 'NEXT',
    });
    expect(cardBooking([done], now, s.settings, (id) => id === 'gone')).toMatchObject({
      code: 'DONE',
    });
    const none = cardBooking(
      [done, b('TOMORROW', { bookedFor: '2026-12-01T09:05:00Z' })],
      now,
      s.settings,
      () => false,
    );
    expect(refusal(none)).toBe('NOT_FOUND');
    expect((none as SkrError).details).toBeUndefined();
  });

  it('records a device report only when it differs from the last one', () => {
    const device = { id: 'k1', name: 'Kiosk', kind: 'kiosk' };
    const report = { component: 'printer' as const, ok: false, code: 'PAPER_OUT' };
    const first = decideDeviceStatus(
      { device, report, previous: undefined, actor: 'device:k1' },
      now,
    );
    expect(first.events[0]).toMatchObject({
      type: 'device.status',
      device: { deviceId: 'k1', ok: false, at: now.toISOString() },
    });
    const previous = first.events[0]!.device;
    expect(
      decideDeviceStatus({ device, report, previous, actor: 'device:k1' }, now).events,
    ).toEqual([]);
    expect(
      decideDeviceStatus(
        { device, report: { component: 'printer', ok: true }, previous, actor: 'x' },
        now,
      ).events,
    ).toHaveLength(1);
  });
});
