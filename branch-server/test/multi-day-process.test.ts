import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BranchEvent, Ticket } from '@skr/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { callApi, connectSocket, loginAt, type RecordingSocket, until } from './harness';
import { startServerProcess, type ServerProcess } from './process';

// Two branch days of the real server process (branch-server/src/main.ts) under a clock moved by
// Debian's libfaketime: day 1 ends with tickets waiting and a counter open; the process is
// started again the next morning, past the close it missed.
const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';
const PASSWORD = 'multi-day-pass-1234';
const dir = mkdtempSync(join(tmpdir(), 'skr-multi-day-'));
let server: ServerProcess | undefined;
const sockets: RecordingSocket[] = [];

afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** The server process with its wall clock starting at `utc` ("YYYY-MM-DD HH:MM:SS", UTC). */
function startAt(data: string, utc: string): Promise<ServerProcess> {
  return startServerProcess(data, PASSWORD, {
    startTimeoutMs: 60_000,
    env: {
      LD_PRELOAD: LIBFAKETIME,
      FAKETIME: `@${utc}`,
      // Timers and the event loop run on real time; only the wall clock is moved.
      FAKETIME_DONT_FAKE_MONOTONIC: '1',
      TZ: 'UTC',
    },
  });
}

async function login(url: string, username: string): Promise<string> {
  const r = await loginAt(url, username, PASSWORD);
  expect(r.status).toBe(200);
  return r.body.token as string;
}

async function pair(url: string, kind: 'kiosk' | 'display'): Promise<string> {
  const r = await callApi(url, 'POST', '/api/v1/devices', await login(url, 'admin'), {
    kind,
    name: `${kind} multi-day`,
  });
  return r.body.token as string;
}

/** Calls a screen would show: the snapshot's recent calls, then each call event after it. */
function shownCalls(s: RecordingSocket): Ticket[] {
  const fromSnapshot = s.snapshots.at(-1)?.recentCalls ?? [];
  const called = s.events
    .filter((e: BranchEvent) => e.type === 'ticket.called' && e.ticket)
    .map((e) => e.ticket!);
  return [...fromSnapshot, ...called];
}

describe.skipIf(!existsSync(LIBFAKETIME))('two branch days of the real server process', () => {
  it('day 2 restarts numbering with no number shown twice, leftovers expired, counters closed', async () => {
    // A retry of this test: the first attempt's server goes, its data stays in its folder.
    await server?.kill('SIGKILL');
    const data = mkdtempSync(join(dir, 'attempt-'));
    // Day 1, Tuesday 1 December 2026, 10:00 in Warsaw.
    server = await startAt(data, '2026-12-01 09:00:00');
    let url = server.url;
    const kiosk = await pair(url, 'kiosk');
    const display = await pair(url, 'display');
    const issue = () => callApi(url, 'POST', '/api/v1/tickets', kiosk, { serviceId: 'ogolne' });
    const day1 = [await issue(), await issue(), await issue()];
    expect(day1.map((r) => r.body.number)).toEqual(['H001', 'H002', 'H003']);
    const clerk = await login(url, 'urzednik12');
    expect((await callApi(url, 'POST', '/api/v1/counters/12/open', clerk)).status).toBe(200);
    const screen1 = await connectSocket(url, '/display', display);
    sockets.push(screen1);
    const called = await callApi(url, 'POST', '/api/v1/counters/12/call-next', clerk);
    expect(called.body.ticket.number).toBe('H001');
    await until(() => shownCalls(screen1).some((t) => t.id === day1[0]!.body.id));
    const lastSeqDay1 = Math.max(...screen1.events.map((e) => e.seq));
    screen1.close();
    // The branch is left as it is at night: H001 called at an open counter, two waiting.
    await server.kill('SIGTERM');

    // Day 2, Wednesday, 08:30 in Warsaw: the close of day 1 was missed while the server was off.
    server = await startAt(data, '2026-12-02 07:30:00');
    url = server.url;
    const manager = await login(url, 'kierownik');
    const queue = (await callApi(url, 'GET', '/api/v1/queue', manager)).body;
    expect(queue.counters.every((c: { state: string; clerk: null }) => c.state === 'closed')).toBe(
      true,
    );
    expect(queue.counters.every((c: { clerk: string | null }) => c.clerk === null)).toBe(true);
    expect(queue.recentCalls).toEqual([]);
    expect(queue.lines.reduce((n: number, l: { waiting: number }) => n + l.waiting, 0)).toBe(0);
    // The manager's statistics of day 1 are closed: every ticket has an outcome, none served.
    const stats = await callApi(
      url,
      'GET',
      '/api/v1/manager/stats?period=day&date=2026-12-01',
      manager,
    );
    expect(stats.body.total).toMatchObject({ issued: 3, expired: 3, cancelled: 0, noShows: 0 });
    for (const r of day1) {
      const pub = await callApi(url, 'GET', `/api/v1/public/tickets/${r.body.id as string}`);
      expect(pub.body.state).toBe('expired');
    }

    // A screen that was on yesterday resumes from where it stopped; a fresh one gets a snapshot.
    const resumed = await connectSocket(url, '/display', display, lastSeqDay1);
    const fresh = await connectSocket(url, '/display', display);
    sockets.push(resumed, fresh);
    await until(() => fresh.snapshots.length > 0);
    expect(fresh.snapshots[0]!.recentCalls).toEqual([]);

    const first = await issue();
    expect(first.body.number).toBe('H001');
    const clerk2 = await login(url, 'urzednik12');
    expect((await callApi(url, 'POST', '/api/v1/counters/12/open', clerk2)).status).toBe(200);
    const c2 = await callApi(url, 'POST', '/api/v1/counters/12/call-next', clerk2);
    expect(c2.body.ticket.id).toBe(first.body.id);
    for (const s of [resumed, fresh]) {
      await until(() => shownCalls(s).some((t) => t.id === first.body.id));
    }
    // The fresh screen shows today's H001 once, and never yesterday's.
    const shown = shownCalls(fresh);
    expect(shown.map((t) => t.number)).toEqual(['H001']);
    expect(shown[0]!.id).toBe(first.body.id);
    // The resumed screen learnt that yesterday's H001 expired before today's H001 was called.
    const order = resumed.events.map((e) => [e.type, e.ticket?.id]);
    const expiredAt = order.findIndex(
      ([type, id]) => type === 'ticket.expired' && id === day1[0]!.body.id,
    );
    const calledAt = order.findIndex(
      ([type, id]) => type === 'ticket.called' && id === first.body.id,
    );
    expect(expiredAt).toBeGreaterThanOrEqual(0);
    expect(calledAt).toBeGreaterThan(expiredAt);
    await server.kill('SIGTERM');
    server = undefined;

    // Statistics closed day 1: every ticket has a final outcome, the three leftovers expired.
    const db = new Database(join(data, 'branch.sqlite'), { readonly: true });
    try {
      const day = db
        .prepare(
          `SELECT SUM(issued) AS issued, SUM(expired) AS expired, SUM(cancelled) AS cancelled,
             SUM(no_show) AS noShow FROM stats_daily WHERE day = '2026-12-01'`,
        )
        .get();
      expect(day).toEqual({ issued: 3, expired: 3, cancelled: 0, noShow: 0 });
      const actors = db
        .prepare(`SELECT DISTINCT actor FROM events WHERE type = 'ticket.expired'`)
        .all();
      expect(actors).toEqual([{ actor: 'system:end-of-day' }]);
    } finally {
      db.close();
    }
  }, 180_000);
});
