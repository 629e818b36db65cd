import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { generateHistory } from '../bench/stats-queries';
import { statsReport } from '../src/stats/stats-report';
import { catalogRepo, openDatabase } from '../src/store';
import { sharedTestBranch, startTestBranch } from './harness';

// A controllable clock: 2026-03-10 09:00 in Warsaw (UTC+1).
const START = Date.parse('2026-03-10T08:00:00Z');
let clock = START;
const advance = (minutes: number) => (clock += minutes * 60_000);

const b = sharedTestBranch({ now: () => new Date(clock) });

describe('statistics of a day kept by the triggers', () => {
  it('counts issued, served, no-shows, bookings and waits per service, counter, clerk and hour', async () => {
    // A branch and a clock per attempt: CI's retry would count the first attempt's day as well.
    clock = START;
    const b = await startTestBranch({ now: () => new Date(clock) });
    onTestFinished(() => b.close());
    const admin = await b.login('admin');
    const clerk = await b.login('urzednik1');
    const manager = await b.login('kierownik');
    const kiosk = await b.device('kiosk');
    const issue = async (body: object) =>
      (await b.api('POST', '/api/v1/tickets', kiosk, body)).body;
    await b.api('POST', '/api/v1/bookings', admin, {
      code: 'KEPT001',
      serviceId: 'emerytury',
      bookedFor: new Date(clock + 5 * 60_000).toISOString(),
    });
    await b.api('POST', '/api/v1/bookings', admin, {
      code: 'MISSED01',
      serviceId: 'emerytury',
      bookedFor: new Date(clock + 10 * 60_000).toISOString(),
    });
    await b.api('POST', '/api/v1/counters/1/open', clerk);
    const t1 = await issue({ serviceId: 'emerytury' });
    advance(1);
    const t2 = await issue({ serviceId: 'emerytury' });
    const t3 = await issue({ serviceId: 'zasilki' });
    await b.api('POST', `/api/v1/tickets/${t3.ticket?.id ?? t3.id}/cancel`, clerk);
    advance(9); // 09:10: t1 has waited 10 min
    const c1 = await b.api('POST', '/api/v1/counters/1/call-next', clerk);
    expect(c1.body.ticket.number).toBe((t1.ticket ?? t1).number);
    await b.api('POST', `/api/v1/tickets/${c1.body.ticket.id}/start`, clerk);
    advance(6);
    await b.api('POST', `/api/v1/tickets/${c1.body.ticket.id}/finish`, clerk);
    const c2 = await b.api('POST', '/api/v1/counters/1/call-next', clerk); // t2 waited 15 min
    expect(c2.body.ticket.number).toBe((t2.ticket ?? t2).number);
    await b.api('POST', `/api/v1/tickets/${c2.body.ticket.id}/no-show`, clerk);
    // The booked client comes (booked 09:05, now 09:16: within the window) and is served.
    const kept = await issue({ bookingCode: 'KEPT001' });
    expect(kept.ticket ?? kept).toBeTruthy();
    const c3 = await b.api('POST', '/api/v1/counters/1/call-next', clerk);
    await b.api('POST', `/api/v1/tickets/${c3.body.ticket.id}/start`, clerk);
    advance(3);
    await b.api('POST', `/api/v1/tickets/${c3.body.ticket.id}/finish`, clerk);
    advance(30); // the missed booking's late window (15 min) is over

    const r = await b.api('GET', '/api/v1/manager/stats?period=day&date=2026-03-10', manager);
    expect(r.status).toBe(200);
    const s = r.body;
    expect(s.total).toMatchObject({
      issued: 4,
      served: 2,
      noShows: 1,
      cancelled: 1,
      expired: 0,
      bookingsKept: 1,
      bookingsMissed: 1,
    });
    const em = s.byService.find((x: any) => x.key === 'emerytury');
    expect(em).toMatchObject({
      issued: 3,
      served: 2,
      noShows: 1,
      bookingsKept: 1,
      bookingsMissed: 1,
    });
    // Waits: t1 10 min, t2 15 min, the booking 11 min (from its booked time 09:05 to 09:16).
    expect(em.wait.n).toBe(3);
    expect(em.wait.mean).toBeCloseTo(12, 1);
    expect(em.wait.median).toBeGreaterThanOrEqual(11);
    expect(em.wait.median).toBeLessThanOrEqual(12);
    expect(em.service).toMatchObject({ n: 2, mean: 4.5 });
    expect(s.byCounter).toEqual([
      expect.objectContaining({ key: '1', label: 'Stanowisko 1', served: 2, noShows: 1 }),
    ]);
    expect(s.byClerk).toEqual([
      expect.objectContaining({ key: 'urzednik1', served: 2, noShows: 1 }),
    ]);
    // Everything arrived between 9:00 and 9:16 local time.
    expect(s.byHour[9].issued).toBe(4);
    expect(s.byHour.reduce((n: number, h: any) => n + h.issued, 0)).toBe(4);
    expect(
      (await b.api('GET', '/api/v1/manager/stats?period=week&date=2026-03-12', manager)).body.total
        .served,
    ).toBe(2);
    expect(
      (await b.api('GET', '/api/v1/manager/stats?period=month&date=2026-03-31', manager)).body.total
        .wait.n,
    ).toBe(3);
    expect(
      (await b.api('GET', '/api/v1/manager/stats?period=day&date=2026-03-11', manager)).body.total
        .issued,
    ).toBe(0);
  });

  it('is for managers and admins only, and checks its query', async () => {
    expect(
      (await b.api('GET', '/api/v1/manager/stats?date=2026-03-10', await b.login('urzednik2')))
        .status,
    ).toBe(403);
    expect((await b.api('GET', '/api/v1/manager/stats?date=2026-03-10')).status).toBe(401);
    const m = await b.login('kierownik');
    expect((await b.api('GET', '/api/v1/manager/stats?date=10.03.2026', m)).status).toBe(400);
    expect(
      (await b.api('GET', '/api/v1/manager/stats?date=2026-03-10&period=year', m)).status,
    ).toBe(400);
  });
});

