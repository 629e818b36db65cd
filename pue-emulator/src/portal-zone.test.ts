import { describe, expect, it } from 'vitest';
import { isCalendarDay, localDay, wallClockToInstant } from '@skr/protocol/time-zone';
import { PORTAL_TIME_ZONE } from './portal-zone';

// What the portal stand-in relies on, in its own zone: bookings made in 2025 on either side of
// the clock changes (2025-03-30 and 2025-10-26) and dates of instants near midnight.
describe('portal wall clock (Europe/Warsaw)', () => {
  it('converts in winter (UTC+1) and summer (UTC+2)', () => {
    const at = (d: string, t: string) => wallClockToInstant(d, t, PORTAL_TIME_ZONE).toISOString();
    expect(at('2025-01-15', '09:00')).toBe('2025-01-15T08:00:00.000Z');
    expect(at('2025-07-15', '09:00')).toBe('2025-07-15T07:00:00.000Z');
    expect(at('2025-03-30', '08:00')).toBe('2025-03-30T06:00:00.000Z');
    expect(at('2025-10-26', '08:00')).toBe('2025-10-26T07:00:00.000Z');
  });
  it('gives the portal date of an instant near midnight', () => {
    expect(localDay(new Date('2025-03-09T23:30:00Z'), PORTAL_TIME_ZONE)).toBe('2025-03-10');
  });
  it('rejects impossible days', () => {
    expect(isCalendarDay('2025-02-29')).toBe(false);
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2024-2-29')).toBe(false);
  });
});
