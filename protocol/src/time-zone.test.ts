import { describe, expect, it } from 'vitest';
import {
  TimeZone,
  formatLocalDateTime,
  isCalendarDay,
  isTimeZone,
  localClock,
  localDay,
  localHour,
  startOfLocalDay,
  wallClockToInstant,
  zoneOffsetMinutes,
} from './time-zone';

// Expected values are Polish law, not this code: CET (UTC+1) in winter, CEST (UTC+2) from
// 02:00 CET on the last Sunday of March (2026-03-29, 01:00 UTC) to 03:00 CEST on the last
// Sunday of October (2026-10-25, 01:00 UTC).
const WAW = 'Europe/Warsaw';

describe('local day', () => {
  it('is the wall-clock date, changing at local midnight, not UTC midnight', () => {
    expect(localDay(new Date('2026-11-30T22:59:59Z'), WAW)).toBe('2026-11-30');
    expect(localDay(new Date('2026-11-30T23:00:00Z'), WAW)).toBe('2026-12-01');
    expect(localDay(new Date('2026-07-14T21:59:59Z'), WAW)).toBe('2026-07-14');
    expect(localDay(new Date('2026-07-14T22:00:00Z'), WAW)).toBe('2026-07-15');
    expect(localDay('2026-11-30T23:00:00Z', 'UTC')).toBe('2026-11-30');
    expect(localDay('2026-11-30T23:00:00Z', 'America/New_York')).toBe('2026-11-30');
  });
});

describe('local clock', () => {
  it('gives the ISO weekday and HH:MM', () => {
    expect(localClock(new Date('2026-11-23T07:30:00Z'), WAW)).toEqual({ day: 1, time: '08:30' });
    expect(localClock(new Date('2026-11-22T23:30:00Z'), WAW)).toEqual({ day: 1, time: '00:30' });
    expect(localClock(new Date('2026-11-22T22:59:00Z'), WAW)).toEqual({ day: 7, time: '23:59' });
  });

  it('jumps from 01:59 to 03:00 on 2026-03-29 and repeats 02:xx on 2026-10-25', () => {
    expect(localClock('2026-03-29T00:59:00Z', WAW)).toEqual({ day: 7, time: '01:59' });
    expect(localClock('2026-03-29T01:00:00Z', WAW)).toEqual({ day: 7, time: '03:00' });
    expect(localClock('2026-10-25T00:30:00Z', WAW).time).toBe('02:30');
    expect(localClock('2026-10-25T01:30:00Z', WAW).time).toBe('02:30');
    expect(localClock('2026-10-25T02:00:00Z', WAW).time).toBe('03:00');
  });

  it('answers each zone and minute right when asked again (it remembers the last one)', () => {
    const at = '2026-11-23T07:30:20Z';
    expect(localClock(at, WAW).time).toBe('08:30');
    expect(localClock('2026-11-23T07:30:59.999Z', WAW).time).toBe('08:30');
    expect(localClock(at, 'Asia/Kathmandu').time).toBe('13:15');
    expect(localClock(at, WAW).time).toBe('08:30');
    expect(localClock('2026-11-23T07:31:00Z', WAW).time).toBe('08:31');
    expect(localClock('2026-11-23T07:30:00Z', 'America/St_Johns')).toEqual({
      day: 1,
      time: '04:00',
    });
    expect(() => localClock('not a date', WAW)).toThrow(RangeError);
  });
});

describe('zone offset', () => {
  it('is +60 in winter and +120 in summer, switching at 01:00 UTC', () => {
    expect(zoneOffsetMinutes(new Date('2026-01-15T12:00:00Z'), WAW)).toBe(60);
    expect(zoneOffsetMinutes(new Date('2026-07-15T12:00:00Z'), WAW)).toBe(120);
    expect(zoneOffsetMinutes('2026-03-29T00:59:59Z', WAW)).toBe(60);
    expect(zoneOffsetMinutes('2026-03-29T01:00:00Z', WAW)).toBe(120);
    expect(zoneOffsetMinutes('2026-10-25T00:59:59Z', WAW)).toBe(120);
    expect(zoneOffsetMinutes('2026-10-25T01:00:00Z', WAW)).toBe(60);
    expect(zoneOffsetMinutes('2026-07-15T12:00:00Z', 'America/New_York')).toBe(-240);
  });
});

describe('start of a local day', () => {
  it('is local midnight; DST days last 23 and 25 hours', () => {
    expect(startOfLocalDay('2026-03-29', WAW).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDay('2026-03-30', WAW).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfLocalDay('2026-10-25', WAW).toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfLocalDay('2026-10-26', WAW).toISOString()).toBe('2026-10-25T23:00:00.000Z');
    const hours = (a: string, b: string) =>
      (startOfLocalDay(b, WAW).getTime() - startOfLocalDay(a, WAW).getTime()) / 3_600_000;
    expect(hours('2026-03-29', '2026-03-30')).toBe(23);
    expect(hours('2026-10-25', '2026-10-26')).toBe(25);
    expect(hours('2026-11-30', '2026-12-01')).toBe(24);
  });
});

