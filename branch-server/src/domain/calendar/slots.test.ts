import { CalendarPlan } from '@skr/protocol/calendar';
import { describe, expect, it } from 'vitest';
import { morningPlan, ZONE } from './calendar-fixtures';
import { buildSlots, daysBetween, defaultOwners, unitKey } from './slots';

describe('calendar slots', () => {
  it('steps each weekly block by the visit length on its weekdays only', () => {
    // 2026-12-04 is a Friday, 12-05 and 12-06 the weekend.
    const slots = buildSlots(morningPlan(), '2026-12-04', '2026-12-06', ZONE);
    expect(slots).toHaveLength(8);
    expect(slots[0]).toMatchObject({
      day: '2026-12-04',
      time: '08:00',
      start: '2026-12-04T07:00:00.000Z',
      end: '2026-12-04T07:30:00.000Z',
    });
    expect(slots[7]?.time).toBe('11:30');
    expect(slots[0]?.units.map((u) => u.counterId)).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(slots[0]?.units[0]?.serviceIds).toEqual(['emerytury', 'zasilki']);
  });

  it('takes the visit length from the rules', () => {
    const plan = CalendarPlan.parse({ ...morningPlan(), rules: { visitMinutes: 45 } });
    // 08:00, 08:45, 09:45 … : 240 / 45 → 5 whole visits.
    expect(buildSlots(plan, '2026-12-04', '2026-12-04', ZONE).map((s) => s.time)).toEqual([
      '08:00',
      '08:45',
      '09:30',
      '10:15',
      '11:00',
    ]);
  });

  it('has no slot on a Polish statutory holiday unless the plan switches them off', () => {
    // Thu 24 (Wigilia, a day off since 2025), Fri 25 Dec 2026 closed; Mon 28 Dec open.
    const days = (plan: CalendarPlan) => [
      ...new Set(buildSlots(plan, '2026-12-24', '2026-12-28', ZONE).map((s) => s.day)),
    ];
    expect(days(morningPlan())).toEqual(['2026-12-28']);
    // Easter Monday 2027 (29 March) and Corpus Christi 2027 (27 May) come from the computus.
    expect(buildSlots(morningPlan(), '2027-03-29', '2027-03-29', ZONE)).toEqual([]);
    expect(buildSlots(morningPlan(), '2027-05-27', '2027-05-27', ZONE)).toEqual([]);
    const open = CalendarPlan.parse({ ...morningPlan(), publicHolidays: 'none' });
    expect(days(open)).toEqual(['2026-12-24', '2026-12-25', '2026-12-28']);
  });

  it('drops a holiday and a closed counter', () => {
    // 2026-12-31 (Thursday) is no statutory holiday: only the manager's exception closes it.
    const plan = CalendarPlan.parse({
      ...morningPlan(),
      exceptions: [
        { kind: 'holiday', day: '2026-12-31' },
        { kind: 'counter-closed', day: '2026-12-23', counterId: 'c3' },
      ],
    });
    expect(buildSlots(morningPlan(), '2026-12-31', '2026-12-31', ZONE)).toHaveLength(8);
    expect(buildSlots(plan, '2026-12-31', '2026-12-31', ZONE)).toEqual([]);
    const closed = buildSlots(plan, '2026-12-23', '2026-12-23', ZONE);
    expect(closed).toHaveLength(8);
    for (const s of closed) expect(s.units.map((u) => u.counterId)).toEqual(['c1', 'c2', 'c4']);
    expect(buildSlots(plan, '2026-12-22', '2026-12-22', ZONE)[0]?.units).toHaveLength(4);
  });

  it('keeps wall-clock times across DST: 08:00 is 07:00Z before and 06:00Z after the spring change', () => {
    const [fri] = buildSlots(morningPlan(), '2026-03-27', '2026-03-27', ZONE);
    const [mon] = buildSlots(morningPlan(), '2026-03-30', '2026-03-30', ZONE);
    expect(fri?.start).toBe('2026-03-27T07:00:00.000Z');
    expect(mon?.start).toBe('2026-03-30T06:00:00.000Z');
  });

  it('has no slot at a time the spring change skips and one per wall time in autumn', () => {
    const night = (weekday: number) =>
      CalendarPlan.parse({
        blocks: [{ weekday, from: '01:00', to: '04:00', counterId: 'c1', serviceIds: ['x'] }],
      });
    // 2026-03-29 and 2026-10-25 are Sundays in Warsaw's DST changes.
    const spring = buildSlots(night(7), '2026-03-29', '2026-03-29', ZONE);
    expect(spring.map((s) => s.time)).toEqual(['01:00', '01:30', '03:00', '03:30']);
    expect(spring.map((s) => s.start)).toEqual([
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T00:30:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T01:30:00.000Z',
    ]);
    const autumn = buildSlots(night(7), '2026-10-25', '2026-10-25', ZONE);
    expect(autumn.map((s) => s.time)).toEqual([
      '01:00',
      '01:30',
      '02:00',
      '02:30',
      '03:00',
      '03:30',
    ]);
    expect(new Set(autumn.map((s) => s.start)).size).toBe(6);
    for (const s of [...spring, ...autumn])
      expect(Date.parse(s.end) - Date.parse(s.start)).toBe(30 * 60_000);
  });

  it('splits counters into walk-in, portal and branch places and rotates them', () => {
    expect(
      defaultOwners(['a', 'b', 'c', 'd'], 0, { walkInSharePercent: 25, portalSharePercent: 50 }),
    ).toEqual(['walk-in', 'portal', 'portal', 'branch']);
    expect(
      defaultOwners(['a', 'b', 'c', 'd'], 1, { walkInSharePercent: 25, portalSharePercent: 50 }),
    ).toEqual(['portal', 'portal', 'branch', 'walk-in']);
    const slots = buildSlots(morningPlan(25, 50), '2026-12-04', '2026-12-04', ZONE);
    for (const s of slots) expect(s.units.filter((u) => u.owner === 'walk-in')).toHaveLength(1);
  });

  it('lets the escrow ledger override a place’s holder', () => {
    const start = '2026-12-04T07:00:00.000Z';
    const [slot] = buildSlots(morningPlan(0, 0), '2026-12-04', '2026-12-04', ZONE, {
      [unitKey(start, 'c2')]: 'portal',
    });
    expect(slot?.units.map((u) => u.owner)).toEqual(['branch', 'portal', 'branch', 'branch']);
  });

  it('lists days with ISO weekdays across a month end', () => {
    expect(daysBetween('2026-11-30', '2026-12-01')).toEqual([
      { day: '2026-11-30', weekday: 1 },
      { day: '2026-12-01', weekday: 2 },
    ]);
  });
});
