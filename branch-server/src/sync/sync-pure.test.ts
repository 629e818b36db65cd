import type { PueBooking } from '@skr/protocol';
import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff';
import { mergeBooking, type CachedBooking } from '../domain/booking-feed';
import { sniffContentType } from './documents';

describe('retryDelayMs', () => {
  const policy = { baseMs: 1000, capMs: 60_000 };
  it('doubles up to the cap, jitter taking a share of it', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, policy, () => 1))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
    expect(retryDelayMs(30, policy, () => 1)).toBe(60_000);
    expect(retryDelayMs(1000, policy, () => 0.5)).toBe(30_000);
    expect(retryDelayMs(3, policy, () => 0)).toBe(1);
  });
});

const incoming = (over: Partial<PueBooking> = {}): PueBooking => ({
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
const cachedRow = (over: Partial<CachedBooking> = {}): CachedBooking => ({
  code: 'ABCDEF',
  serviceId: 'zasilki',
  bookedFor: '2025-03-10T09:00:00.000Z',
  status: 'booked',
  ticketId: null,
  portalVersion: 1,
  ...over,
});

describe('mergeBooking', () => {
  it('takes new bookings from today on and skips past days', () => {
    expect(mergeBooking(undefined, incoming(), '2025-03-10')?.status).toBe('booked');
    expect(mergeBooking(undefined, incoming(), '2025-03-11')).toBeNull();
  });
  it('ignores repeated and older versions', () => {
    expect(
      mergeBooking(cachedRow({ portalVersion: 2 }), incoming({ version: 2 }), '2025-03-10'),
    ).toBeNull();
    expect(
      mergeBooking(cachedRow({ portalVersion: 3 }), incoming({ version: 2 }), '2025-03-10'),
    ).toBeNull();
  });
  it('follows cancellations and rebookings of a booking not yet checked in', () => {
    const moved = incoming({
      version: 2,
      startsAt: '2025-03-11T12:00:00.000Z',
      date: '2025-03-11',
    });
    expect(mergeBooking(cachedRow(), moved, '2025-03-10')?.bookedFor).toBe(moved.startsAt);
    const gone = mergeBooking(
      cachedRow(),
      incoming({ version: 2, status: 'cancelled' }),
      '2025-03-10',
    );
    expect(gone).toMatchObject({ status: 'cancelled', portalStatus: 'cancelled' });
  });
  it('keeps a checked-in client and records what the portal says', () => {
    const here = cachedRow({ status: 'checked-in', ticketId: 't-1' });
    const m = mergeBooking(here, incoming({ version: 2, status: 'cancelled' }), '2025-03-10');
    expect(m).toMatchObject({ status: 'checked-in', ticketId: 't-1', portalStatus: 'cancelled' });
    expect(m?.bookedFor).toBe(here.bookedFor);
  });
});

describe('sniffContentType', () => {
  it('reads PDF, JPEG and PNG from their first bytes only', () => {
    expect(sniffContentType(Buffer.from('%PDF-1.7 ...'))).toBe('application/pdf');
    expect(sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('image/jpeg');
    expect(sniffContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
      'image/png',
    );
    expect(sniffContentType(Buffer.from('GIF89a'))).toBeUndefined();
  });
});
