import { describe, expect, it } from 'vitest';
import { localClock } from '@skr/protocol/time-zone';
import { isOpen } from './opening-hours';

const hours = { days: [1, 2, 3, 4, 5], from: '08:00', to: '18:00' };

describe('opening hours', () => {
  it('reads the local weekday and time in Warsaw', () => {
    // Monday 23 Nov 2026, 07:30 UTC = 08:30 in Warsaw (winter time).
    expect(localClock(new Date('2026-11-23T07:30:00Z'), 'Europe/Warsaw')).toEqual({
      day: 1,
      time: '08:30',
    });
    // Sunday 22 Nov 23:30 UTC is already Monday 00:30 in Warsaw.
    expect(localClock(new Date('2026-11-22T23:30:00Z'), 'Europe/Warsaw')).toEqual({
      day: 1,
      time: '00:30',
    });
  });
  it('is open inside the window on listed days only', () => {
    expect(isOpen(hours, new Date('2026-11-23T07:30:00Z'), 'Europe/Warsaw')).toBe(true);
    expect(isOpen(hours, new Date('2026-11-23T06:59:00Z'), 'Europe/Warsaw')).toBe(false);
    expect(isOpen(hours, new Date('2026-11-23T17:00:00Z'), 'Europe/Warsaw')).toBe(false);
    expect(isOpen(hours, new Date('2026-11-21T10:00:00Z'), 'Europe/Warsaw')).toBe(false); // Saturday
    expect(isOpen(null, new Date('2026-11-21T10:00:00Z'), 'Europe/Warsaw')).toBe(true);
  });
  it('is closed on a statutory holiday when the branch has hours', () => {
    // Thursday 24 Dec 2026 (Wigilia, a day off since 2025), 10:00 in Warsaw; Wednesday 23 open.
    expect(isOpen(hours, new Date('2026-12-24T09:00:00Z'), 'Europe/Warsaw')).toBe(false);
    expect(isOpen(hours, new Date('2026-12-23T09:00:00Z'), 'Europe/Warsaw')).toBe(true);
    // Easter Monday 2027 (29 March, summer time since the 28th).
    expect(isOpen(hours, new Date('2027-03-29T08:00:00Z'), 'Europe/Warsaw')).toBe(false);
    expect(isOpen(null, new Date('2026-12-24T09:00:00Z'), 'Europe/Warsaw')).toBe(true);
  });
});
