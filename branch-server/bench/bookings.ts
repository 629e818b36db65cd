// `npm run bench bookings` (part): the calendar (issue 14). Availability of 30 days for one
// service, p99 over HTTP — at the branch (a 5-day plan of 20 counters with 1,000 visits booked)
// and at the portal stand-in holding 300 branches' published calendars. Then contention: 200
// clients on all four channels (kiosk, desk, manager at the branch; online at the stand-in) race
// for the last 10 places of a slot while the sync runs; overbooked slots and refusals counted.
import { SkrError } from '@skr/protocol';
import { BookingRules, type PortalCalendar } from '@skr/protocol/calendar';
import { calendarStore } from '../src/app/use-cases/calendar-store';
import { buildSlots, slotHolds } from '../src/domain/calendar';
import { pesel } from '../test/calendar-people';
import { startTestBranch } from '../test/harness';
import { BRANCH_ID, startPortal, startSyncedBranch } from '../test/sync-harness';
import { startBenchPortal } from './bench-portal';
import { summary } from './stats';
import { weekdayBlocks } from './week-plan';
import { counterIds, weeklyPlan } from '../test/booking-plan';

/** CPU milliseconds (user + system) of this process since `since`. */
const cpuMs = (since: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
};

// Tuesday 1 December 2026, 09:00 in Warsaw.
const NOW = new Date('2026-12-01T08:00:00Z');
const SERVICES = ['emerytury', 'zasilki', 'skladki', 'ogolne'];
const ZONE = 'Europe/Warsaw';

/** 20 counters Monday–Friday 08:00–16:00; every counter takes pensions, some more. */
function weekPlan(walkIn = 30, portal = 50) {
  const blocks = weekdayBlocks(20, (c) => [
    'emerytury',
    ...SERVICES.slice(1).filter((_, k) => (c + k) % 3 === 0),
  ]);
  return { blocks, walkInSharePercent: walkIn, portalSharePercent: portal };
}

async function branchAvailability(calls: number) {
  // As in production: answers are not checked against the route table (tests do that).
  const b = await startTestBranch({ serveApps: false, now: () => NOW, checkResponses: false });
  try {
    const manager = await b.login('kierownik');
    const kiosk = await b.device('kiosk');
    await b.api('PUT', '/api/v1/manager/calendar/plan', manager, { plan: weekPlan() });
    const q = (s: string) => `/api/v1/calendar/slots?serviceId=${s}&from=2026-12-01&to=2026-12-30`;
    // 1,000 visits spread over the month (each person once a day).
    const open = (await b.api('GET', q('emerytury'), manager)).body.slots as { start: string }[];
    let booked = 0;
    for (let i = 0; i < 1000; i += 1) {
      const slot = open[(i * 7) % open.length]!;
      const r = await b.api('POST', '/api/v1/calendar/visits', kiosk, {
        serviceId: SERVICES[i % SERVICES.length],
        start: slot.start,
        pesel: pesel(i),
      });
      if (r.status === 201) booked += 1;
    }
    const ms: number[] = [];
    for (let i = 0; i < calls; i += 1) {
      const t0 = performance.now();
      const r = await b.api('GET', q('emerytury'), manager);
      ms.push(performance.now() - t0);
      if (r.status !== 200) throw new Error(`slots failed: ${r.status}`);
    }
    // The use case alone (no HTTP, no JSON): what the calendar itself costs. CPU time as well
    // as wall time: on a loaded machine the wall time mostly measures the other processes.
    const inProcess: number[] = [];
    const cpu: number[] = [];
    const query = { serviceId: 'emerytury', from: '2026-12-01', to: '2026-12-30' };
    for (let i = 0; i < calls; i += 1) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      b.branch.calendar.slots(query);
      inProcess.push(performance.now() - t0);
      cpu.push(cpuMs(c0));
    }
    // Each call right after a booking: the booked day is computed again, the rest is remembered.
    const afterBooking: number[] = [];
    const afterBookingCpu: number[] = [];
    for (let i = 0; i < Math.min(calls, 100); i += 1) {
      await b.api('POST', '/api/v1/calendar/visits', kiosk, {
        serviceId: 'zasilki',
        start: open[(i * 13) % open.length]!.start,
        pesel: pesel(5000 + i),
      });
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const r = await b.api('GET', q('emerytury'), manager);
      afterBooking.push(performance.now() - t0);
      afterBookingCpu.push(cpuMs(c0));
      if (r.status !== 200) throw new Error(`slots failed: ${r.status}`);
    }
    return {
      slots: open.length,
      visitsBooked: booked,
      http: summary(ms),
      httpAfterEachBooking: summary(afterBooking),
      httpAfterEachBookingCpuMs: summary(afterBookingCpu),
      useCaseOnly: summary(inProcess),
      useCaseOnlyCpuMs: summary(cpu),
    };
  } finally {
    await b.close();
  }
}

