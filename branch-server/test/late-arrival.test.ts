import { describe, expect, it } from 'vitest';
import { LateArrivalDetails } from '@skr/protocol/late-arrival';
import { counterIds, weeklyPlan } from './booking-plan';
import { pesel } from './calendar-people';
import { sharedTestBranch } from './harness';

// A booked client past the late-arrival window (issue 14): the check-in, by code or by ID card,
// is refused with reason `late` and an offer — a walk-in ticket's wait and the nearest free slot
// today — instead of a silent walk-in; taking the slot books a new visit for the same person and
// keeps the missed one (the client came), so the close does not record it. Taking the walk-in
// (acceptLate) checks the visit in at the end of the line with its code: the client came, so it
// is no no-show. Clock injected, no sleeps.

let now = new Date('2026-12-01T08:00:00Z'); // Tuesday 09:00 in Warsaw
const TEN = '2026-12-01T09:00:00.000Z'; // 10:00 Warsaw
const b = sharedTestBranch({ now: () => now });

/** Books a pension visit at `start` at the kiosk for each person; answers their codes. */
async function bookPensions(kiosk: string, start: string, people: number[]): Promise<string[]> {
  const codes: string[] = [];
  for (const who of people) {
    const r = await b.api('POST', '/api/v1/calendar/visits', kiosk, {
      serviceId: 'emerytury',
      start,
      pesel: pesel(who),
    });
    expect(r.status).toBe(201);
    codes.push(r.body.visit.code as string);
  }
  return codes;
}

