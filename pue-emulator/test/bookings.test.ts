import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PueBooking, PueBookingChanges } from '@skr/protocol';
import { BRANCH, BRANCH_KEY, passwordLogin, startHarness, type Harness } from './harness';

describe('bookings and the branch change feed', () => {
  let h: Harness;
  let anna: string;
  const branch = (path: string, key = BRANCH_KEY) =>
    h.call('GET', `/v1/branches/${BRANCH}${path}`, { headers: { 'x-branch-key': key } });
  const changes = async (since?: string, limit?: number) => {
    const q = new URLSearchParams();
    if (since !== undefined) q.set('since', since);
    if (limit !== undefined) q.set('limit', String(limit));
    const r = await branch(`/bookings?${q}`);
    expect(r.status).toBe(200);
    return PueBookingChanges.parse(r.body);
  };

  beforeAll(async () => {
    h = await startHarness();
    anna = await passwordLogin(h, 'anna.kowalska');
  });
  afterAll(async () => {
    await h.stop();
  });

  it('starts with the demo bookings, one booked and one cancelled', async () => {
    const all = await changes();
    expect(all.items.map((b) => b.status)).toEqual(['booked', 'cancelled']);
    expect(all.hasMore).toBe(false);
    const again = await changes(all.cursor);
    expect(again).toEqual({ items: [], cursor: all.cursor, hasMore: false });
  });

  it('books, cancels and rebooks, and the branch sees each as a changed item after its cursor', async () => {
    const { cursor: c0 } = await changes();
    const made = await h.call('POST', '/v1/bookings', {
      token: anna,
      body: { branchId: BRANCH, serviceId: 'emerytury', date: '2025-03-12', time: '10:15' },
    });
    expect(made.status).toBe(201);
    const b = PueBooking.parse(made.body);
    expect(b).toMatchObject({ status: 'booked', version: 1, startsAt: '2025-03-12T09:15:00.000Z' });
    expect(b.code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);

    const other = PueBooking.parse(
      (
        await h.call('POST', '/v1/bookings', {
          token: anna,
          body: { branchId: BRANCH, serviceId: 'zasilki', date: '2025-03-13', time: '08:00' },
        })
      ).body,
    );
    const afterCreate = await changes(c0);
    expect(afterCreate.items.map((x) => x.id)).toEqual([b.id, other.id]);

    const cancelled = await h.call('POST', `/v1/bookings/${other.id}/cancel`, { token: anna });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', version: 2 });
    // After the clocks change (30 March) 10:00 in Warsaw is 08:00 UTC.
    const moved = await h.call('POST', `/v1/bookings/${b.id}/rebook`, {
      token: anna,
      body: { date: '2025-03-31', time: '10:00' },
    });
    expect(moved.body).toMatchObject({
      id: b.id,
      code: b.code,
      version: 2,
      startsAt: '2025-03-31T08:00:00.000Z',
    });

    const afterChange = await changes(afterCreate.cursor);
    expect(afterChange.items.map((x) => [x.id, x.status, x.version])).toEqual([
      [other.id, 'cancelled', 2],
      [b.id, 'booked', 2],
    ]);
    expect(Number(afterChange.cursor)).toBeGreaterThan(Number(afterCreate.cursor));
    expect((await h.call('POST', `/v1/bookings/${other.id}/cancel`, { token: anna })).status).toBe(
      409,
    );
    expect(
      (
        await h.call('POST', `/v1/bookings/${other.id}/rebook`, {
          token: anna,
          body: { date: '2025-03-14', time: '09:00' },
        })
      ).status,
    ).toBe(409);

    const mine = await h.call('GET', '/v1/bookings', { token: anna });
    expect(mine.body.items.map((x: { id: string }) => x.id)).toContain(b.id);
    const byCode = await branch(`/bookings/by-code/${b.code.toLowerCase()}`);
    expect(byCode.body).toMatchObject({ id: b.id, pesel: expect.stringMatching(/^\d{11}$/) });
  });

  it('pages with limit and hasMore, and includes test-placed bookings', async () => {
    const { cursor } = await changes();
    for (const time of ['11:00', '11:15', '11:30']) {
      h.emu.createBooking({ branchId: BRANCH, serviceId: 'skladki', date: '2025-03-20', time });
    }
    h.emu.createBooking({
      branchId: 'o-202',
      serviceId: 'skladki',
      date: '2025-03-20',
      time: '11:45',
    });
    const p1 = await changes(cursor, 2);
    expect(p1.items).toHaveLength(2);
    expect(p1.hasMore).toBe(true);
    const p2 = await changes(p1.cursor, 2);
    expect(p2.items.map((x) => x.time)).toEqual(['11:30']);
    expect(p2.hasMore).toBe(false);
  });

  it('refuses wrong or missing branch keys and another branch key', async () => {
    expect((await branch('/bookings', 'wrong')).status).toBe(401);
    expect((await h.call('GET', `/v1/branches/${BRANCH}/bookings`)).status).toBe(401);
    expect((await branch('/bookings', 'other-branch-key-202')).status).toBe(401);
    expect((await branch('/bookings?since=abc')).status).toBe(400);
  });

  it('refuses visits in the past, at weekends, off the quarter hour, at unknown branches', async () => {
    const book = (body: object) => h.call('POST', '/v1/bookings', { token: anna, body });
    const base = { branchId: BRANCH, serviceId: 'ogolne' };
    expect((await book({ ...base, date: '2025-03-07', time: '10:00' })).status).toBe(400);
    expect((await book({ ...base, date: '2025-03-15', time: '10:00' })).status).toBe(400);
    expect((await book({ ...base, date: '2025-03-12', time: '10:10' })).status).toBe(400);
    expect((await book({ ...base, date: '2025-02-30', time: '10:00' })).status).toBe(400);
    expect(
      (await book({ ...base, serviceId: 'kawa', date: '2025-03-12', time: '10:00' })).status,
    ).toBe(400);
    expect(
      (await book({ ...base, branchId: 'o-999', date: '2025-03-12', time: '10:00' })).status,
    ).toBe(404);
  });
});
