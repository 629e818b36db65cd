import { defaultQueueSettings } from '@skr/protocol';
import { describe, expect, it } from 'vitest';
import { formatTicketNumber, parseTicketNumber } from './numbering';
import { localDay } from '@skr/protocol/time-zone';
import {
  callTicket,
  cancelTicket,
  finishService,
  issueTicket,
  parkTicket,
  recallTicket,
  returnParked,
  startService,
  transferTicket,
} from './ticket-lifecycle';
import { counter, service } from './test-fixtures';

const A = service('emerytury', 'A');
const now = new Date('2026-11-20T09:00:00Z');
const later = (m: number) => new Date(now.getTime() + m * 60_000);
const s = defaultQueueSettings;

describe('numbering and days', () => {
  it('formats and parses numbers', () => {
    expect(formatTicketNumber('A', 1)).toBe('A001');
    expect(formatTicketNumber('B', 1234)).toBe('B1234');
    expect(parseTicketNumber('C042')).toEqual({ prefix: 'C', sequence: 42 });
    expect(parseTicketNumber('c42')).toBeUndefined();
    expect(() => formatTicketNumber('A', 0)).toThrow();
  });
  it('resets at midnight in Warsaw, not UTC', () => {
    expect(localDay(new Date('2026-11-20T22:59:59Z'), 'Europe/Warsaw')).toBe('2026-11-20');
    expect(localDay(new Date('2026-11-20T23:00:00Z'), 'Europe/Warsaw')).toBe('2026-11-21');
    // Summer time: UTC+2.
    expect(localDay(new Date('2026-07-01T22:00:00Z'), 'Europe/Warsaw')).toBe('2026-07-02');
  });
});

describe('ticket life cycle', () => {
  const fresh = () => issueTicket({ id: 'x', service: A, sequence: 7, now, lang: 'pl' }, s);

  it('goes waiting → called → serving → done', () => {
    const t = fresh();
    expect(t).toMatchObject({ number: 'A007', state: 'waiting', lineAt: now.toISOString() });
    const called = callTicket(t, counter(3, { [A.id]: 1 }), later(1));
    expect(called).toMatchObject({ state: 'called', counterId: 3 });
    const serving = startService(called, later(2), 3);
    const done = finishService(serving, later(9), 3);
    expect(done).toMatchObject({ state: 'done', finishedAt: later(9).toISOString() });
  });

  it('refuses wrong transitions and another counter', () => {
    const t = fresh();
    expect(() => startService(t, later(1))).toThrow(/waiting/);
    const called = callTicket(t, counter(3, { [A.id]: 1 }), later(1));
    expect(() => callTicket(called, counter(4, { [A.id]: 1 }), later(1))).toThrow(/called/);
    expect(() => finishService(called, later(2), 4)).toThrow(/another counter/);
    expect(() => callTicket(t, { ...counter(5, {}), state: 'paused' }, later(1))).toThrow(
      /not open/,
    );
  });

  it('turns into a no-show past the recall limit', () => {
    let t = callTicket(fresh(), counter(1, { [A.id]: 1 }), later(1));
    for (let i = 0; i < s.maxRecalls; i += 1) t = recallTicket(t, later(2 + i), s);
    expect(t).toMatchObject({ state: 'called', recalls: s.maxRecalls });
    expect(recallTicket(t, later(9), s).state).toBe('no-show');
  });

  it('parks and returns to the front for the same counter', () => {
    const called = callTicket(fresh(), counter(2, { [A.id]: 1 }), later(1));
    const parked = parkTicket(called, 2);
    const back = returnParked(parked, later(-30).toISOString());
    expect(back).toMatchObject({
      state: 'waiting',
      targetCounterId: 2,
      counterId: null,
      lineAt: later(-30).toISOString(),
    });
  });

  it('transfers to another service and keeps its number', () => {
    const called = callTicket(fresh(), counter(2, { [A.id]: 1 }), later(1));
    const moved = transferTicket(called, { serviceId: 'zasilki', lineAt: later(5).toISOString() });
    expect(moved).toMatchObject({
      state: 'waiting',
      serviceId: 'zasilki',
      number: 'A007',
      transfers: 1,
    });
  });

  it('places a booked visit at its booked time within the late window, else at arrival', () => {
    const booking = { code: 'ABC123', bookedFor: later(10).toISOString() };
    let sequence = 0;
    /** The booked client arrives `m` minutes after `now`. */
    const arrive = (m: number) =>
      issueTicket(
        { id: `t${++sequence}`, service: A, sequence, now: later(m), lang: 'pl', booking },
        s,
      );
    expect(arrive(0).lineAt).toBe(booking.bookedFor);
    expect(arrive(10 + s.lateArrivalMinutes).lineAt).toBe(booking.bookedFor);
    expect(arrive(11 + s.lateArrivalMinutes).lineAt).toBe(
      later(11 + s.lateArrivalMinutes).toISOString(),
    );
    expect(() => arrive(-s.earlyArrivalMinutes - 1)).toThrow(/earlier/);
  });

  it('cancels only what is not yet called', () => {
    expect(cancelTicket(fresh(), later(1)).state).toBe('cancelled');
    const called = callTicket(fresh(), counter(1, { [A.id]: 1 }), later(1));
    expect(() => cancelTicket(called, later(2))).toThrow();
  });
});
