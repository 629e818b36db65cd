import { describe, expect, it } from 'vitest';
import { arrivalHours, openWindow } from './arrival-hours';

const day = (counts: Record<number, number>) =>
  Array.from({ length: 24 }, (_, hour) => ({ hour, issued: counts[hour] ?? 0 }));
const hoursOf = (rows: { hour: number }[]) => rows.map((r) => r.hour);

describe('arrivals chart hours', () => {
  it('starts at an arrival before the opening hour instead of hiding it (issue 12)', () => {
    const open = openWindow([
      { openingHours: { days: [1], from: '08:00', to: '16:00' } },
      { openingHours: { days: [1], from: '07:30', to: '18:30' } },
      { openingHours: null },
    ]);
    expect(open).toEqual({ from: 7, to: 19 });
    // Three people queued at 05:40 before a 07:30 opening.
    const shown = arrivalHours(day({ 5: 3, 9: 10 }), open);
    expect(hoursOf(shown)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
    expect(shown[0]).toEqual({ hour: 5, issued: 3 });
  });

  it('keeps the opening window on a quiet day, stretches past it for late arrivals', () => {
    const open = { from: 8, to: 16 };
    expect(hoursOf(arrivalHours(day({}), open))).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
    expect(hoursOf(arrivalHours(day({ 21: 1 }), open)).at(-1)).toBe(21);
    // No opening hours configured: the hours with data.
    expect(hoursOf(arrivalHours(day({ 4: 1, 6: 2 })))).toEqual([4, 5, 6]);
  });
});
