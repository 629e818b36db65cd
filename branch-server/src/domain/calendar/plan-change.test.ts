import { CalendarPlan } from '@skr/protocol/calendar';
import { describe, expect, it } from 'vitest';
import { isRefusal } from '../domain-error';
import { availability } from './availability';
import { morningPlan, viewOf, visit, ZONE } from './calendar-fixtures';
import { decidePlanChange, strandedVisits } from './plan-change';

const NOW = new Date('2026-12-01T08:00:00Z');
const NINE = '2026-12-04T08:00:00.000Z'; // Friday 09:00 in Warsaw

describe('plan change', () => {
  const visits = [
    visit({ code: 'A', start: NINE, bookedAt: '2026-11-01T10:00:00.000Z' }),
    visit({ code: 'B', start: NINE, bookedAt: '2026-11-02T10:00:00.000Z' }),
    visit({ code: 'S', serviceId: 'skladki', start: NINE }),
    visit({ code: 'OLD', start: '2026-11-27T08:00:00.000Z' }),
  ];

  it('strands nothing when the plan keeps every place', () => {
    expect(strandedVisits(morningPlan(), ZONE, visits, NOW)).toEqual([]);
  });

  it('lists the later booking when a counter of the service closes for the day', () => {
    const next = CalendarPlan.parse({
      ...morningPlan(),
      exceptions: [{ kind: 'counter-closed', day: '2026-12-04', counterId: 'c2' }],
    });
    expect(strandedVisits(next, ZONE, visits, NOW).map((v) => v.code)).toEqual(['B']);
  });

  it('lists every visit of a new holiday but none in the past', () => {
    const next = CalendarPlan.parse({
      ...morningPlan(),
      exceptions: [
        { kind: 'holiday', day: '2026-12-04' },
        { kind: 'holiday', day: '2026-11-27' },
      ],
    });
    expect(
      strandedVisits(next, ZONE, visits, NOW)
        .map((v) => v.code)
        .sort(),
    ).toEqual(['A', 'B', 'S']);
  });

  it('refuses with reason "stranded" and the list, or applies when the manager accepts', () => {
    // Half the counters kept for walk-ins: at 09:00 only c1 and c2 (emerytury) stay bookable.
    const next = CalendarPlan.parse({ ...morningPlan(), walkInSharePercent: 50 });
    const refused = decidePlanChange(
      viewOf(morningPlan()),
      next,
      visits,
      { acceptStranded: false },
      NOW,
    );
    expect(isRefusal(refused) && refused.details).toMatchObject({
      reason: 'stranded',
      stranded: [{ code: 'S', start: NINE, serviceId: 'skladki' }],
    });
    const applied = decidePlanChange(
      viewOf(morningPlan()),
      next,
      visits,
      { acceptStranded: true },
      NOW,
    );
    expect(!isRefusal(applied) && applied.stranded.map((v) => v.code)).toEqual(['S']);
  });
});

describe('availability', () => {
  it('gives capacity and free places per slot for one service and side, after the lead time', () => {
    const view = viewOf(morningPlan());
    const now = new Date('2026-12-04T07:30:00Z'); // 08:30 local: 09:30 is the first bookable
    const slots = availability(
      view,
      [visit({ code: 'A', start: '2026-12-04T08:30:00.000Z' })],
      { from: '2026-12-04', to: '2026-12-07', serviceId: 'emerytury', side: 'branch' },
      now,
    );
    expect(slots[0]).toMatchObject({ day: '2026-12-04', time: '09:30', capacity: 2, free: 1 });
    expect(slots.filter((s) => s.day === '2026-12-04')).toHaveLength(5);
    expect(slots.filter((s) => s.day === '2026-12-07')).toHaveLength(8);
    expect(slots.every((s) => s.capacity === 2)).toBe(true);
  });

  it('answers 30 days for one service quickly (the bench prints the p99)', () => {
    const view = viewOf(morningPlan(25, 50));
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      availability(
        view,
        [],
        { from: '2026-12-01', to: '2026-12-30', serviceId: 'zasilki', side: 'portal' },
        NOW,
      );
      times.push(performance.now() - t);
    }
    // ~2 ms on an idle core; the bound is loose because seven helpers share two cores.
    expect(Math.min(...times)).toBeLessThan(100);
  });
});
