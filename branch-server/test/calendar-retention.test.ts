import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { counterIds, weeklyPlan } from './booking-plan';
import { pesel } from './calendar-people';
import { sharedTestBranch, startTestBranch, TEST_PASSWORD, type TestBranch } from './harness';

// Retention of a booked visit's person (issue 14): once the visit's day is over, the end of the
// day erases its PESEL hash (the calendar row and the check-in cache row) and keeps what the
// statistics need. Today's visits keep it (late check-in by ID card, per-person rules). The
// clock is injected and moved, nothing sleeps.

let now = new Date('2026-12-01T08:00:00Z'); // Tuesday 09:00 in Warsaw
const TUESDAY = '2026-12-01T10:00:00.000Z'; // 11:00 Warsaw
const WEDNESDAY = '2026-12-02T10:00:00.000Z';
const b = sharedTestBranch({ now: () => now });

interface Row {
  code: string;
  person_key: string;
  service_id: string;
  start: string;
  status: string;
  pesel_hash: string | null;
  cache_status: string | null;
}

/** The calendar rows with their check-in cache row (a second, read-only connection). */
function rows(dir = b.dir): Row[] {
  const db = new Database(join(dir, 'branch.sqlite'), { readonly: true });
  try {
    return db
      .prepare(
        `SELECT v.code, v.person_key, v.service_id, v.start, v.status, k.pesel_hash,
           k.status AS cache_status
         FROM calendar_visits v LEFT JOIN bookings k ON k.code = v.code ORDER BY v.start`,
      )
      .all() as Row[];
  } finally {
    db.close();
  }
}

/** A fresh manager session (a session does not outlive the moved clock). */
async function manager(): Promise<string> {
  const r = await b.api('POST', '/api/v1/auth/login', undefined, {
    username: 'kierownik',
    password: TEST_PASSWORD,
  });
  expect(r.status).toBe(200);
  return r.body.token as string;
}

async function endDay(): Promise<void> {
  expect((await b.api('POST', '/api/v1/manager/end-day', await manager())).status).toBe(200);
}

describe('retention of the person of a booked visit', () => {
  it("erases the PESEL hash of past days' visits at the close and keeps the statistics' fields; the code checks in from an hour before", async () => {
    const plan = weeklyPlan({
      weekdays: [2, 3],
      from: '11:00',
      to: '11:30',
      counters: counterIds('s', 2, 2),
    });
    expect(
      (await b.api('PUT', '/api/v1/manager/calendar/plan', await manager(), { plan })).status,
    ).toBe(200);
    const kiosk = await b.device('kiosk');
    for (const start of [TUESDAY, WEDNESDAY]) {
      const r = await b.api('POST', '/api/v1/calendar/visits', kiosk, {
        serviceId: 'emerytury',
        start,
        pesel: pesel(7),
      });
      expect(r.status).toBe(201);
    }
    const booked = rows();
    expect(booked).toHaveLength(2);
    const key = booked[0]!.person_key;
    expect(key).not.toMatch(/^erased:/);
    expect(key).not.toContain(pesel(7));
    expect(booked.map((r) => [r.person_key, r.pesel_hash])).toEqual([
      [key, key],
      [key, key],
    ]);

    // Tuesday's close: the visit of today (a no-show) keeps its person until its day is over.
    now = new Date('2026-12-01T17:00:00Z');
    await endDay();
    expect(rows().map((r) => r.person_key)).toEqual([key, key]);

    // Wednesday: the slip's code (its QR types it) checks the visit in, from an hour before.
    const wedCode = booked[1]!.code;
    now = new Date('2026-12-02T08:30:00Z');
    const early = await b.api('POST', '/api/v1/tickets', kiosk, { bookingCode: wedCode });
    expect([early.status, early.body.details?.opensAt]).toEqual([409, '2026-12-02T09:00:00.000Z']);
    now = new Date('2026-12-02T09:50:00Z');
    const arrived = await b.api('POST', '/api/v1/tickets', kiosk, { bookingCode: wedCode });
    expect(arrived.status).toBe(201);
    expect(arrived.body.bookedFor).toBe(WEDNESDAY);

    // Wednesday's close: Tuesday's visit forgets its person, Wednesday's keeps it.
    now = new Date('2026-12-02T17:00:00Z');
    await endDay();
    const [tue, wed] = rows();
    expect(tue).toEqual({
      code: booked[0]!.code,
      person_key: `erased:${booked[0]!.code}`,
      service_id: 'emerytury',
      start: TUESDAY,
      status: 'booked',
      pesel_hash: null,
      cache_status: 'booked',
    });
    expect(wed).toMatchObject({ person_key: key, pesel_hash: key, cache_status: 'checked-in' });
    // Nothing of the PESEL or its hash is left for Tuesday anywhere in the two tables.
    expect(JSON.stringify(rows().filter((r) => r.start === TUESDAY))).not.toContain(key);
  });

  it('forgets the persons of every past day at the first start after days without a close', async () => {
    // Booked on Thursday for Thursday, Friday, Monday and Tuesday; the branch is then off (no
    // close at all) until Tuesday morning, when it starts again.
    let clock = new Date('2026-12-03T08:00:00Z'); // Thursday 09:00 in Warsaw
    let branch: TestBranch = await startTestBranch({ now: () => clock });
    const dir = branch.dir;
    try {
      const days = ['2026-12-03', '2026-12-04', '2026-12-07', '2026-12-08'];
      const plan = weeklyPlan({
        weekdays: [1, 2, 4, 5],
        from: '11:00',
        to: '11:30',
        counters: counterIds('s', 2, 2),
      });
      const manager = await branch.login('kierownik');
      expect(
        (await branch.api('PUT', '/api/v1/manager/calendar/plan', manager, { plan })).status,
      ).toBe(200);
      const kiosk = await branch.device('kiosk');
      const codes: string[] = [];
      for (const day of days) {
        const r = await branch.api('POST', '/api/v1/calendar/visits', kiosk, {
          serviceId: 'emerytury',
          start: `${day}T10:00:00.000Z`,
          pesel: pesel(8),
        });
        expect(r.status).toBe(201);
        codes.push(r.body.visit.code as string);
      }
      const key = rows(dir)[0]!.person_key;
      expect(rows(dir).map((r) => r.pesel_hash)).toEqual([key, key, key, key]);
      await branch.close(true);

      clock = new Date('2026-12-08T07:00:00Z'); // Tuesday 08:00: the first start since Thursday
      branch = await startTestBranch({ now: () => clock, dir });
      const after = rows(dir);
      expect(after.map((r) => [r.code, r.person_key, r.pesel_hash])).toEqual([
        [codes[0], `erased:${codes[0]}`, null],
        [codes[1], `erased:${codes[1]}`, null],
        [codes[2], `erased:${codes[2]}`, null],
        [codes[3], key, key], // today's visit keeps its person (check-in by ID card, the rules)
      ]);
      // What the statistics read stays, and the three missed visits are recorded as no-shows.
      expect(after.map((r) => [r.service_id, r.status])).toEqual(
        days.map(() => ['emerytury', 'booked']),
      );
      const noShows = branch.branch
        .eventsSince(0, 100_000)
        .filter((e) => e.type === 'booking.no-show')
        .map((e) => e.booking?.code)
        .sort();
      expect(noShows).toEqual(codes.slice(0, 3).sort());
      expect(JSON.stringify(after.slice(0, 3))).not.toContain(key);
    } finally {
      await branch.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