describe('late arrival past the check-in window', () => {
  it('offers a walk-in ticket or the nearest slot today, by code and by ID card; a client who takes the slot is no no-show', async () => {
    const manager = await b.login('kierownik');
    const plan = weeklyPlan({
      weekdays: [2],
      from: '10:00',
      to: '14:00',
      counters: counterIds('s', 3, 2),
    });
    expect((await b.api('PUT', '/api/v1/manager/calendar/plan', manager, { plan })).status).toBe(
      200,
    );
    const kiosk = await b.device('kiosk');
    const codes = await bookPensions(kiosk, TEN, [7, 8, 9]);
    const [byCode, byCard, onTime] = codes as [string, string, string];

    // 10:10: within the 15-minute window the visit still checks in at its booked time.
    now = new Date('2026-12-01T09:10:00Z');
    const kept = await b.api('POST', '/api/v1/tickets', kiosk, { bookingCode: onTime });
    expect([kept.status, kept.body.bookedFor]).toEqual([201, TEN]);

    // 10:20: twenty minutes late. Neither the code nor the card issues a ticket; both offer.
    now = new Date('2026-12-01T09:20:00Z');
    const late = await b.api('POST', '/api/v1/tickets', kiosk, { bookingCode: byCode, lang: 'pl' });
    expect(late.status).toBe(409);
    expect(late.body.message).toBe(
      'Minął czas na potwierdzenie tej wizyty (do 15 min po jej godzinie)',
    );
    const offer = LateArrivalDetails.parse(late.body.details);
    expect(offer).toMatchObject({ reason: 'late', serviceId: 'emerytury', bookedFor: TEN });
    expect(offer.walkIn?.estimatedWaitMinutes).toBeGreaterThanOrEqual(0);
    // The lead time (60 min) leaves 11:30 as the nearest bookable slot today.
    expect(offer.slot).toMatchObject({ day: '2026-12-01', time: '11:30', serviceId: 'emerytury' });
    const cardLate = await b.api('POST', '/api/v1/tickets', kiosk, {
      bookingPesel: pesel(8),
      lang: 'uk',
    });
    expect(cardLate.status).toBe(409);
    expect(LateArrivalDetails.parse(cardLate.body.details).slot?.time).toBe('11:30');
    expect(JSON.stringify(cardLate.body)).not.toContain(pesel(8));
    // Nothing was checked in: both missed visits are still open.
    const status = (code: string) =>
      (
        b.server.db.prepare(`SELECT status FROM bookings WHERE code = ?`).get(code) as {
          status: string;
        }
      ).status;
    expect([status(byCode), status(byCard)]).toEqual(['booked', 'booked']);

    // The client takes the slot: a new visit (new code) for the same person, today at 11:30.
    const start = offer.slot!.start;
    const rebooked = await b.api('POST', '/api/v1/calendar/late-arrivals', kiosk, {
      bookingCode: byCode,
      start,
    });
    expect(rebooked.status).toBe(201);
    expect(rebooked.body.visit).toMatchObject({ start, time: '11:30', channel: 'kiosk' });
    expect(rebooked.body.visit.code).not.toBe(byCode);
    const personOf = (code: string) =>
      (
        b.server.db.prepare(`SELECT person_key FROM calendar_visits WHERE code = ?`).get(code) as {
          person_key: string;
        }
      ).person_key;
    expect(personOf(rebooked.body.visit.code)).toBe(personOf(byCode));
    const cardBooked = await b.api('POST', '/api/v1/calendar/late-arrivals', kiosk, {
      bookingPesel: pesel(8),
      start,
    });
    expect(cardBooked.status).toBe(201);
    expect(personOf(cardBooked.body.visit.code)).toBe(personOf(byCard));
    // The clients came: both missed visits are kept (checked in without a ticket) in the change
    // that booked the new one, so the same missed visit cannot be booked again.
    expect([status(byCode), status(byCard)]).toEqual(['checked-in', 'checked-in']);
    // Logged as the missed visit moved (the notifier moves its contact and confirms the new one).
    const moved = b.server.db
      .prepare(
        `SELECT json_extract(payload, '$.booking.previousCode') AS previous FROM events
         WHERE type = 'booking.rebooked' AND json_extract(payload, '$.booking.code') = ?`,
      )
      .get(rebooked.body.visit.code) as { previous: string } | undefined;
    expect(moved?.previous).toBe(byCode);

    // Refusals: a visit still in its window, an unknown code, a day other than today, a card
    // without a missed visit.
    const expectStatus = async (body: object, code: number) =>
      expect((await b.api('POST', '/api/v1/calendar/late-arrivals', kiosk, body)).status).toBe(
        code,
      );
    await expectStatus({ bookingCode: rebooked.body.visit.code, start }, 409);
    await expectStatus({ bookingCode: byCode, start }, 409);
    await expectStatus({ bookingCode: 'ZZZZZZZZ', start }, 404);
    await expectStatus({ bookingCode: byCode, start: '2026-12-02T10:30:00.000Z' }, 400);
    await expectStatus({ bookingPesel: pesel(10), start }, 404);

    // Or a ticket to the line now, as any walk-in: the missed visit stays open.
    const walkIn = await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'emerytury' });
    expect([walkIn.status, walkIn.body.bookedFor]).toEqual([201, null]);

    // 11:20: the new visit's code checks in for 11:30.
    now = new Date('2026-12-01T10:20:00Z');
    const arrived = await b.api('POST', '/api/v1/tickets', kiosk, {
      bookingCode: rebooked.body.visit.code,
    });
    expect([arrived.status, arrived.body.bookedFor]).toEqual([201, start]);

    // The close records as a no-show (reported to the portal) only the new 11:30 visit the
    // card holder never came to; the missed 10:00 visits were replaced by the clients who came.
    now = new Date('2026-12-01T17:00:00Z');
    const ended = await b.api('POST', '/api/v1/manager/end-day', await b.login('kierownik'));
    expect(ended.status).toBe(200);
    expect(ended.body.missedBookings).toEqual([cardBooked.body.visit.code]);
  });

  it("takes the offer's walk-in with the visit's code: at the end of the line, checked in, no no-show", async () => {
    // Tuesday 8 December, 09:00: three visits at 10:00 (the plan of the test above).
    now = new Date('2026-12-08T08:00:00Z');
    const ten = '2026-12-08T09:00:00.000Z';
    // A week on, the sign-ins cached by the test above have expired: a fresh one pairs a kiosk.
    const paired = await b.api('POST', '/api/v1/devices', await b.freshLogin('admin'), {
      kind: 'kiosk',
      name: 'kiosk 2',
    });
    expect(paired.status).toBe(201);
    const kiosk = paired.body.token as string;
    const codes = await bookPensions(kiosk, ten, [17, 18, 19]);
    const [byCode, byCard, never] = codes as [string, string, string];
    // 10:20: someone is already waiting when the late clients come.
    now = new Date('2026-12-08T09:20:00Z');
    const before = await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'emerytury' });
    expect(before.status).toBe(201);
    const late = await b.api('POST', '/api/v1/tickets', kiosk, {
      bookingCode: byCode,
      acceptLate: true,
    });
    expect(late.status).toBe(201);
    const card = await b.api('POST', '/api/v1/tickets', kiosk, {
      bookingPesel: pesel(18),
      acceptLate: true,
    });
    expect(card.status).toBe(201);
    const row = (id: string) =>
      b.server.db
        .prepare(`SELECT booking_code, booked_for, line_at FROM tickets WHERE id = ?`)
        .get(id) as { booking_code: string; booked_for: string; line_at: string };
    const beforeRow = row(before.body.id as string);
    for (const [t, code] of [
      [late, byCode],
      [card, byCard],
    ] as const) {
      // The clerk sees the booked visit's code; the ticket waits behind the walk-in before it.
      expect(row(t.body.id as string)).toMatchObject({ booking_code: code, booked_for: ten });
      expect(row(t.body.id as string).line_at > beforeRow.line_at).toBe(true);
      expect(t.body.peopleAhead).toBeGreaterThanOrEqual(1);
      // The kiosk prints a walk-in's slip for it, not the lapsed visit's hour.
      expect([t.body.lateArrival, t.body.bookedFor]).toEqual([true, ten]);
    }
    // A walk-in and an on-time check-in carry no such mark.
    expect(before.body.lateArrival).toBeUndefined();
    // Without acceptLate the same offer is refused as before; a second acceptLate reprints.
    const third = await b.api('POST', '/api/v1/tickets', kiosk, { bookingCode: never });
    expect(third.status).toBe(409);
    const again = await b.api('POST', '/api/v1/tickets', kiosk, {
      bookingCode: byCode,
      acceptLate: true,
    });
    expect([again.status, again.body.id, again.body.lateArrival]).toEqual([
      200,
      late.body.id,
      true,
    ]);
    const status = (code: string) =>
      (
        b.server.db.prepare(`SELECT status FROM bookings WHERE code = ?`).get(code) as {
          status: string;
        }
      ).status;
    expect([status(byCode), status(byCard), status(never)]).toEqual([
      'checked-in',
      'checked-in',
      'booked',
    ]);
    // The close reports only the visit nobody came to as a no-show.
    now = new Date('2026-12-08T17:00:00Z');
    const ended = await b.api('POST', '/api/v1/manager/end-day', await b.freshLogin('kierownik'));
    expect(ended.status).toBe(200);
    expect(ended.body.missedBookings).toEqual([never]);
  });
});
