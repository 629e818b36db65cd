import { describe, expect, it } from 'vitest';
import { sharedTestBranch } from './harness';

// Walk-ins when the day is full (issue 14) over HTTP: Tuesday 1 December 2026, 15:20 in Warsaw;
// pensions take walk-ins 08:00–16:00. Tickets are issued until the predicted call of the next
// walk-in passes 16:00; then the kiosk gets 409 `walk-in-cutoff` with Wednesday's 10:00 slot,
// the manager sees the cut-off and reopens the service (audited), and the public status says so.

let now = new Date('2026-12-01T14:20:00Z');
const b = sharedTestBranch({ now: () => now });
/** Moves the clock past the public status's few seconds of caching. */
const tick = () => (now = new Date(now.getTime() + 10_000));

const plan = {
  blocks: [1, 2].map((c) => ({
    weekday: 3,
    from: '10:00',
    to: '10:30',
    counterId: `c${String(c)}`,
    serviceIds: ['emerytury', 'zasilki'],
  })),
  walkInSharePercent: 0,
  portalSharePercent: 0,
};

describe('walk-in cut-off', () => {
  it('refuses a walk-in whose call would pass closing time, offering the nearest slot', async () => {
    const admin = await b.login('admin');
    const manager = await b.login('kierownik');
    const kiosk = await b.device('kiosk');
    const cfg = (await b.api('GET', '/api/v1/config', admin)).body;
    const pensions = cfg.services.find((s: { id: string }) => s.id === 'emerytury');
    const hours = { days: [1, 2, 3, 4, 5], from: '08:00', to: '16:00' };
    expect(
      (
        await b.api('PUT', '/api/v1/config/services/emerytury', admin, {
          ...pensions,
          openingHours: hours,
        })
      ).status,
    ).toBe(200);
    expect((await b.api('PUT', '/api/v1/manager/calendar/plan', manager, { plan })).status).toBe(
      200,
    );

    let refused: { status: number; body: any } | undefined;
    let issued = 0;
    for (let i = 0; i < 60 && !refused; i += 1) {
      const r = await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'emerytury' });
      if (r.status === 201) issued += 1;
      else refused = r;
    }
    expect(issued).toBeGreaterThan(0);
    expect(refused?.status).toBe(409);
    expect(refused?.body.details).toMatchObject({
      reason: 'walk-in-cutoff',
      serviceId: 'emerytury',
      cutoff: 'closing',
      nextSlot: { start: '2026-12-02T09:00:00.000Z', day: '2026-12-02', time: '10:00', free: 2 },
    });
    expect(refused?.body.message).toBe('Na dziś brak miejsc w kolejce do tej sprawy');

    const list = await b.api('GET', '/api/v1/manager/walk-in-cutoffs', manager);
    const c = list.body.services.find((s: { serviceId: string }) => s.serviceId === 'emerytury');
    expect(c).toMatchObject({ cut: true, reason: 'closing', reopened: false });
    expect(Date.parse(c.predictedServedAt)).toBeGreaterThan(Date.parse(c.closesAt));
    expect(c.walkInsToday).toBe(issued);
    tick();
    const status = await b.api('GET', '/api/v1/public/status');
    const pub = status.body.services.find(
      (s: { serviceId: string }) => s.serviceId === 'emerytury',
    );
    expect(pub.walkInsClosedToday).toBe(true);
    // Other services still take walk-ins, and the clerk may not see the manager's view.
    expect((await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'zasilki' })).status).toBe(
      201,
    );
    const clerk = await b.login('urzednik1');
    expect((await b.api('GET', '/api/v1/manager/walk-in-cutoffs', clerk)).status).toBe(403);
  });

  it('the manager reopens the service for today: audited, tickets again, public status open', async () => {
    const manager = await b.login('kierownik');
    const admin = await b.login('admin');
    const kiosk = await b.device('kiosk');
    const r = await b.api('POST', '/api/v1/manager/walk-in-cutoffs/emerytury/reopen', manager, {});
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      serviceId: 'emerytury',
      cut: false,
      reopened: true,
      reason: 'closing',
    });
    expect((await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'emerytury' })).status).toBe(
      201,
    );
    const audit = await b.api('GET', '/api/v1/config/audit', admin);
    expect(audit.body.entries[0]).toMatchObject({
      actor: 'user:kierownik',
      entity: 'service',
      entityId: 'emerytury',
      diff: { walkInsReopenedToday: { before: null, after: 'true' } },
    });
    tick();
    const status = await b.api('GET', '/api/v1/public/status');
    const pub = status.body.services.find(
      (s: { serviceId: string }) => s.serviceId === 'emerytury',
    );
    expect(pub.walkInsClosedToday).toBe(false);
    // Withdrawn: cut off again.
    await b.api('POST', '/api/v1/manager/walk-in-cutoffs/emerytury/reopen', manager, {
      open: false,
    });
    expect((await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'emerytury' })).status).toBe(
      409,
    );
  });

  it('a used-up daily pool refuses walk-ins of the service (reason pool)', async () => {
    const manager = await b.login('kierownik');
    const kiosk = await b.device('kiosk');
    const list = await b.api('GET', '/api/v1/manager/walk-in-cutoffs', manager);
    const today = list.body.services.find((s: { serviceId: string }) => s.serviceId === 'zasilki');
    const pool = await b.api('PUT', '/api/v1/manager/walk-in-cutoffs/zasilki/pool', manager, {
      dailyPool: today.walkInsToday + 1,
    });
    expect(pool.body).toMatchObject({ cut: false, dailyPool: today.walkInsToday + 1 });
    expect((await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'zasilki' })).status).toBe(
      201,
    );
    const r = await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'zasilki' });
    expect(r.status).toBe(409);
    expect(r.body.details).toMatchObject({ reason: 'walk-in-cutoff', cutoff: 'pool' });
  });
});