/** The portal's share of a branch's 60 days, as its sync would publish it. */
function publication(i: number): PortalCalendar {
  const plan = { ...weekPlan(), exceptions: [], rules: BookingRules.parse({}) };
  const slots = buildSlots(plan, '2026-12-01', '2027-01-30', ZONE).map((s) => ({
    start: s.start,
    day: s.day,
    time: s.time,
    places: s.units
      .filter((u) => u.owner === 'portal')
      .map((u) => ({ counterId: u.counterId, serviceIds: u.serviceIds })),
  }));
  return { version: 1 + i, from: '2026-12-01', to: '2027-01-30', rules: plan.rules, slots };
}

async function portalAvailability(branches: number, calls: number) {
  const pue = await startBenchPortal(branches, { now: () => NOW });
  try {
    const t0 = performance.now();
    let places = 0;
    for (let i = 0; i < branches; i += 1) {
      const body = publication(i);
      places += body.slots.reduce((n, s) => n + s.places.length, 0);
      const r = await fetch(`${pue.url}/v1/branches/o-${i}/calendar`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-branch-key': `key-${i}` },
        body: JSON.stringify(body),
      });
      if (r.status !== 200) throw new Error(`publish failed: ${r.status}`);
    }
    const publishS = (performance.now() - t0) / 1000;
    // Some online bookings in every branch so that free ≠ capacity.
    for (let i = 0; i < branches; i += 1)
      for (let k = 0; k < 5; k += 1)
        pue.createBooking({
          branchId: `o-${i}`,
          serviceId: 'emerytury',
          date: `2026-12-0${String(2 + (k % 3))}`,
          time: `1${String(k % 6)}:00`,
          pesel: pesel(i * 10 + k),
        });
    const ms: number[] = [];
    const cpu: number[] = [];
    for (let n = 0; n < calls; n += 1) {
      const i = (n * 37) % branches;
      const c0 = process.cpuUsage();
      const start = performance.now();
      const r = await fetch(
        `${pue.url}/v1/branches/o-${i}/calendar/slots?serviceId=emerytury&from=2026-12-01&to=2026-12-30`,
      );
      await r.json();
      ms.push(performance.now() - start);
      cpu.push(cpuMs(c0));
      if (r.status !== 200) throw new Error(`portal slots failed: ${r.status}`);
    }
    return {
      branches,
      portalPlaces: places,
      publishAllSeconds: Math.round(publishS * 10) / 10,
      ...summary(ms),
      // The stand-in runs in this process: its CPU time and the fetch client's together.
      cpuMsWithClient: summary(cpu),
    };
  } finally {
    await pue.stop();
  }
}

