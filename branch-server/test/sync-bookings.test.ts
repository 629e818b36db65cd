import { afterEach, describe, expect, it } from 'vitest';
import type { PueBooking } from '@skr/protocol';
import { counterIds, weeklyPlan } from './booking-plan';
import { until, type TestBranch } from './harness';
import { BRANCH_ID, startPortal, startSyncedBranch, untilDrained } from './sync-harness';

// Monday 10 March 2025, 09:00 in Warsaw; portal and branch share the clock.
let clock = new Date('2025-03-10T08:00:00Z').getTime();
const now = () => new Date(clock);
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function setup(pullIntervalMs?: number) {
  clock = new Date('2025-03-10T08:00:00Z').getTime();
  const pue = await startPortal(now);
  cleanup.push(() => pue.stop());
  const b = await startSyncedBranch(pue, { now }, pullIntervalMs);
  cleanup.push(() => b.close());
  return { pue, b, kiosk: await b.device('kiosk') };
}

type Cached = { code: string; status: string; booked_for: string; service_id: string };
function cached(b: TestBranch, code: string): Cached | undefined {
  return b.server.db.prepare(`SELECT * FROM bookings WHERE code = ?`).get(code) as
    Cached | undefined;
}
/** The types of the logged events about booking `code`, in log order. */
function logged(b: TestBranch, code: string): string[] {
  return (
    b.server.db
      .prepare(
        `SELECT type FROM events WHERE json_extract(payload, '$.booking.code') = ? ORDER BY seq`,
      )
      .all(code) as { type: string }[]
  ).map((r) => r.type);
}
const book = (
  pue: Awaited<ReturnType<typeof startPortal>>,
  time: string,
  date = '2025-03-10',
): PueBooking =>
  pue.createBooking({ branchId: BRANCH_ID, serviceId: 'emerytury', date, time, pesel: null });

