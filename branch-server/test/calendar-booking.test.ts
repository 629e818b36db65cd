import { describe, expect, it } from 'vitest';
import { pesel } from './calendar-people';
import { sharedTestBranch } from './harness';
import { counterIds, weeklyPlan } from './booking-plan';

// Tuesday 2026-12-01 09:00 in Warsaw; the plan offers Wednesday 10:00–10:30 on 14 counters.
const NOW = new Date('2026-12-01T08:00:00Z');
const TEN = '2026-12-02T09:00:00.000Z';
const plan = weeklyPlan({
  weekdays: [3],
  from: '10:00',
  to: '10:30',
  counters: counterIds('s', 14, 2),
});

const b = sharedTestBranch({ now: () => NOW });

describe('calendar booking at the branch', () => {
  it('refuses to book before a plan exists: 409 closed', async () => {
    const kiosk = await b.device('kiosk');
    const r = await b.api('POST', '/api/v1/calendar/visits', kiosk, {
      serviceId: 'emerytury',
      start: TEN,
      pesel: pesel(1),
    });
    expect(r.status).toBe(409);
    expect(r.body.details.reason).toBe('closed');
  });

  it('saves the plan and lists the slot with its capacity', async () => {
    const manager = await b.login('kierownik');
    const put = await b.api('PUT', '/api/v1/manager/calendar/plan', manager, { plan });
    expect(put.status).toBe(200);
    expect(put.body.stranded).toEqual([]);
    const got = await b.api('GET', '/api/v1/manager/calendar/plan', manager);
    expect(got.body.plan.blocks).toHaveLength(14);
    const slots = await b.api(
      'GET',
      '/api/v1/calendar/slots?serviceId=emerytury&from=2026-12-01&to=2026-12-07',
      manager,
    );
    expect(slots.status).toBe(200);
    expect(slots.body.slots).toEqual([
      {
        start: TEN,
        day: '2026-12-02',
        time: '10:00',
        serviceId: 'emerytury',
        capacity: 14,
        free: 14,
      },
    ]);
  });

  it('refuses an invalid PESEL (30 February 1859) with 400 before booking', async () => {
    const kiosk = await b.device('kiosk');
    const r = await b.api('POST', '/api/v1/calendar/visits', kiosk, {
      serviceId: 'emerytury',
      start: TEN,
      pesel: '59823015184',
    });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).not.toContain('59823015184');
  });

  it('races 200 bookings from kiosk, desk and manager for the last 10 places: 10 booked, 190 × 409 full', async () => {
    const kiosk = await b.device('kiosk');
    const clerk = await b.login('urzednik1');
    const manager = await b.login('kierownik');
    for (let i = 0; i < 4; i++) {
      const r = await b.api('POST', '/api/v1/calendar/visits', clerk, {
        serviceId: 'emerytury',
        start: TEN,
        pesel: pesel(1000 + i),
      });
      expect(r.status).toBe(201);
    }
    const tokens = [kiosk, clerk, manager];
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        b.api('POST', '/api/v1/calendar/visits', tokens[i % 3], {
          serviceId: 'emerytury',
          start: TEN,
          pesel: pesel(i),
        }),
      ),
    );
    const ok = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status !== 201);
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(190);
    for (const r of refused)
      expect([r.status, r.body.code, r.body.details?.reason]).toEqual([409, 'CONFLICT', 'full']);
    expect(new Set(ok.map((a) => a.body.visit.code)).size).toBe(10);
    expect(new Set(ok.map((a) => a.body.visit.channel)).size).toBeGreaterThan(1);
    const slots = await b.api(
      'GET',
      '/api/v1/calendar/slots?serviceId=emerytury&from=2026-12-02&to=2026-12-02',
      manager,
    );
    expect(slots.body.slots[0]).toMatchObject({ capacity: 14, free: 0 });
    const stored = b.server.db
      .prepare(`SELECT COUNT(*) AS n FROM calendar_visits WHERE start = ? AND status = 'booked'`)
      .get(TEN) as { n: number };
    expect(stored.n).toBe(14);
  }, 60_000);

  it('applies the rules per person: a 4th visit a day and a visit too close are 409', async () => {
    const clerk = await b.login('urzednik2');
    const manager = await b.login('kierownik');
    const morning = {
      ...plan,
      blocks: plan.blocks.map((x) => ({ ...x, from: '08:00', to: '12:00' })),
    };
    expect(
      (await b.api('PUT', '/api/v1/manager/calendar/plan', manager, { plan: morning })).status,
    ).toBe(200);
    const p = pesel(777);
    const at = (h: number, m = 0) => new Date(Date.UTC(2026, 11, 2, h - 1, m)).toISOString();
    const book = (start: string) =>
      b.api('POST', '/api/v1/calendar/visits', clerk, { serviceId: 'emerytury', start, pesel: p });
    expect((await book(at(8))).status).toBe(201);
    expect((await book(at(8, 30))).body.details.reason).toBe('gap');
    expect((await book(at(9))).status).toBe(201);
    expect((await book(at(11))).status).toBe(201);
    expect((await book(at(10))).body.details.reason).toBe('daily-limit');
  });
});