describe('statistics against the raw tickets of a generated history', () => {
  const dir = mkdtempSync(join(tmpdir(), 'skr-stats-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has exact counts and means, and medians and 90th percentiles within one minute', () => {
    // A folder per attempt: CI's retry would generate the history a second time into one file.
    const db = openDatabase(join(mkdtempSync(join(dir, 'attempt-')), 'h.sqlite'));
    try {
      db.pragma('synchronous = OFF');
      const days = generateHistory(db, 30_000, new Date('2026-03-02T12:00:00Z'));
      const catalog = catalogRepo(db);
      const month = days.at(-1)!.slice(0, 7);
      const base = {
        now: new Date('2026-03-02T12:00:00Z'),
        settings: catalog.settings(),
        services: catalog.services(),
        counters: catalog.counters(),
      };
      const report = statsReport(db, { ...base, period: 'month', date: `${month}-01` });
      const raw = db
        .prepare(
          `SELECT service_id AS s, counter_id AS c, clerk AS k, state,
             (julianday(called_at) - julianday(line_at)) * 1440 AS w,
             (julianday(finished_at) - julianday(started_at)) * 1440 AS d
           FROM tickets WHERE day LIKE ?`,
        )
        .all(`${month}-%`) as {
        s: string;
        c: number;
        k: string;
        state: string;
        w: number;
        d: number;
      }[];
      expect(report.total.issued).toBe(raw.length);
      const q = (xs: number[], p: number) =>
        [...xs].sort((a, b) => a - b)[Math.ceil(p * xs.length) - 1]!;
      const check = (row: any, rows: typeof raw) => {
        const waits = rows.filter((r) => r.state !== 'cancelled').map((r) => r.w);
        const durs = rows.filter((r) => r.state === 'done').map((r) => r.d);
        expect(row.served).toBe(durs.length);
        expect(row.wait.n).toBe(waits.length);
        expect(row.wait.mean).toBeCloseTo(waits.reduce((a, x) => a + x, 0) / waits.length, 0);
        expect(Math.abs(row.wait.median - q(waits, 0.5))).toBeLessThanOrEqual(1);
        expect(Math.abs(row.wait.p90 - q(waits, 0.9))).toBeLessThanOrEqual(1);
        expect(Math.abs(row.service.median - q(durs, 0.5))).toBeLessThanOrEqual(1);
        expect(Math.abs(row.service.p90 - q(durs, 0.9))).toBeLessThanOrEqual(1);
      };
      check(report.total, raw);
      for (const row of report.byService)
        check(
          row,
          raw.filter((r) => r.s === row.key),
        );
      for (const row of report.byCounter.slice(0, 5))
        check(
          row,
          raw.filter((r) => String(r.c) === row.key),
        );
      for (const row of report.byClerk.slice(0, 5))
        check(
          row,
          raw.filter((r) => r.k === row.key),
        );
      // The week query reads the daily histograms: the same answers for the same tickets.
      const week = statsReport(db, { ...base, period: 'week', date: days.at(-1)! });
      const inWeek = db
        .prepare(`SELECT COUNT(*) AS n FROM tickets WHERE day BETWEEN ? AND ?`)
        .get(week.from, week.to) as { n: number };
      expect(inWeek.n).toBeGreaterThan(0);
      expect(week.total.issued).toBe(inWeek.n);
      expect(report.tookMs).toBeLessThan(1000);
    } finally {
      db.close();
    }
  });
});