describe('bookings pull', () => {
  it('caches today and later, checks in from the cache with the portal down, follows cancellations and rebookings', async () => {
    const { pue, b, kiosk } = await setup();
    const early = book(pue, '08:45'); // within the 15 min check-in stays open after the time
    const later = book(pue, '11:00', '2025-03-12');
    const past = book(pue, '10:00', '2025-03-07');
    const toCancel = book(pue, '12:00');
    const toMove = book(pue, '13:00');
    await b.server.sync.pullNow();
    expect(cached(b, early.code)?.status).toBe('booked');
    expect(cached(b, later.code)?.booked_for).toBe(later.startsAt);
    expect(cached(b, past.code)).toBeUndefined();

    pue.cancelBooking(toCancel.id);
    const moved = pue.rebookBooking(toMove.id, { date: '2025-03-11', time: '09:15' });
    await b.server.sync.pullNow();
    expect(cached(b, toCancel.code)?.status).toBe('cancelled');
    expect(cached(b, toMove.code)?.booked_for).toBe(moved.startsAt);
    // The pull writes through the branch's pipeline: each change is an event in its log.
    expect(logged(b, toCancel.code)).toEqual(['booking.created', 'booking.cancelled']);
    expect(logged(b, toMove.code)).toEqual(['booking.created', 'booking.rebooked']);
    expect(logged(b, past.code)).toEqual([]);

    pue.faults.set({ down: true });
    await expect(b.server.sync.pullNow()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    const checkIn = await b.api('POST', '/api/v1/tickets', kiosk, { bookingCode: early.code });
    expect(checkIn.status).toBe(201);
    expect(checkIn.body.serviceId).toBe('emerytury');
    const refused = await b.api('POST', '/api/v1/tickets', kiosk, { bookingCode: toCancel.code });
    expect(refused.status).toBe(409);
    const manager = await b.login('kierownik');
    const st = (await b.api('GET', '/api/v1/sync/status', manager)).body;
    expect(st.bookings.lastError).toMatch(/portal/);
    expect(Number(st.bookings.cursor)).toBeGreaterThan(0);
    pue.faults.clear();
  });

  it('stays consistent with the portal through random cancellations, rebookings and lost answers', async () => {
    const { pue, b } = await setup();
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const live: PueBooking[] = [];
    const all = new Map<string, PueBooking>();
    const slot = () => ({
      date: `2025-03-1${1 + Math.floor(rnd() * 4)}`,
      time: `${String(8 + Math.floor(rnd() * 9)).padStart(2, '0')}:${['00', '15', '30', '45'][Math.floor(rnd() * 4)]}`,
    });
    for (let step = 0; step < 300; step += 1) {
      const r = rnd();
      if (r < 0.4 || live.length === 0) {
        const s = slot();
        const bk = pue.createBooking({ branchId: BRANCH_ID, serviceId: 'zasilki', ...s });
        live.push(bk);
        all.set(bk.code, bk);
      } else if (r < 0.6) {
        const [bk] = live.splice(Math.floor(rnd() * live.length), 1);
        all.set(bk!.code, pue.cancelBooking(bk!.id));
      } else {
        const i = Math.floor(rnd() * live.length);
        const bk = pue.rebookBooking(live[i]!.id, slot());
        live[i] = bk;
        all.set(bk.code, bk);
      }
      if (step % 37 === 0) {
        // Some pulls lose their answer: the page is applied again later, harmlessly.
        pue.faults.set({ dropResponses: step % 74 === 0 });
        await b.server.sync.pullNow().catch(() => undefined);
        pue.faults.clear();
      }
    }
    await b.server.sync.pullNow();
    expect(all.size).toBeGreaterThan(100);
    for (const bk of all.values()) {
      const c = cached(b, bk.code);
      expect(c?.status).toBe(bk.status);
      expect(c?.booked_for).toBe(bk.startsAt);
    }
  });

  it('pages through a large feed', async () => {
    // No background pull during the test: one pullNow must walk all three pages.
    const { pue, b } = await setup(3_600_000);
    await until(() => b.server.sync.status().bookings.lastPullAt !== null);
    for (let i = 0; i < 1100; i += 1) book(pue, '10:00', '2025-03-14');
    expect(await b.server.sync.pullNow()).toBe(1100);
    expect(await b.server.sync.pullNow()).toBe(0);
  });
});

describe('visit outcomes and daily statistics', () => {
  it('reports done and no-show once each, keeps a checked-in client whose booking was cancelled online', async () => {
    const { pue, b, kiosk } = await setup();
    // Both within their check-in window at 09:00 (15 min late at most).
    const served = book(pue, '08:45');
    const absent = book(pue, '09:00');
    await b.server.sync.pullNow();
    const t1 = (await b.api('POST', '/api/v1/tickets', kiosk, { bookingCode: served.code })).body;
    const t2 = (await b.api('POST', '/api/v1/tickets', kiosk, { bookingCode: absent.code })).body;
    // Cancelled online after the client checked in: the ticket stays in the line.
    pue.cancelBooking(served.id);
    await b.server.sync.pullNow();
    expect(cached(b, served.code)?.status).toBe('checked-in');
    expect(b.branch.ticket(t1.id).state).toBe('waiting');

    pue.faults.set({ dropResponses: true });
    b.branch.openCounter(1, 'urzednik1', 'user:urzednik1');
    const calls: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      clock += 60_000;
      const c = b.branch.callNext(1, 'user:urzednik1')!;
      calls.push(c.id);
      if (c.id === t1.id) {
        b.branch.act(c.id, 'start', 'user:urzednik1');
        clock += 5 * 60_000;
        b.branch.act(c.id, 'finish', 'user:urzednik1');
      } else b.branch.act(c.id, 'no-show', 'user:urzednik1');
    }
    expect(calls.sort()).toEqual([t1.id, t2.id].sort());
    await until(() => pue.visitOutcomes().length === 2 && pue.deliveries().replays >= 2, 10_000);
    pue.faults.clear();
    await untilDrained(b);
    const outcomes = pue.visitOutcomes().map((o) => o.body as Record<string, unknown>);
    expect(outcomes).toHaveLength(2);
    expect(outcomes.find((o) => o.bookingCode === served.code)).toMatchObject({
      outcome: 'done',
      ticketNumber: t1.number,
      bookingCancelledCentrally: true,
    });
    expect(outcomes.find((o) => o.bookingCode === absent.code)).toMatchObject({
      outcome: 'no-show',
      bookingCancelledCentrally: false,
    });
  });

  it('reports a visit a late client replaced by a later one today as rebooked, not a no-show', async () => {
    const { pue, b, kiosk } = await setup();
    const missed = book(pue, '09:00');
    await b.server.sync.pullNow();
    const manager = await b.login('kierownik');
    // Every weekday and service, so the portal's other visits of the week keep their places.
    const plan = weeklyPlan(
      { weekdays: [1, 2, 3, 4, 5], from: '08:00', to: '16:00', counters: counterIds('c', 8) },
      b.branch.services().map((svc) => svc.id),
    );
    const put = await b.api('PUT', '/api/v1/manager/calendar/plan', manager, { plan });
    expect(put.status).toBe(200);
    // 09:30: past the 15-minute window; the client takes 11:00 today at the kiosk.
    clock = new Date('2025-03-10T08:30:00Z').getTime();
    const taken = await b.api('POST', '/api/v1/calendar/late-arrivals', kiosk, {
      bookingCode: missed.code,
      start: '2025-03-10T10:00:00.000Z',
    });
    expect(taken.status).toBe(201);
    await b.server.sync.pullNow();
    await untilDrained(b);
    const outcomes = pue.visitOutcomes().map((o) => o.body as Record<string, unknown>);
    expect(outcomes).toEqual([
      expect.objectContaining({
        bookingCode: missed.code,
        outcome: 'rebooked',
        rebookedAs: taken.body.visit.code,
        ticketNumber: null,
      }),
    ]);
  });

  it('sends a closed day’s statistics once the day is over', async () => {
    const { pue, b, kiosk } = await setup();
    for (let i = 0; i < 3; i += 1)
      await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'zasilki' });
    await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'emerytury' });
    await b.server.sync.pullNow();
    expect(pue.dailyStats()).toHaveLength(0);
    clock += 24 * 3600_000;
    await b.server.sync.pullNow();
    // Not before the day is closed: its leftovers still wait, so its numbers are not final.
    expect(pue.dailyStats()).toHaveLength(0);
    // The next morning's check finds the missed close and ends day 1 (leftovers expire).
    b.branch.scheduleEndOfDay({ everyMs: 60_000 })();
    await b.server.sync.pullNow();
    await untilDrained(b);
    const reports = pue.dailyStats();
    expect(reports).toHaveLength(1);
    expect(reports[0]!.idempotencyKey).toBe('stats:2025-03-10');
    const body = reports[0]!.body as {
      day: string;
      services: { serviceId: string; issued: number; expired: number }[];
    };
    expect(body.day).toBe('2025-03-10');
    expect(body.services.map((s) => [s.serviceId, s.issued, s.expired])).toEqual([
      ['emerytury', 1, 1],
      ['zasilki', 3, 3],
    ]);
  });
});
