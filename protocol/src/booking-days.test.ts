import { describe, expect, it } from 'vitest';
import { dayAfter, daysWithFreePlaces, weekdayName } from './booking-days';

const slot = (day: string, time: string, free: number) => ({
  start: `${day}T${time}:00.000Z`,
  day,
  time,
  serviceId: 'emerytury',
  capacity: 2,
  free,
});

describe('booking days and hours', () => {
  it('keeps only days with a free place, in order, hours sorted, free places summed', () => {
    const days = daysWithFreePlaces([
      slot('2026-12-03', '10:00', 1),
      slot('2026-12-02', '11:00', 2),
      slot('2026-12-02', '10:00', 1),
      slot('2026-12-04', '10:00', 0),
    ]);
    expect(days.map((d) => d.day)).toEqual(['2026-12-02', '2026-12-03']);
    expect(days[0]?.slots.map((s) => s.time)).toEqual(['10:00', '11:00']);
    expect(days[0]?.free).toBe(3);
  });

  it('counts days on the branch clock and names weekdays in the reader’s language', () => {
    // 23:30 UTC on 30 November is already 1 December in Warsaw, not yet in London.
    expect(dayAfter(new Date('2026-11-30T23:30:00Z'), 0, 'Europe/Warsaw')).toBe('2026-12-01');
    expect(dayAfter(new Date('2026-11-30T23:30:00Z'), 0, 'Europe/London')).toBe('2026-11-30');
    expect(dayAfter(new Date('2026-11-30T12:00:00Z'), 30, 'Europe/Warsaw')).toBe('2026-12-30');
    expect(weekdayName('2026-12-01', 'pl')).toBe('wtorek');
    expect(weekdayName('2026-12-01', 'en')).toBe('Tuesday');
    expect(weekdayName('2026-12-01', 'uk')).toBe('вівторок');
  });
});