describe('wall clock to instant', () => {
  it('maps ordinary times with the offset of that date', () => {
    expect(wallClockToInstant('2026-01-15', '09:00', WAW).toISOString()).toBe(
      '2026-01-15T08:00:00.000Z',
    );
    expect(wallClockToInstant('2026-07-15', '09:00', WAW).toISOString()).toBe(
      '2026-07-15T07:00:00.000Z',
    );
  });

  it('moves a skipped spring time forward and takes the later of a doubled autumn time', () => {
    expect(wallClockToInstant('2026-03-29', '01:59', WAW).toISOString()).toBe(
      '2026-03-29T00:59:00.000Z',
    );
    expect(wallClockToInstant('2026-03-29', '02:30', WAW).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(wallClockToInstant('2026-03-29', '03:00', WAW).toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    expect(wallClockToInstant('2026-10-25', '02:30', WAW).toISOString()).toBe(
      '2026-10-25T01:30:00.000Z',
    );
    expect(wallClockToInstant('2026-10-25', '03:00', WAW).toISOString()).toBe(
      '2026-10-25T02:00:00.000Z',
    );
  });

  it('round-trips with localDay and localClock away from the changes', () => {
    for (const [day, time] of [
      ['2026-03-28', '23:45'],
      ['2026-03-29', '04:00'],
      ['2026-10-24', '12:00'],
      ['2026-10-25', '04:00'],
      ['2026-12-31', '23:59'],
    ] as const) {
      const at = wallClockToInstant(day, time, WAW);
      expect(localDay(at, WAW)).toBe(day);
      expect(localClock(at, WAW).time).toBe(time);
    }
  });

  it('rejects malformed input as a programmer error', () => {
    expect(() => wallClockToInstant('2026-3-1', '09:00', WAW)).toThrow(RangeError);
    expect(() => wallClockToInstant('2026-03-01', '9:00', WAW)).toThrow(RangeError);
  });
});

describe('local hour of a UTC hour', () => {
  it('adds the offset of the local day', () => {
    expect(localHour('2026-01-15', 7, WAW)).toBe(8);
    expect(localHour('2026-07-15', 7, WAW)).toBe(9);
    expect(localHour('2026-07-15', 23, WAW)).toBe(1);
    expect(localHour('2026-03-29', 7, WAW)).toBe(9); // noon is already summer time
    expect(localHour('2026-10-25', 7, WAW)).toBe(8); // noon is already winter time
    expect(localHour('2026-07-15', 3, 'America/New_York')).toBe(23);
  });
});

describe('paper date-time', () => {
  it('prints dd.mm.yyyy HH:MM on the zone clock', () => {
    expect(formatLocalDateTime('2026-11-30T07:15:00Z', WAW)).toBe('30.11.2026 08:15');
    expect(formatLocalDateTime(new Date('2026-07-01T05:05:00Z'), WAW)).toBe('01.07.2026 07:05');
    expect(formatLocalDateTime('2026-03-29T01:30:00Z', WAW)).toBe('29.03.2026 03:30');
    expect(formatLocalDateTime('2026-10-25T00:30:00Z', WAW)).toBe('25.10.2026 02:30');
    expect(formatLocalDateTime('2026-10-25T01:30:00Z', WAW)).toBe('25.10.2026 02:30');
    expect(formatLocalDateTime('2026-11-30T07:15:00Z', 'Europe/London')).toBe('30.11.2026 07:15');
    expect(formatLocalDateTime('2026-11-30T08:15:00+01:00', 'Asia/Tokyo')).toBe('30.11.2026 16:15');
  });
});

describe('calendar days', () => {
  it('accepts real days only, leap years included', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2025-02-29')).toBe(false);
    expect(isCalendarDay('2026-04-31')).toBe(false);
    expect(isCalendarDay('2026-4-30')).toBe(false);
  });
});

describe('zone names', () => {
  it('accepts IANA names the runtime knows and rejects others', () => {
    expect(isTimeZone(WAW)).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Europe/Atlantis')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(TimeZone.safeParse('Europe/Kyiv').success).toBe(true);
    expect(TimeZone.safeParse('Mars/Olympus').success).toBe(false);
  });

  it('throws RangeError instead of printing NaN for an unknown zone', () => {
    expect(() => localDay(new Date(), 'Europe/Atlantis')).toThrow(RangeError);
    expect(() => formatLocalDateTime(new Date(), 'Europe/Atlantis')).toThrow(RangeError);
    expect(() => zoneOffsetMinutes(new Date(), 'Europe/Atlantis')).toThrow(RangeError);
    expect(() => startOfLocalDay('2026-01-01', 'Europe/Atlantis')).toThrow(RangeError);
  });
});
