// The portal's side of a branch calendar (issue 14): the branch publishes the portal's share,
// the stand-in books online visits only into it (409 with a reason and Polish words when full
// or against the rules), remembers what clients could not get, ignores a stale publication, and
// gives back the places the branch asks for or that are too late to book.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingRules, PortalCalendarReceipt } from '@skr/protocol/calendar';
import { SkrError } from '@skr/protocol';
import { BRANCH, BRANCH_KEY, passwordLogin, startHarness, type Harness } from './harness';

// T0 is Monday 10 March 2025, 09:00 in Warsaw. Wednesday 10:00 and 10:30 give the portal two
// counters: c1 takes pensions and benefits, c2 pensions only.
const TEN = '2025-03-12T09:00:00.000Z';
const HALF = '2025-03-12T09:30:00.000Z';
const places = [
  { counterId: 'c1', serviceIds: ['emerytury', 'zasilki'] },
  { counterId: 'c2', serviceIds: ['emerytury'] },
];
const calendar = (version: number, slots = [TEN, HALF]) => ({
  version,
  from: '2025-03-10',
  to: '2025-03-20',
  rules: BookingRules.parse({}),
  slots: slots.map((start) => ({
    start,
    day: '2025-03-12',
    time: start === TEN ? '10:00' : '10:30',
    places,
  })),
});

