import { describe, expect, it } from 'vitest';
import { calendarStore } from '../src/app/use-cases/calendar-store';
import { availability } from '../src/domain/calendar';
import { pesel } from './calendar-people';
import { sharedTestBranch } from './harness';
import { counterIds, weeklyPlan } from './booking-plan';

// The availability memory (app/use-cases/calendar-availability.ts) must answer exactly what the
// pure computation answers from the database, after every kind of write: bookings, cancels,
// rebooks, escrow moves and plan changes. A seeded run of 120 writes compares both after each.

// Tuesday 2026-12-01 09:00 in Warsaw.
const NOW = new Date('2026-12-01T08:00:00Z');
const SERVICES = ['emerytury', 'zasilki'];
const plan = (walkIn: number) =>
  weeklyPlan(
    {
      weekdays: [1, 2, 3, 4, 5],
      from: '09:00',
      to: '11:00',
      counters: counterIds('c', 4),
      walkIn,
      portal: 25,
    },
    (c) => (c % 2 === 0 ? ['emerytury', 'zasilki'] : ['emerytury']),
  );

const b = sharedTestBranch({ now: () => NOW });
const q = (serviceId: string) => ({ serviceId, from: '2026-12-01', to: '2026-12-14' });

/** What the pure domain computes from the rows on disk now. */
function truth(serviceId: string) {
  const store = calendarStore(b.server.db);
  const p = store.plan();
  if (!p) return [];
  const view = { plan: p, zone: 'Europe/Warsaw', ledger: store.ledger('2026-12-01', '2026-12-14') };
  const visits = store.visitsBetween('2026-12-01', '2026-12-14');
  return availability(view, visits, { ...q(serviceId), side: 'branch' }, NOW);
}

describe('availability from memory', () => {
  it('recomputes only the day a booking wrote, and answers the same as the computation', async () => {
    const manager = await b.login('kierownik');
    const put = await b.api('PUT', '/api/v1/manager/calendar/plan', manager, { plan: plan(25) });
    expect(put.status).toBe(200);
    const cal = b.branch.calendar;
    const first = cal.slots(q('emerytury'));
    expect(first).toEqual(truth('emerytury'));
    const before = cal.availabilityComputedDays();
    expect(cal.slots(q('emerytury'))).toEqual(first);
    expect(cal.availabilityComputedDays()).toBe(before);
    cal.book({ serviceId: 'emerytury', start: first[0]!.start, pesel: pesel(1) }, 'kiosk', null);
    const after = cal.slots(q('emerytury'));
    expect(cal.availabilityComputedDays()).toBe(before + 1);
    expect(after[0]!.free).toBe(first[0]!.free - 1);
    expect(after).toEqual(truth('emerytury'));
  });

  it('stays exact through 120 seeded bookings, cancels, rebooks, escrow moves and plan changes', () => {
    const cal = b.branch.calendar;
    const store = calendarStore(b.server.db);
    let seed = 11;
    const rnd = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return Math.floor((seed / 2_147_483_648) * n);
    };
    const codes: string[] = [];
    const pesels = new Map<string, string>();
    const kinds = new Map<string, number>();
    for (let step = 0; step < 120; step += 1) {
      const service = SERVICES[rnd(2)]!;
      const open = cal.slots(q(service));
      const kind = rnd(10);
      try {
        if (kind < 5 && open.length > 0) {
          const who = pesel(100 + rnd(400));
          const v = cal.book(
            { serviceId: service, start: open[rnd(open.length)]!.start, pesel: who },
            'desk',
            null,
          );
          codes.push(v.code);
          pesels.set(v.code, who);
        } else if (kind < 7 && codes.length > 0) {
          const code = codes.splice(rnd(codes.length), 1)[0]!;
          cal.cancel(code, { pesel: pesels.get(code)! }, 'desk', null);
        } else if (kind < 8 && codes.length > 0 && open.length > 0) {
          const code = codes.splice(rnd(codes.length), 1)[0]!;
          const r = cal.rebook(
            code,
            { start: open[rnd(open.length)]!.start, pesel: pesels.get(code)! },
            'desk',
            null,
          );
          codes.push(r.visit.code);
          pesels.set(r.visit.code, pesels.get(code)!);
        } else if (kind < 9 && open.length > 0) {
          // What the publisher does when the portal asks for places (sync/calendar-publish.ts).
          const slot = open[rnd(open.length)]!;
          store.saveLedger(slot.start, `c${String(1 + rnd(4))}`, 'portal', slot.day);
        } else {
          cal.savePlan(
            { ...plan(rnd(2) * 25), exceptions: [], rules: store.plan()!.rules },
            true,
            null,
          );
        }
        kinds.set(String(kind), (kinds.get(String(kind)) ?? 0) + 1);
      } catch {
        // A refusal (full, gap, daily limit) writes nothing; the comparison below still runs.
      }
      for (const s of SERVICES) expect(cal.slots(q(s))).toEqual(truth(s));
    }
    // Every kind of write happened.
    expect(kinds.size).toBeGreaterThanOrEqual(8);
  });
});
