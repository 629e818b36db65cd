import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBranch, TEST_PASSWORD, type TestBranch } from '../branch-server/test/harness';
import { strandedVisits } from '../branch-server/src/domain/calendar';
import { demoCalendarPlan, seedDemoCalendar } from './demo-calendar';

let b: TestBranch;
beforeAll(async () => {
  b = await startTestBranch();
});
afterAll(async () => {
  await b?.close();
});

const dayAhead = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('demo calendar (npm start)', () => {
  it('gives every demo service a counter that takes its booked visits on weekdays', () => {
    const plan = demoCalendarPlan();
    const served = new Set(plan.blocks.flatMap((x) => x.serviceIds));
    expect([...served].sort()).toEqual(
      [
        'dokumenty',
        'emerytury',
        'ogolne',
        'orzecznictwo',
        'pue-profil',
        'skladki',
        'ubezpieczenia',
        'zasilki',
      ].sort(),
    );
    expect(new Set(plan.blocks.map((x) => x.weekday))).toEqual(new Set([1, 2, 3, 4, 5]));
  });

  it('keeps a place for visits the portal stand-in booked before the plan existed', () => {
    // Its demo client has a 'skladki' visit (two counters take those) at 10:00 on a workday;
    // every half hour of a week is tried, since the walk-in counters would rotate by slot.
    const now = new Date('2026-12-06T12:00:00Z');
    const visits = Array.from({ length: 5 * 16 }, (_, i) => ({
      code: `V${String(i)}`,
      personKey: 'k',
      serviceId: 'skladki',
      start: new Date(Date.UTC(2026, 11, 7 + Math.floor(i / 16), 7, 30 * (i % 16))).toISOString(),
      side: 'portal' as const,
      channel: 'portal' as const,
      status: 'booked' as const,
      bookedAt: '2026-12-06T10:00:00.000Z',
    }));
    expect(strandedVisits(demoCalendarPlan(), 'Europe/Warsaw', visits, now)).toEqual([]);
  });

  it('saves the plan once, after which the kiosk is offered free places', async () => {
    const kiosk = await b.device('kiosk');
    const slots = async () =>
      (
        await b.api(
          'GET',
          `/api/v1/calendar/slots?serviceId=emerytury&from=${dayAhead(1)}&to=${dayAhead(8)}`,
          kiosk,
        )
      ).body.slots as { free: number }[];
    // A fresh demo branch has no plan: nothing to book (what the kiosk showed before).
    expect(await slots()).toEqual([]);
    expect(await seedDemoCalendar(b.url, TEST_PASSWORD)).toBe(true);
    expect((await slots()).some((s) => s.free > 0)).toBe(true);
    // A plan is there now (the manager's, or this one): never replaced.
    expect(await seedDemoCalendar(b.url, TEST_PASSWORD)).toBe(false);
  });
});
