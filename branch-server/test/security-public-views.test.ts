import { BranchEventType, type BranchEvent, type SocketNamespace } from '@skr/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBranch, until, type TestBranch } from './harness';
import { EVERY_DAY, weeklyPlan } from './booking-plan';

// Issue 13: screens, kiosks and LED boards stand in the waiting room. Every event type is made
// happen once (with a booking code, a priority reason, a clerk at the counter and a break
// reason), then each public role reads the queue, the counters, the event log, the socket
// handshake snapshot, `queue:snapshot`, a replay and the live stream, and every answer is
// searched for the values that role may not see.
const CODE = 'SEKRET42';
const CLERK = 'urzednik1';
const PAUSE = 'lekarz-prywatnie';
let b: TestBranch;
let staffToken = '';
const tokens: Record<'display' | 'kiosk' | 'board', string> = { display: '', kiosk: '', board: '' };
const live: Record<string, BranchEvent[]> = {};

/** Paths in `value` where something secret shows. */
function leaks(value: unknown, path = '$'): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') {
    const s = value;
    return [CODE, 'SEKRET43', 'NIEPRZYS', CLERK, PAUSE, 'pregnancy', 'disability'].some((x) =>
      s.includes(x),
    )
      ? [`${path}=${s}`]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => leaks(v, `${path}[${i}]`));
  if (typeof value === 'object') {
    const out: string[] = [];
    for (const [k, v] of Object.entries(value)) {
      // Fields a waiting room has no use for at all, whatever their value.
      if (['bookingCode', 'bookedFor', 'clerk', 'actor', 'pauseReason', 'priority'].includes(k)) {
        if (v !== null && v !== undefined) out.push(`${path}.${k}=${JSON.stringify(v)}`);
        continue;
      }
      out.push(...leaks(v, `${path}.${k}`));
    }
    return out;
  }
  return [];
}

