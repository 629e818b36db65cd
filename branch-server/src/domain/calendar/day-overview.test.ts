import { describe, expect, it } from 'vitest';
import { morningPlan, viewOf, visit } from './calendar-fixtures';
import { dayOverview } from './day-overview';

describe('dayOverview', () => {
  // Tuesday 1 December 2026: 08:00 local is 07:00Z.
  const day = '2026-12-01';
  const at8 = '2026-12-01T07:00:00.000Z';

  it('lists every slot with counters by holder and booked against capacity per service', () => {
    const visits = [
      visit({ code: 'A1', start: at8 }),
      visit({ code: 'A2', start: at8, side: 'portal', channel: 'portal' }),
      visit({ code: 'A3', start: at8, serviceId: 'skladki' }),
      visit({ code: 'A4', start: at8, status: 'cancelled' }),
    ];
    const slots = dayOverview(viewOf(morningPlan(25, 50)), visits, day);
    expect(slots).toHaveLength(8);
    const first = slots[0]!;
    expect(first.time).toBe('08:00');
    expect(first.walkIn + first.branch + first.portal).toBe(4);
    expect(first.walkIn).toBe(1);
    const load = Object.fromEntries(first.services.map((s) => [s.serviceId, s]));
    expect(Object.keys(load)).toEqual(['emerytury', 'skladki', 'zasilki']);
    expect(load.emerytury!.booked).toBe(2);
    expect(load.skladki!.booked).toBe(1);
    expect(load.zasilki!.booked).toBe(0);
    // Capacity counts the three bookable counters only, whichever one is the walk-in counter.
    for (const s of first.services) expect(s.capacity).toBeLessThanOrEqual(3);
    expect(slots[1]!.services.every((s) => s.booked === 0)).toBe(true);
  });

  it('gives no slot on a day the plan has none', () => {
    expect(dayOverview(viewOf(morningPlan()), [], '2026-12-05')).toEqual([]);
  });
});
