import { describe, expect, it } from 'vitest';
import {
  easterSunday,
  planHolidayOn,
  polishHolidayOn,
  polishPublicHolidays,
} from './public-holidays';

// Known dates, from the published calendars of days off in Poland (not from the formula).
const EASTER: Record<number, string> = {
  2024: '2024-03-31',
  2025: '2025-04-20',
  2026: '2026-04-05',
  2027: '2027-03-28',
  2028: '2028-04-16',
  2029: '2029-04-01',
  2030: '2030-04-21',
  // Far cases of the computus: the earliest and latest Easter of these centuries.
  2285: '2285-03-22',
  2038: '2038-04-25',
};
const CORPUS_CHRISTI: Record<number, string> = {
  2025: '2025-06-19',
  2026: '2026-06-04',
  2027: '2027-05-27',
  2028: '2028-06-15',
  2029: '2029-05-31',
  2030: '2030-06-20',
};

describe('Polish public holidays', () => {
  it('finds Easter Sunday by the Gregorian computus', () => {
    for (const [year, day] of Object.entries(EASTER)) expect(easterSunday(Number(year))).toBe(day);
  });

  it('lists the statutory days off of 2025–2030 with the movable ones', () => {
    for (let year = 2025; year <= 2030; year += 1) {
      const list = polishPublicHolidays(year);
      expect(list).toHaveLength(14);
      const on = (id: string) => list.find((h) => h.id === id)?.day;
      expect(on('corpus-christi')).toBe(CORPUS_CHRISTI[year]);
      const monday = new Date(`${EASTER[year]!}T00:00:00Z`);
      monday.setUTCDate(monday.getUTCDate() + 1);
      expect(on('easter-monday')).toBe(monday.toISOString().slice(0, 10));
      expect(new Date(`${on('easter-monday')!}T00:00:00Z`).getUTCDay()).toBe(1);
      expect(new Date(`${on('pentecost')!}T00:00:00Z`).getUTCDay()).toBe(0);
      expect(new Date(`${on('corpus-christi')!}T00:00:00Z`).getUTCDay()).toBe(4);
      for (const md of ['01-01', '01-06', '05-01', '05-03', '08-15', '11-01', '11-11'])
        expect(list.map((h) => h.day)).toContain(`${String(year)}-${md}`);
      expect(list.map((h) => h.day)).toEqual([...list.map((h) => h.day)].sort());
    }
  });

  it('closes Christmas Eve from 2025 on (the 2024 amendment), not before', () => {
    expect(polishHolidayOn('2026-12-24')).toBe('christmas-eve');
    expect(polishHolidayOn('2025-12-24')).toBe('christmas-eve');
    expect(polishHolidayOn('2024-12-24')).toBeNull();
    expect(polishPublicHolidays(2024)).toHaveLength(13);
  });

  it('answers a day: the holiday, or null on an ordinary day', () => {
    expect(polishHolidayOn('2026-12-25')).toBe('christmas');
    expect(polishHolidayOn('2026-12-26')).toBe('second-day-of-christmas');
    expect(polishHolidayOn('2027-01-06')).toBe('epiphany');
    expect(polishHolidayOn('2026-04-06')).toBe('easter-monday');
    expect(polishHolidayOn('2026-11-11')).toBe('independence-day');
    expect(polishHolidayOn('2026-12-23')).toBeNull();
    expect(polishHolidayOn('2026-04-07')).toBeNull();
  });

  it("follows the plan's switch", () => {
    expect(planHolidayOn({ publicHolidays: 'pl' }, '2026-12-25')).toBe('christmas');
    expect(planHolidayOn({}, '2026-12-25')).toBe('christmas');
    expect(planHolidayOn({ publicHolidays: 'none' }, '2026-12-25')).toBeNull();
  });
});