beforeAll(async () => {
  b = await startTestBranch();
  tokens.display = await b.device('display');
  tokens.kiosk = await b.device('kiosk');
  tokens.board = await b.device('board');
  // Live streams from before anything happens.
  for (const [ns, role] of [
    ['/display', 'display'],
    ['/kiosk', 'kiosk'],
  ] as [SocketNamespace, 'display' | 'kiosk'][]) {
    const s = await b.socket(ns, tokens[role]);
    live[ns] = s.events;
  }
  const clerk = await b.login(CLERK);
  staffToken = clerk;
  const manager = await b.login('kierownik');
  const admin = await b.login('admin');
  const ok = async (method: string, path: string, token: string, body?: unknown) => {
    const r = await b.api(method, path, token, body);
    expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
    return r.body;
  };
  const bookedFor = new Date(b.branch.now().getTime() + 5 * 60_000).toISOString();
  await ok('POST', '/api/v1/bookings', manager, { code: CODE, serviceId: 'emerytury', bookedFor });
  await ok('POST', '/api/v1/counters/1/open', clerk);
  const booked = await ok('POST', '/api/v1/tickets', tokens.kiosk, { bookingCode: CODE });
  await ok('POST', '/api/v1/tickets', tokens.kiosk, {
    serviceId: 'emerytury',
    priority: 'pregnancy',
  });
  for (let i = 0; i < 4; i++)
    await ok('POST', '/api/v1/tickets', tokens.kiosk, { serviceId: 'emerytury' });
  // Call, recall, start, park, return, finish, no-show, transfer, cancel: all through a clerk.
  const call = async () =>
    ((await ok('POST', '/api/v1/counters/1/call-next', clerk)) as { ticket: { id: string } }).ticket
      .id;
  const act = (id: string, a: string, body?: unknown) =>
    ok('POST', `/api/v1/tickets/${id}/${a}`, clerk, body);
  let id = await call();
  await act(id, 'recall');
  await act(id, 'start');
  await act(id, 'park');
  await act(id, 'return');
  id = await call();
  await act(id, 'start');
  await act(id, 'finish');
  id = await call();
  await act(id, 'no-show');
  id = await call();
  await act(id, 'transfer', { serviceId: 'zasilki' });
  id = await call();
  await act(id, 'start');
  await act(id, 'park');
  await act(id, 'cancel');
  expect(booked).toBeTruthy();
  await ok('POST', '/api/v1/counters/1/pause', clerk, { reason: PAUSE });
  await ok('POST', '/api/v1/devices/status', tokens.kiosk, {
    component: 'printer',
    ok: false,
    code: 'PAPER_OUT',
    message: `klient ${CODE}`,
  });
  // A calendar visit booked, moved and cancelled (booking.created/rebooked/cancelled).
  await ok('PUT', '/api/v1/manager/calendar/plan', manager, {
    plan: weeklyPlan({ weekdays: EVERY_DAY, from: '00:00', to: '23:30', counters: ['k1'] }),
  });
  const today = new Date(b.branch.now().getTime() - 86_400_000).toISOString().slice(0, 10);
  const later = new Date(b.branch.now().getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
  const { slots } = (await ok(
    'GET',
    `/api/v1/calendar/slots?serviceId=emerytury&from=${today}&to=${later}`,
    manager,
  )) as { slots: { start: string }[] };
  const visit = (await ok('POST', '/api/v1/calendar/visits', tokens.kiosk, {
    serviceId: 'emerytury',
    start: slots[0]!.start,
    pesel: '44051401458',
  })) as { visit: { code: string } };
  const moved = (await ok('POST', `/api/v1/calendar/visits/${visit.visit.code}/rebook`, clerk, {
    pesel: '44051401458',
    start: slots[4]!.start,
  })) as { visit: { code: string } };
  await ok('POST', `/api/v1/calendar/visits/${moved.visit.code}/cancel`, manager, {});
  await ok('PUT', '/api/v1/config/settings', admin, {
    maxRecalls: 3,
    lateArrivalMinutes: 15,
    earlyArrivalMinutes: 60,
    regularPerPriority: 2,
    starvationFactor: 2,
  });
  const clerk2 = await b.login('urzednik2');
  await ok('POST', '/api/v1/counters/2/open', clerk2);
  await ok('POST', '/api/v1/counters/2/close', clerk2);
  await ok('POST', '/api/v1/tickets', tokens.kiosk, {
    serviceId: 'emerytury',
    priority: 'disability',
  });
  // The manager ends the day: the tickets left waiting expire (ticket.expired) and a visit
  // booked for today that never came is recorded (booking.no-show).
  await ok('POST', '/api/v1/bookings', manager, {
    code: 'NIEPRZYS',
    serviceId: 'zasilki',
    bookedFor: new Date(b.branch.now().getTime() - 60 * 60_000).toISOString(),
  });
  await ok('POST', '/api/v1/manager/end-day', manager);
  // A new day's booked client and a priority ticket, so the live views have codes to hide again.
  await ok('POST', '/api/v1/bookings', manager, {
    code: 'SEKRET43',
    serviceId: 'emerytury',
    bookedFor,
  });
  await ok('POST', '/api/v1/tickets', tokens.kiosk, { bookingCode: 'SEKRET43' });
  await ok('POST', '/api/v1/counters/1/open', clerk);
  await ok('POST', '/api/v1/counters/1/pause', clerk, { reason: PAUSE });
  await ok('POST', '/api/v1/tickets', tokens.kiosk, {
    serviceId: 'emerytury',
    priority: 'disability',
  });
}, 60_000);
afterAll(async () => {
  await b?.close();
});

describe('public surfaces carry only what a waiting room needs (issue 13)', () => {
  it('the scenario produced every event type, and staff still see the details', async () => {
    const all = await b.api('GET', '/api/v1/events?since=0&limit=5000', staffToken);
    const types = new Set((all.body.events as BranchEvent[]).map((e) => e.type));
    const missing = BranchEventType.options.filter((t) => !types.has(t));
    expect(missing).toEqual([]);
    // The check can fail: the staff view has the very values the public view must not.
    expect(leaks(all.body).length).toBeGreaterThan(0);
    expect(leaks((await b.api('GET', '/api/v1/queue', staffToken)).body).length).toBeGreaterThan(0);
  });

  for (const role of ['display', 'kiosk', 'board'] as const) {
    it(`${role}: /queue, /counters and /events since 0 hold nothing personal`, async () => {
      for (const path of [
        '/api/v1/queue',
        '/api/v1/counters',
        '/api/v1/events?since=0&limit=5000',
      ]) {
        const r = await b.api('GET', path, tokens[role]);
        expect(r.status, path).toBe(200);
        expect(leaks(r.body), `${role} ${path}`).toEqual([]);
      }
    });
  }

  for (const [ns, role] of [
    ['/display', 'display'],
    ['/kiosk', 'kiosk'],
  ] as const) {
    it(`${ns} (${role}): handshake snapshot, queue:snapshot, replay and live events`, async () => {
      const fresh = await b.socket(ns, tokens[role]);
      await until(() => fresh.snapshots.length === 1);
      expect(leaks(fresh.snapshots[0])).toEqual([]);
      const ack = await fresh.socket.timeout(5000).emitWithAck('queue:snapshot');
      expect(ack.ok).toBe(true);
      expect(leaks(ack)).toEqual([]);
      const replay = await b.socket(ns, tokens[role], 0);
      await until(() => replay.resumed.length === 1);
      expect(replay.events.length).toBeGreaterThan(20);
      expect(leaks(replay.events)).toEqual([]);
      expect(live[ns]!.length).toBeGreaterThan(20);
      expect(leaks(live[ns])).toEqual([]);
    });
  }
});
