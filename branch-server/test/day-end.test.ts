import { describe, expect, it } from 'vitest';
import { sharedTestBranch } from './harness';

// The server's clock, moved from day 1 to day 2 (Warsaw time; UTC+1 in December).
let clock = new Date('2026-12-01T09:00:00Z');
const b = sharedTestBranch({ now: () => clock });

async function signIn(username: string): Promise<string> {
  const r = await b.tryLogin(username);
  return r.body.token as string;
}

describe('the branch day (real server, moved clock)', () => {
  it('ends by the manager: counters closed, leftovers resolved, nothing of day 1 showable on day 2', async () => {
    const kiosk = await b.device('kiosk');
    const clerk = await signIn('urzednik12');
    const issue = () => b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'ogolne' });
    const day1 = [await issue(), await issue(), await issue()];
    expect(day1.map((r) => r.body.number)).toEqual(['H001', 'H002', 'H003']);
    expect((await b.api('POST', '/api/v1/counters/12/open', clerk)).status).toBe(200);
    const called = await b.api('POST', '/api/v1/counters/12/call-next', clerk);
    expect(called.body.ticket.number).toBe('H001');

    // A clerk may not end the day; a manager may.
    expect((await b.api('POST', '/api/v1/manager/end-day', clerk)).status).toBe(403);
    clock = new Date('2026-12-01T17:30:00Z');
    const manager = await signIn('kierownik');
    const ended = await b.api('POST', '/api/v1/manager/end-day', manager);
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ closedCounters: 1, resolvedTickets: 3 });

    // The day is over: a walk-in is refused (nobody would call it), with the nearest visit.
    const late = await issue();
    expect(late.status).toBe(409);
    expect(late.body.details).toMatchObject({ reason: 'walk-in-cutoff', cutoff: 'ended' });

    const snap1 = (await b.api('GET', '/api/v1/queue', manager)).body;
    expect(snap1.recentCalls).toEqual([]);
    expect(snap1.counters.every((c: { state: string }) => c.state === 'closed')).toBe(true);
    expect(snap1.lines.reduce((n: number, l: { waiting: number }) => n + l.waiting, 0)).toBe(0);
    const events = b.branch.eventsSince(0, 10_000);
    const outcomes = events
      .filter((e) => e.actor === 'system:end-of-day' || e.actor === 'user:kierownik')
      .filter((e) => e.ticket)
      .map((e) => [e.ticket!.number, e.type]);
    expect(outcomes).toEqual([
      ['H001', 'ticket.expired'],
      ['H002', 'ticket.expired'],
      ['H003', 'ticket.expired'],
    ]);

    // Day 2: numbering restarts, and no H001 of yesterday is on any screen.
    clock = new Date('2026-12-02T07:30:00Z');
    const clerk2 = await signIn('urzednik12');
    const first = await issue();
    expect(first.body.number).toBe('H001');
    expect((await b.api('POST', '/api/v1/counters/12/open', clerk2)).status).toBe(200);
    const c = await b.api('POST', '/api/v1/counters/12/call-next', clerk2);
    expect(c.body.ticket.id).toBe(first.body.id);
    const snap2 = (await b.api('GET', '/api/v1/queue', await signIn('kierownik'))).body;
    const shown = snap2.recentCalls.map((t: { number: string }) => t.number);
    expect(shown).toEqual(['H001']);
    expect(new Set(shown).size).toBe(shown.length);
  });

  it('a server that missed the close ends the earlier day first', async () => {
    // The harness's cached admin token expired with the moved clock: pair with a fresh one.
    const paired = await b.api('POST', '/api/v1/devices', await signIn('admin'), {
      kind: 'kiosk',
      name: 'kiosk day 2',
    });
    const kiosk = paired.body.token as string;
    const left = await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'skladki' });
    expect(left.status).toBe(201);
    // The next morning, as if the server had been off at the close.
    clock = new Date('2026-12-03T07:00:00Z');
    const stop = b.branch.scheduleEndOfDay({ everyMs: 60_000 });
    stop();
    const t = b.branch.ticket(left.body.id);
    expect(t.state).toBe('expired');
    expect(b.branch.counters().every((x) => x.state === 'closed')).toBe(true);
    // It ended the 2nd, not today: today's walk-ins are not refused as after an ended day.
    const ended = b.query<{ value: string }>(`SELECT value FROM settings WHERE key = 'day-ended'`);
    expect(ended).toEqual([{ value: '2026-12-01' }]);
  });

  it('a visit booked for a day the branch was off for is recorded as missed at start; today stays open', async () => {
    const manager = await signIn('kierownik');
    // Booked for 10:00 on 4 December; the branch is off from the 3rd to the morning of the 7th.
    clock = new Date('2026-12-03T10:00:00Z');
    const booked = await b.api('POST', '/api/v1/bookings', manager, {
      code: 'WEEKEND1',
      serviceId: 'ogolne',
      bookedFor: '2026-12-04T09:00:00Z',
    });
    expect(booked.status).toBe(201);
    clock = new Date('2026-12-07T08:00:00Z');
    const clerk = await signIn('urzednik12');
    expect((await b.api('POST', '/api/v1/counters/12/open', clerk)).status).toBe(200);
    const noShows = () =>
      b.branch
        .eventsSince(0, 100_000)
        .filter((e) => e.type === 'booking.no-show' && e.booking?.code === 'WEEKEND1');
    expect(noShows()).toHaveLength(0);
    // No ticket of an earlier day is left, so no close was missed: only the visit is recorded.
    b.branch.scheduleEndOfDay({ everyMs: 60_000 })();
    expect(noShows()).toHaveLength(1);
    expect(b.branch.counters().find((c) => c.id === 12)?.state).toBe('open');
    // A second start records it no second time.
    b.branch.scheduleEndOfDay({ everyMs: 60_000 })();
    expect(noShows()).toHaveLength(1);
  });
});
