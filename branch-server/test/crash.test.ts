import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { callApi, TEST_PASSWORD, until } from './harness';
import { startServerProcess, type ServerProcess } from './process';

const dir = mkdtempSync(join(tmpdir(), 'skr-crash-'));
let proc: ServerProcess | undefined;
afterAll(async () => {
  await proc?.kill();
  rmSync(dir, { recursive: true, force: true });
});

async function token(url: string, body: object, path = '/api/v1/auth/login') {
  const r = await callApi(url, 'POST', path, undefined, body);
  return r.body.token as string;
}

describe('kill -9 and restart', () => {
  it('loses no acknowledged ticket, repeats no number and continues the numbering', async () => {
    // A retry of this test: the first attempt's server goes, and its data stays in its folder.
    await proc?.kill();
    const data = mkdtempSync(join(dir, 'attempt-'));
    proc = await startServerProcess(data, TEST_PASSWORD);
    const admin = await token(proc.url, { username: 'admin', password: TEST_PASSWORD });
    const kiosk = (
      await callApi(proc.url, 'POST', '/api/v1/devices', admin, { kind: 'kiosk', name: 'k' })
    ).body.token as string;
    const acked: { id: string; number: string }[] = [];
    for (let round = 0; round < 3; round += 1) {
      const url = proc.url;
      let stop = false;
      // Four kiosks issuing as fast as they can while the server is killed under them.
      const loops = Array.from({ length: 4 }, async () => {
        while (!stop) {
          try {
            const r = await callApi(url, 'POST', '/api/v1/tickets', kiosk, { serviceId: 'ogolne' });
            if (r.status === 201) acked.push({ id: r.body.id, number: r.body.number });
          } catch {
            return; // connection refused or reset: the server is gone
          }
        }
      });
      // Some acknowledged tickets in every round first (a fixed 150 ms gave 9 in three rounds
      // when other test files loaded the machine), then a moment that differs per round.
      const before = acked.length;
      await until(() => acked.length >= before + 8, 30_000);
      await new Promise((r) => setTimeout(r, 50 + round * 70));
      await proc.kill('SIGKILL');
      stop = true;
      await Promise.all(loops);
      proc = await startServerProcess(data, TEST_PASSWORD);
    }
    expect(acked.length).toBeGreaterThan(20);
    const clerk = await token(proc.url, { username: 'urzednik11', password: TEST_PASSWORD });
    for (const t of acked) {
      const r = await callApi(proc.url, 'GET', `/api/v1/tickets/${t.id}`, clerk);
      expect(r.status).toBe(200);
      expect(r.body.ticket.number).toBe(t.number);
    }
    expect(new Set(acked.map((t) => t.number)).size).toBe(acked.length);
    const max = Math.max(...acked.map((t) => Number(t.number.slice(1))));
    const next = await callApi(proc.url, 'POST', '/api/v1/tickets', kiosk, { serviceId: 'ogolne' });
    expect(Number(next.body.number.slice(1))).toBeGreaterThan(max);
  }, 150_000);
});
