import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../src/store';
import { createSync } from '../src/sync';
import { outboxRepo } from '../src/sync/outbox-repo';
import { smallDisk } from './full-disk';
import { until } from './harness';

// The portal outbox on a full disk (a real 8 MiB tmpfs, root only): delivered reports cannot be
// recorded, so every round fails. The worker must back off instead of retrying at once, log
// the fault once and the recovery once, and deliver everything when space comes back.
const dir = mkdtempSync(join(tmpdir(), 'skr-outbox-full-'));
const disk = smallDisk(dir);
let db: Db | undefined;
let portal: Server | undefined;
let started: ReturnType<typeof createSync> | undefined;
afterAll(async () => {
  await started?.stop();
  await new Promise((r) => (portal ? portal.close(r) : r(undefined)));
  db?.close();
  disk.unmount();
  rmSync(dir, { recursive: true, force: true });
});

describe.runIf(disk.mounted)('outbox on a full disk', () => {
  it('backs off (not ~200 errors a minute), logs once per state change, delivers after', async () => {
    // CI's retry: the first attempt's sync, portal and database go, the disk is freed, and the
    // database is a new one (the first attempt's rows would count, and it may still be running).
    await started?.stop();
    await new Promise((r) => (portal ? portal.close(r) : r(undefined)));
    db?.close();
    disk.free();
    const attempt = mkdtempSync(join(dir, 'attempt-'));
    let posts = 0;
    portal = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (req.method === 'POST' && req.url?.endsWith('/daily-stats')) {
          posts += 1;
          res.writeHead(201, { 'content-type': 'application/json' });
          const key = String(req.headers['idempotency-key']);
          res.end(
            JSON.stringify({
              receiptId: `r-${key}`,
              idempotencyKey: key,
              receivedAt: new Date().toISOString(),
            }),
          );
          return;
        }
        res.writeHead(404).end();
      });
    });
    await new Promise<void>((r) => portal!.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
    db = openDatabase(join(attempt, 'branch.sqlite'));
    const outbox = outboxRepo(db);
    for (const day of ['2026-11-27', '2026-11-28', '2026-11-29'])
      outbox.enqueue('daily-stats', `stats:${day}`, day, { day, services: [] }, new Date(), 0);
    const lines: { level: number; msg: string }[] = [];
    const log = pino({ level: 'info' }, { write: (s: string) => lines.push(JSON.parse(s)) });
    const sync = createSync({
      db,
      now: () => new Date(),
      log,
      portal: { url, branchId: 'b1', branchKey: 'k', pullIntervalMs: 3_600_000 },
    });
    // After createSync: it writes its own keys when made.
    disk.fill();
    started = sync;
    sync.start();
    // Back-off 1 s, 2 s, 4 s…: rounds at about 0, 1 and 3 s in the first 4.5 s.
    await new Promise((r) => setTimeout(r, 4500));
    const failingRounds = posts / 3;
    const errors = lines.filter((l) => l.level >= 50);
    expect(errors.map((l) => l.msg)).toEqual(['outbox rounds failing; backing off']);
    expect(failingRounds).toBeGreaterThanOrEqual(2);
    expect(failingRounds).toBeLessThanOrEqual(4);
    expect(sync.status().outbox.pending).toBe(3);

    disk.free();
    await until(() => sync.status().outbox.pending === 0, 15_000);
    await sync.stop();
    expect(lines.filter((l) => l.msg === 'outbox rounds work again')).toHaveLength(1);
    expect(lines.filter((l) => l.level >= 50)).toHaveLength(1);
  }, 60_000);
});