async function contention(clients: number) {
  const pue = await startPortal(() => NOW);
  const b = await startSyncedBranch(pue, { now: () => NOW, serveApps: false });
  try {
    const manager = await b.login('kierownik');
    const tokens = [await b.device('kiosk'), await b.login('urzednik1'), manager];
    // Thursday 10:00: 14 pension counters, half the bookable ones escrowed to the portal.
    const plan = weeklyPlan({
      weekdays: [4],
      from: '10:00',
      to: '10:30',
      counters: counterIds('c', 14, 2),
      portal: 50,
    });
    // The stand-in's demo visit (another day) predates the plan: accepted as stranded.
    const put = await b.api('PUT', '/api/v1/manager/calendar/plan', manager, {
      plan,
      acceptStranded: true,
    });
    if (put.status !== 200) throw new Error(`plan refused: ${JSON.stringify(put.body)}`);
    await b.server.sync.pullNow();
    const start = '2026-12-03T09:00:00.000Z';
    // Two places taken on each side: 10 left, 5 at the branch and 5 at the portal.
    for (let i = 0; i < 2; i += 1) {
      await b.api('POST', '/api/v1/calendar/visits', manager, {
        serviceId: 'emerytury',
        start,
        pesel: pesel(9000 + i),
      });
      pue.createBooking({
        branchId: BRANCH_ID,
        serviceId: 'emerytury',
        date: '2026-12-03',
        time: '10:00',
        pesel: pesel(9100 + i),
      });
    }
    const outcomes: { channel: string; status: number; reason?: string; ms: number }[] = [];
    const race = Array.from({ length: clients }, async (_, i) => {
      const t0 = performance.now();
      if (i % 4 === 3) {
        // Online: the stand-in's booking, from its own turn of the event loop.
        await new Promise((r) => setImmediate(r));
        try {
          pue.createBooking({
            branchId: BRANCH_ID,
            serviceId: 'emerytury',
            date: '2026-12-03',
            time: '10:00',
            pesel: pesel(i),
          });
          outcomes.push({ channel: 'portal', status: 201, ms: performance.now() - t0 });
        } catch (e) {
          const err = e as SkrError;
          outcomes.push({
            channel: 'portal',
            status: err.code === 'CONFLICT' ? 409 : 500,
            reason: String(err.details?.reason),
            ms: performance.now() - t0,
          });
        }
        return;
      }
      const r = await b.api('POST', '/api/v1/calendar/visits', tokens[i % 4], {
        serviceId: 'emerytury',
        start,
        pesel: pesel(i),
      });
      outcomes.push({
        channel: ['kiosk', 'desk', 'manager'][i % 4]!,
        status: r.status,
        reason: r.body?.details?.reason,
        ms: performance.now() - t0,
      });
    });
    await Promise.all([...race, b.server.sync.pullNow().catch(() => 0)]);
    await b.server.sync.pullNow();
    const store = calendarStore(b.server.db);
    const visits = store.visitsOn('2026-12-03');
    const slot = buildSlots(
      store.plan()!,
      '2026-12-03',
      '2026-12-03',
      ZONE,
      store.ledger('2026-12-03', '2026-12-03'),
    )[0]!;
    const booked = visits.filter((v) => v.start === start && v.status === 'booked').length;
    const refused = outcomes.filter((o) => o.status !== 201);
    const byChannel = Object.fromEntries(
      ['kiosk', 'desk', 'manager', 'portal'].map((c) => [
        c,
        outcomes.filter((o) => o.channel === c && o.status === 201).length,
      ]),
    );
    return {
      clients,
      won: outcomes.length - refused.length,
      wonByChannel: byChannel,
      refused: refused.length,
      refusedAll409Full: refused.every((o) => o.status === 409 && o.reason === 'full'),
      bookedInSlot: booked,
      // Spare branch places the portal asked for mid-race (its clients had found it full).
      placesMovedToPortal: Object.values(store.ledger('2026-12-03', '2026-12-03')).filter(
        (o) => o === 'portal',
      ).length,
      capacity: slot.units.length,
      overbooked: Math.max(0, booked - slot.units.length) + (slotHolds(slot, visits) ? 0 : 1),
      latencyMs: summary(outcomes.map((o) => o.ms)),
    };
  } finally {
    await b.close();
    await pue.stop();
  }
}

/** The calendar figures of one run. */
export async function benchBookings(
  o: { calls?: number; branches?: number; only?: 'branch' | 'portal' | 'contention' } = {},
) {
  const want = (k: string) => !o.only || o.only === k;
  return {
    ...(want('branch') && { branchAvailability30Days: await branchAvailability(o.calls ?? 300) }),
    ...(want('portal') && {
      portalAvailability30Days: await portalAvailability(o.branches ?? 300, o.calls ?? 300),
    }),
    ...(want('contention') && { contentionLast10Places: await contention(200) }),
  };
}
