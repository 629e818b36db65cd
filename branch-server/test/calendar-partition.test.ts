// Escrow across a partition (issue 14): the branch and the portal stand-in book on both sides
// while the branch cannot reach the portal; after the reconnect the branch learns the portal's
// visits, hands over spare places the portal asked for, and no slot holds more visits than its
// places — judged by the same matching the booking uses, over the visits of both sides. The
// portal gives places back too: those the branch asked for, and those too late to book.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SkrError } from '@skr/protocol';
import { calendarStore } from '../src/app/use-cases/calendar-store';
import { buildSlots, slotHolds } from '../src/domain/calendar';
import { pesel } from './calendar-people';
import type { TestBranch } from './harness';
import { BRANCH_ID, startPortal, startSyncedBranch } from './sync-harness';
import { counterIds, weeklyPlan } from './booking-plan';

// Tuesday 2026-12-01 09:00 in Warsaw. Thursday 10:00 and 10:30 have six pension counters each:
// no walk-in share, half escrowed to the portal (3 places) and half the branch's (3).
const NOW = new Date('2026-12-01T08:00:00Z');
/** The branch's and the stand-in's clock; the last test moves it. */
let now = NOW;
const TEN = '2026-12-03T09:00:00.000Z';
const HALF = '2026-12-03T09:30:00.000Z';
const plan = weeklyPlan({
  weekdays: [4],
  from: '10:00',
  to: '11:00',
  counters: counterIds('c', 6),
  portal: 50,
});

