import type { Ticket } from '@skr/protocol/domain';
import { describe, expect, it } from 'vitest';
import { duration, minutesBetween, punctuality, waitedMinutes } from './format';

const base = {
  issuedAt: '2025-03-03T08:00:00.000Z',
  bookedFor: null,
  startedAt: null,
} as unknown as Ticket;

describe('format', () => {
  it('counts whole minutes, never negative', () => {
    expect(minutesBetween('2025-03-03T08:00:00Z', '2025-03-03T08:09:59Z')).toBe(9);
    expect(minutesBetween('2025-03-03T08:10:00Z', '2025-03-03T08:00:00Z')).toBe(0);
  });

  it('formats running timers', () => {
    const from = '2025-03-03T08:00:00.000Z';
    expect(duration(from, new Date('2025-03-03T08:07:05Z'))).toBe('7:05');
    expect(duration(from, new Date('2025-03-03T09:02:09Z'))).toBe('1:02:09');
    expect(duration(from, new Date('2025-03-03T07:59:00Z'))).toBe('0:00');
  });

  it('measures the wait until service started, or until now while only called', () => {
    const now = new Date('2025-03-03T08:30:00Z');
    expect(waitedMinutes(base, now)).toBe(30);
    expect(waitedMinutes({ ...base, startedAt: '2025-03-03T08:12:00.000Z' }, now)).toBe(12);
  });

  it('counts an early booked client’s wait from the booked time', () => {
    const t = { ...base, bookedFor: '2025-03-03T08:20:00.000Z' };
    expect(waitedMinutes(t, new Date('2025-03-03T08:25:00Z'))).toBe(5);
    expect(punctuality(t)).toBe(-20);
    expect(punctuality({ ...base, bookedFor: '2025-03-03T07:53:00.000Z' })).toBe(7);
    expect(punctuality(base)).toBeNull();
  });
});
