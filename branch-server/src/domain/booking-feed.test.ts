import type { PueBooking } from '@skr/protocol';
import { describe, expect, it } from 'vitest';
import {
  decideBookingPage,
  decideBookingPrune,
  mergeBooking,
  type CachedBooking,
} from './booking-feed';

const now = new Date('2025-03-10T08:00:00.000Z');
const zone = 'Europe/Warsaw';
const item = (over: Partial<PueBooking> = {}): PueBooking => ({
  id: 'bkg_1',
  code: 'ABCDEF',
  branchId: 'o-101',
  serviceId: 'zasilki',
  date: '2025-03-10',
  time: '10:00',
  startsAt: '2025-03-10T09:00:00.000Z',
  status: 'booked',
  version: 1,
  updatedAt: '2025-03-09T10:00:00.000Z',
  pesel: null,
  ...over,
});
const page = (...items: PueBooking[]) => ({
  items: items.map((booking) => ({ booking, peselHash: booking.pesel && `h(${booking.pesel})` })),
  cursor: '42',
});
const row = (over: Partial<CachedBooking> = {}): CachedBooking => ({
  code: 'ABCDEF',
  serviceId: 'zasilki',
  bookedFor: '2025-03-10T09:00:00.000Z',
  status: 'booked',
  ticketId: null,
  portalVersion: 1,
  ...over,
});
const cached = (over: Partial<CachedBooking> = {}) => new Map([['ABCDEF', row(over)]]);
const types = (d: { events: { type: string }[] }) => d.events.map((e) => e.type);

describe('decideBookingPage', () => {
  it('writes the cache row, the portal visit and the cursor; a new visit is booking.created', () => {
    const d = decideBookingPage(new Map(), page(item({ pesel: '44051401359' })), now, zone);
    expect(d.changed).toBe(1);
    expect(types(d)).toEqual(['booking.created']);
    expect(d.events[0]).toMatchObject({
      booking: { code: 'ABCDEF', serviceId: 'zasilki', start: '2025-03-10T09:00:00.000Z' },
      actor: 'system:portal-feed',
    });
    expect(d.rows.map((r) => r.row)).toEqual([
      'portal-booking',
      'calendar-visit',
      'booking-cursor',
    ]);
    expect(d.rows[0]).toMatchObject({ booking: { peselHash: 'h(44051401359)', portalVersion: 1 } });
    expect(d.rows[1]).toMatchObject({
      visit: { personKey: 'h(44051401359)', side: 'portal' },
      day: '2025-03-10',
      mirror: false,
    });
    expect(d.rows[2]).toEqual({ row: 'booking-cursor', cursor: '42', pulledAt: now.toISOString() });
  });

  it('names a cancellation and a move; a replayed version changes nothing but the cursor', () => {
    const gone = item({ version: 2, status: 'cancelled' });
    expect(types(decideBookingPage(cached(), page(gone), now, zone))).toEqual([
      'booking.cancelled',
    ]);
    const moved = item({ version: 2, startsAt: '2025-03-11T09:00:00.000Z', date: '2025-03-11' });
    expect(types(decideBookingPage(cached(), page(moved), now, zone))).toEqual([
      'booking.rebooked',
    ]);
    const replay = decideBookingPage(cached(), page(item()), now, zone);
    expect(replay).toMatchObject({ changed: 0, events: [] });
    expect(replay.rows.map((r) => r.row)).toEqual(['booking-cursor']);
  });

  it('merges a code seen twice in one page against the page’s own first change', () => {
    const d = decideBookingPage(
      new Map(),
      page(item(), item({ version: 2, status: 'cancelled' }), item({ version: 2 })),
      now,
      zone,
    );
    expect(d.changed).toBe(2);
    expect(types(d)).toEqual(['booking.created', 'booking.cancelled']);
  });

  it('keeps a checked-in client without an event, and skips past days', () => {
    const here = cached({ status: 'checked-in', ticketId: 't-1' });
    const d = decideBookingPage(here, page(item({ version: 2, status: 'cancelled' })), now, zone);
    expect(d).toMatchObject({ changed: 1, events: [] });
    expect(d.rows[0]).toMatchObject({
      booking: { status: 'checked-in', portalStatus: 'cancelled' },
    });
    const past = item({ date: '2025-03-09', startsAt: '2025-03-09T09:00:00.000Z' });
    expect(decideBookingPage(new Map(), page(past), now, zone).changed).toBe(0);
  });
});

describe('decideBookingPrune', () => {
  it('drops what is 36 hours past, logging nothing', () => {
    expect(decideBookingPrune(now)).toEqual({
      events: [],
      rows: [{ row: 'booking-prune', before: '2025-03-08T20:00:00.000Z' }],
    });
  });
});

describe('mergeBooking', () => {
  it('takes new bookings from today on and skips past days', () => {
    expect(mergeBooking(undefined, item(), '2025-03-10')?.status).toBe('booked');
    expect(mergeBooking(undefined, item(), '2025-03-11')).toBeNull();
  });
  it('ignores repeated and older versions', () => {
    expect(mergeBooking(row({ portalVersion: 2 }), item({ version: 2 }), '2025-03-10')).toBeNull();
    expect(mergeBooking(row({ portalVersion: 3 }), item({ version: 2 }), '2025-03-10')).toBeNull();
  });
  it('follows cancellations and rebookings of a booking not yet checked in', () => {
    const moved = item({
      version: 2,
      startsAt: '2025-03-11T12:00:00.000Z',
      date: '2025-03-11',
    });
    expect(mergeBooking(row(), moved, '2025-03-10')?.bookedFor).toBe(moved.startsAt);
    const gone = mergeBooking(row(), item({ version: 2, status: 'cancelled' }), '2025-03-10');
    expect(gone).toMatchObject({ status: 'cancelled', portalStatus: 'cancelled' });
  });
  it('keeps a checked-in client and records what the portal says', () => {
    const here = row({ status: 'checked-in', ticketId: 't-1' });
    const m = mergeBooking(here, item({ version: 2, status: 'cancelled' }), '2025-03-10');
    expect(m).toMatchObject({ status: 'checked-in', ticketId: 't-1', portalStatus: 'cancelled' });
    expect(m?.bookedFor).toBe(here.bookedFor);
  });
});