/** Waits (≤ ms) until an asynchronous condition holds. */
async function eventually(cond: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

let pue: Awaited<ReturnType<typeof startPortal>>;
let b: TestBranch;
beforeAll(async () => {
  pue = await startPortal(() => now);
  b = await startSyncedBranch(pue, { now: () => now, serveApps: false });
}, 60_000);
afterAll(async () => {
  await b?.close();
  await pue?.stop();
});

const portalFree = async (start: string, day = '2026-12-03') => {
  const r = await fetch(
    `${pue.url}/v1/branches/${BRANCH_ID}/calendar/slots?serviceId=emerytury&from=${day}&to=${day}`,
  );
  if (r.status !== 200) return undefined;
  const body = (await r.json()) as { slots: { start: string; capacity: number; free: number }[] };
  return body.slots.find((s) => s.start === start);
};
/** A portal client's booking: 201 or the stand-in's refusal reason. */
const portalBook = (time: string, person: number): string => {
  try {
    pue.createBooking({
      branchId: BRANCH_ID,
      serviceId: 'emerytury',
      date: '2026-12-03',
      time,
      pesel: pesel(500 + person),
    });
    return '201';
  } catch (e) {
    return String((e as SkrError).details?.reason);
  }
};

describe('a partition between the branch and the portal', () => {
  it('books on both sides while apart and never over capacity after the reconnect', async () => {
    const manager = await b.login('kierownik');
    const kiosk = await b.device('kiosk');
    const clerk = await b.login('urzednik1');
    // The stand-in's demo visit (Wednesday, contributions) predates the plan: listed, accepted.
    const put = await b.api('PUT', '/api/v1/manager/calendar/plan', manager, {
      plan,
      acceptStranded: true,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    // The sync publishes the portal's share.
    await eventually(async () => (await portalFree(TEN))?.capacity === 3, 10_000);

    pue.faults.set({ down: true });
    const tokens = [kiosk, clerk, manager];
    const branchBook = (start: string, i: number) =>
      b.api('POST', '/api/v1/calendar/visits', tokens[i % 3], {
        serviceId: 'emerytury',
        start,
        pesel: pesel(i),
      });
    // Apart: each side fills its own places and refuses the rest with 409 full.
    const atTen = await Promise.all([0, 1, 2, 3, 4].map((i) => branchBook(TEN, i)));
    expect(atTen.map((r) => r.status).sort()).toEqual([201, 201, 201, 409, 409]);
    for (const r of atTen.filter((x) => x.status === 409))
      expect(r.body.details.reason).toBe('full');
    expect((await branchBook(HALF, 10)).status).toBe(201);
    expect([0, 1, 2, 3, 4].map((i) => portalBook('10:00', i))).toEqual([
      '201',
      '201',
      '201',
      'full',
      'full',
    ]);
    expect([5, 6, 7, 8].map((i) => portalBook('10:30', i))).toEqual(['201', '201', '201', 'full']);

    // Reconnect: the branch pulls the portal's visits and publishes; the portal asked for
    // places at 10:00 (the branch has none spare) and at 10:30 (it has two, gives one).
    pue.faults.clear();
    await eventually(async () => (await portalFree(HALF))?.capacity === 4, 10_000);
    expect(await portalFree(TEN)).toMatchObject({ capacity: 3, free: 0 });
    expect(await portalFree(HALF)).toMatchObject({ capacity: 4, free: 1 });
    expect(portalBook('10:30', 9)).toBe('201');
    const free = await b.api(
      'GET',
      '/api/v1/calendar/slots?serviceId=emerytury&from=2026-12-03&to=2026-12-03',
      manager,
    );
    expect(free.body.slots).toEqual([
      expect.objectContaining({ start: TEN, capacity: 6, free: 0 }),
      expect.objectContaining({ start: HALF, capacity: 6, free: 1 }),
    ]);
    await b.server.sync.pullNow();

    // Every visit of both sides, as the branch now knows them, fits each slot's places.
    const store = calendarStore(b.server.db);
    const visits = store.visitsOn('2026-12-03');
    const booked = (start: string, side: string) =>
      visits.filter((v) => v.start === start && v.status === 'booked' && v.side === side).length;
    expect([booked(TEN, 'branch'), booked(TEN, 'portal')]).toEqual([3, 3]);
    expect([booked(HALF, 'branch'), booked(HALF, 'portal')]).toEqual([1, 4]);
    const slots = buildSlots(
      store.plan()!,
      '2026-12-03',
      '2026-12-03',
      'Europe/Warsaw',
      store.ledger('2026-12-03', '2026-12-03'),
    );
    expect(slots).toHaveLength(2);
    for (const slot of slots) expect(slotHolds(slot, visits)).toBe(true);
    // The check can fail: one visit more at 10:00 on either side does not fit.
    const extra = { ...visits.find((v) => v.start === TEN)!, code: 'EXTRA1' };
    expect(slotHolds(slots[0]!, [...visits, extra])).toBe(false);
  }, 60_000);

  it('takes places back from the portal: asked for after a full refusal, and too late to book', async () => {
    // Thursday 10 December, 10:00 and 10:30: 3 branch and 3 portal places each, nobody booked.
    const day = '2026-12-10';
    const ten = '2026-12-10T09:00:00.000Z';
    const half = '2026-12-10T09:30:00.000Z';
    const kiosk = await b.device('kiosk', 'kiosk places back');
    const book = (i: number) =>
      b.api('POST', '/api/v1/calendar/visits', kiosk, {
        serviceId: 'emerytury',
        start: ten,
        pesel: pesel(100 + i),
      });
    await eventually(async () => (await portalFree(ten, day))?.capacity === 3, 10_000);
    for (const i of [0, 1, 2]) expect((await book(i)).status).toBe(201);
    // Full at the branch while the portal's three places are unused: the refusal asks for one.
    const refused = await book(3);
    expect([refused.status, refused.body.details.reason]).toEqual([409, 'full']);
    // The next publication carries the want; the portal gives a place before it answers, and
    // the branch books it once the answer has arrived.
    await b.server.sync.pullNow();
    expect(await portalFree(ten, day)).toMatchObject({ capacity: 2, free: 2 });
    expect((await book(3)).status).toBe(201);
    const store = calendarStore(b.server.db);
    const owners = (start: string) =>
      buildSlots(store.plan()!, day, day, 'Europe/Warsaw', store.ledger(day, day))
        .find((x) => x.start === start)!
        .units.map((u) => u.owner)
        .sort();
    expect(owners(ten)).toEqual(['branch', 'branch', 'branch', 'branch', 'portal', 'portal']);

    // That Thursday at 10:00: 10:30 is within the hour's lead time, so nobody may book it; the
    // portal gives its three unused places back unasked and the branch serves walk-ins there.
    now = new Date('2026-12-10T09:00:00Z');
    await b.server.sync.pullNow();
    expect(owners(half)).toEqual(['branch', 'branch', 'branch', 'walk-in', 'walk-in', 'walk-in']);
    // Every slot of the day still seats all its visits.
    const slots = buildSlots(store.plan()!, day, day, 'Europe/Warsaw', store.ledger(day, day));
    for (const slot of slots) expect(slotHolds(slot, store.visitsOn(day))).toBe(true);
  }, 60_000);
});
