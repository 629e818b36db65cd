import { describe, expect, it } from 'vitest';
import { localHour, startOfLocalDay, zoneOffsetMinutes } from '@skr/protocol/time-zone';
import { periodRange } from './period';

describe('periods', () => {
  it('gives the day, its ISO week and its month', () => {
    expect(periodRange('day', '2026-03-11')).toEqual({ from: '2026-03-11', to: '2026-03-11' });
    expect(periodRange('week', '2026-03-11')).toEqual({ from: '2026-03-09', to: '2026-03-15' });
    expect(periodRange('week', '2026-03-15')).toEqual({ from: '2026-03-09', to: '2026-03-15' });
    expect(periodRange('month', '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('finds local midnight in Warsaw across daylight saving time', () => {
    expect(startOfLocalDay('2026-01-15', 'Europe/Warsaw').toISOString()).toBe(
      '2026-01-14T23:00:00.000Z',
    );
    expect(startOfLocalDay('2026-07-15', 'Europe/Warsaw').toISOString()).toBe(
      '2026-07-14T22:00:00.000Z',
    );
    // The day the clocks go forward starts in winter time.
    expect(startOfLocalDay('2026-03-29', 'Europe/Warsaw').toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    expect(zoneOffsetMinutes(new Date('2026-07-01T00:00:00Z'), 'Europe/Warsaw')).toBe(120);
  });

  it('shifts UTC hours to local hours of the day', () => {
    expect(localHour('2026-01-15', 7, 'Europe/Warsaw')).toBe(8);
    expect(localHour('2026-07-15', 7, 'Europe/Warsaw')).toBe(9);
    expect(localHour('2026-07-15', 23, 'Europe/Warsaw')).toBe(1);
  });
});