describe('a branch calendar at the portal stand-in', () => {
  let h: Harness;
  let anna: string;
  const publish = (body: unknown, key = BRANCH_KEY) =>
    h.call('PUT', `/v1/branches/${BRANCH}/calendar`, {
      body,
      headers: { 'x-branch-key': key },
    });
  const slots = async (serviceId: string) =>
    (
      await h.call(
        'GET',
        `/v1/branches/${BRANCH}/calendar/slots?serviceId=${serviceId}&from=2025-03-12&to=2025-03-12`,
      )
    ).body as { slots: { start: string; capacity: number; free: number }[] };
  const fixture = (time: string, serviceId: 'emerytury' | 'zasilki', pesel: string) =>
    h.emu.createBooking({ branchId: BRANCH, serviceId, date: '2025-03-12', time, pesel });

  beforeAll(async () => {
    h = await startHarness();
    anna = await passwordLogin(h, 'anna.kowalska');
  });
  afterAll(() => h.stop());

  it('a branch without a calendar has no portal slots (404); a wrong key cannot publish', async () => {
    const r = await h.call(
      'GET',
      `/v1/branches/${BRANCH}/calendar/slots?serviceId=emerytury&from=2025-03-12&to=2025-03-12`,
    );
    expect(r.status).toBe(404);
    expect((await publish(calendar(1), 'wrong')).status).toBe(401);
  });

  it('publishes the share; slots count only the portal places, by matching', async () => {
    const r = await publish(calendar(5));
    expect(r.status).toBe(200);
    expect(PortalCalendarReceipt.parse(r.body)).toEqual({
      version: 5,
      applied: true,
      wanted: [],
      given: [],
    });
    expect((await slots('emerytury')).slots).toEqual([
      expect.objectContaining({ start: TEN, capacity: 2, free: 2 }),
      expect.objectContaining({ start: HALF, capacity: 2, free: 2 }),
    ]);
    expect((await slots('zasilki')).slots.map((s) => s.capacity)).toEqual([1, 1]);
  });

  it('books only into its share: a pension visit at c1 leaves benefits full (409 full, Polish)', async () => {
    fixture('10:00', 'emerytury', '71010112340');
    expect((await slots('zasilki')).slots[0]).toMatchObject({ start: TEN, free: 1 });
    fixture('10:00', 'zasilki', '52031543218');
    // Both counters now hold a visit: a third one of any service does not fit.
    const r = await h.call('POST', '/v1/bookings', {
      token: anna,
      body: { branchId: BRANCH, serviceId: 'emerytury', date: '2025-03-12', time: '10:00' },
    });
    expect(r.status).toBe(409);
    expect(r.body.details.reason).toBe('full');
    expect(r.body.message).toContain('Brak wolnych miejsc');
    expect(() => fixture('10:00', 'emerytury', '90070787651')).toThrow(SkrError);
  });

  it('applies the rules: no slot → closed; the gap between two visits of one person', async () => {
    const closed = await h.call('POST', '/v1/bookings', {
      token: anna,
      body: { branchId: BRANCH, serviceId: 'emerytury', date: '2025-03-12', time: '11:00' },
    });
    expect([closed.status, closed.body.details.reason]).toEqual([409, 'closed']);
    const first = await h.call('POST', '/v1/bookings', {
      token: anna,
      body: { branchId: BRANCH, serviceId: 'emerytury', date: '2025-03-12', time: '10:30' },
    });
    expect(first.status).toBe(201);
    const moved = await h.call('POST', `/v1/bookings/${first.body.id}/rebook`, {
      token: anna,
      body: { date: '2025-03-12', time: '10:30' },
    });
    expect(moved.status).toBe(200); // its own place, not a second visit
  });

  it('hands the refusals to the branch as wants once, and ignores an older publication', async () => {
    const r = PortalCalendarReceipt.parse((await publish(calendar(4, [TEN]))).body);
    expect(r.applied).toBe(false);
    expect(r.wanted).toEqual([{ start: TEN, serviceId: 'emerytury', count: 2 }]);
    expect((await slots('emerytury')).slots.map((s) => s.start)).toEqual([TEN, HALF]);
    const again = PortalCalendarReceipt.parse((await publish(calendar(6, [TEN]))).body);
    expect(again).toEqual({ version: 6, applied: true, wanted: [], given: [] });
    expect((await slots('emerytury')).slots.map((s) => s.start)).toEqual([TEN]);
  });

  it('gives back to the branch what it wants and its visits do not need, and what is too late', async () => {
    // 10:00 holds two visits in its two places; 10:30 one pension visit (either counter seats it).
    const wanted = [
      { start: TEN, serviceId: 'emerytury', count: 1 },
      { start: HALF, serviceId: 'emerytury', count: 5 },
    ];
    const r = PortalCalendarReceipt.parse((await publish({ ...calendar(8), wanted })).body);
    expect(r.given).toEqual([{ start: HALF, counterIds: ['c2'] }]);
    // The give is recorded before the answer: the portal no longer books the place.
    expect((await slots('emerytury')).slots).toEqual([
      expect.objectContaining({ start: TEN, capacity: 2, free: 0 }),
      expect.objectContaining({ start: HALF, capacity: 1, free: 0 }),
    ]);
    const refusal = (() => {
      try {
        fixture('10:30', 'emerytury', '90070787651');
      } catch (e) {
        return e instanceof SkrError ? e.details : e;
      }
    })();
    expect(refusal).toMatchObject({ reason: 'full', start: HALF });

    // Wednesday 10:01: 10:00 has started (nothing to give), 10:30 is within the hour's lead
    // time, so its unused place goes back unasked (the branch serves walk-ins with it).
    h.advance(Date.parse('2025-03-12T09:01:00.000Z') - Date.parse('2025-03-10T08:00:00.000Z'));
    const late = PortalCalendarReceipt.parse((await publish(calendar(9))).body);
    expect(late).toMatchObject({ applied: true, given: [{ start: HALF, counterIds: ['c2'] }] });
  });

  it('applies the 1 h lead and 3 visits a day online too (409 with the rule in Polish)', async () => {
    // The clock is Wednesday 10:01 (the test above). 11:00 today is 59 minutes away; Thursday
    // has four hours one person could otherwise book, each an hour apart (the gap allows it).
    const slot = (day: string, time: string) => ({
      start: new Date(`${day}T${time}:00+01:00`).toISOString(),
      day,
      time,
      places,
    });
    const thursday = ['10:00', '11:00', '12:00', '13:00'];
    const r = await publish({
      ...calendar(10, []),
      slots: [slot('2025-03-12', '11:00'), ...thursday.map((t) => slot('2025-03-13', t))],
    });
    expect(PortalCalendarReceipt.parse(r.body).applied).toBe(true);
    const token = await passwordLogin(h, 'anna.kowalska');
    const book = (date: string, time: string) =>
      h.call('POST', '/v1/bookings', {
        token,
        body: { branchId: BRANCH, serviceId: 'emerytury', date, time },
      });
    const soon = await book('2025-03-12', '11:00');
    expect([soon.status, soon.body.details.reason]).toEqual([409, 'too-late']);
    expect(soon.body.message).toBe('Wizytę można umówić najpóźniej 60 min przed jej rozpoczęciem.');
    for (const t of thursday.slice(0, 3)) expect((await book('2025-03-13', t)).status).toBe(201);
    const fourth = await book('2025-03-13', '13:00');
    expect([fourth.status, fourth.body.details.reason]).toEqual([409, 'daily-limit']);
    expect(fourth.body.message).toBe('Jedna osoba może mieć najwyżej 3 wizyty jednego dnia.');
  });
});
