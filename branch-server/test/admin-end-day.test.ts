import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../src/admin/cli';
import { loadConfig } from '../src/config';
import { startBranch } from '../src/main';
import { runtimeFilePath, writeRuntimeFile } from '../src/runtime-file';
import { queryBranchDb, startTestBranch, until } from './harness';

// `skr-admin end-day` against a running server (through its API) and a stopped one (the same
// use case on the database), with real SQLite files.
const root = mkdtempSync(join(tmpdir(), 'skr-admin-end-day-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function endDay(dir: string, port: number) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(['end-day'], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    readStdin: async () => '',
    env: { SKR_CONFIG: '', SKR_DATA_DIR: dir, SKR_PORT: String(port), SKR_HOST: '127.0.0.1' },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A stopped server's data folder `name` with one walk-in ticket left waiting: its id. */
async function stoppedWithTicket(name: string): Promise<{ dir: string; id: string }> {
  // A folder per call: CI's retry of a test must not find the first attempt's database.
  const dir = mkdtempSync(join(root, `${name}-`));
  const b = await startTestBranch({ dir });
  const left = await b.api('POST', '/api/v1/tickets', await b.device('kiosk'), {
    serviceId: 'ogolne',
  });
  await b.close(true);
  return { dir, id: left.body.id as string };
}

/** The state of ticket `id` as the database in `dir` holds it. */
function ticketStates(dir: string, id: string) {
  return queryBranchDb<{ state: string }>(dir, 'SELECT state FROM tickets WHERE id = ?', id);
}

describe('skr-admin end-day', () => {
  it('ends the day through the running server: screens see it, its credential is revoked', async () => {
    const dir = mkdtempSync(join(root, 'running-'));
    const b = await startTestBranch({ dir });
    try {
      const kiosk = await b.device('kiosk');
      const clerk = await b.login('urzednik12');
      const left = await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'ogolne' });
      expect((await b.api('POST', '/api/v1/counters/12/open', clerk)).status).toBe(200);
      b.branch.addBooking('MISS01', 'ogolne', new Date().toISOString(), null);
      const display = await b.socket('/display', await b.device('display'));

      const r = await endDay(dir, Number(new URL(b.url).port));
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toContain('przez serwer');
      expect(r.out).toMatch(
        /stanowiska zamknięte 1, numery rozliczone 1, rezerwacje bez zgłoszenia 1/,
      );

      // The running server's memory followed: its queue and its screens.
      expect(b.branch.ticket(left.body.id).state).toBe('expired');
      const snap = (await b.api('GET', '/api/v1/queue', await b.login('kierownik'))).body;
      expect(snap.counters.every((c: { state: string }) => c.state === 'closed')).toBe(true);
      await until(() => display.events.some((e) => e.type === 'ticket.expired'));
      const logged = b.branch.eventsSince(0, 10_000).filter((e) => e.actor === 'system:skr-admin');
      expect(logged.map((e) => e.type).sort()).toEqual([
        'booking.no-show',
        'counter.closed',
        'ticket.expired',
      ]);
      // The booked visit that never came is queued for the portal as a no-show.
      const outbox = queryBranchDb<{ payload: string }>(
        dir,
        `SELECT payload FROM outbox WHERE idempotency_key = 'visit:booking:MISS01'`,
      );
      expect(JSON.parse(outbox[0]!.payload)).toMatchObject({
        bookingCode: 'MISS01',
        outcome: 'no-show',
        ticketNumber: null,
      });
      // The one-minute credential it granted itself no longer works.
      const tokens = queryBranchDb<{ revoked: number }>(
        dir,
        `SELECT revoked FROM tokens WHERE subject = 'system:skr-admin'`,
      );
      expect(tokens).toEqual([{ revoked: 1 }]);
      // Ending again changes nothing and records no second no-show.
      expect((await endDay(dir, Number(new URL(b.url).port))).out).toMatch(
        /zamknięte 0, numery rozliczone 0, rezerwacje bez zgłoszenia 0/,
      );
    } finally {
      await b.close(true);
    }
  });

  it('ends the day on the database when the server is stopped', async () => {
    const { dir, id } = await stoppedWithTicket('stopped');
    const r = await endDay(dir, 0);
    expect(r.code).toBe(0);
    expect(r.out).toContain('w bazie, serwer zatrzymany');
    expect(ticketStates(dir, id)).toEqual([{ state: 'expired' }]);
    const stats = queryBranchDb<{ expired: number }>(
      dir,
      `SELECT SUM(expired) AS expired FROM stats_daily`,
    );
    expect(stats).toEqual([{ expired: 1 }]);
  });

  it('finds the server by the file it writes next to its database, whatever port it took', async () => {
    const dir = mkdtempSync(join(root, 'other-port-'));
    const env = {
      SKR_CONFIG: '',
      SKR_DATA_DIR: dir,
      SKR_PORT: '0',
      SKR_ANNOUNCER: 'off',
      SKR_LOG_LEVEL: 'warn',
    };
    const running = await startBranch(loadConfig({ env }));
    try {
      expect(existsSync(runtimeFilePath(join(dir, 'branch.sqlite')))).toBe(true);
      // The configuration names another port: the command must not take the database for idle.
      const r = await endDay(dir, 59_998);
      expect(r.err).toBe('');
      expect(r.out).toContain('przez serwer');
    } finally {
      await running.close();
    }
    expect(existsSync(runtimeFilePath(join(dir, 'branch.sqlite')))).toBe(false);
  });

  it('refuses to write the database under a server that runs but does not answer', async () => {
    const { dir, id } = await stoppedWithTicket('silent');
    // This test process is alive; the address it names answers nothing.
    writeRuntimeFile(join(dir, 'branch.sqlite'), { pid: process.pid, url: 'http://127.0.0.1:9' });
    const r = await endDay(dir, 0);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('nie odpowiada');
    expect(ticketStates(dir, id)).toEqual([{ state: 'waiting' }]);
  });
});
