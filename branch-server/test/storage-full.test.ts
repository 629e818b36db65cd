import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { smallDisk } from './full-disk';
import { startTestBranch, type TestBranch } from './harness';

// A real full disk: an 8 MiB tmpfs holds the database; a filler file takes the rest. Without
// the right to mount (not root), the same fault comes from SQLite's max_page_count.
const dir = mkdtempSync(join(tmpdir(), 'skr-full-'));
let disk: ReturnType<typeof smallDisk>;
let b: TestBranch;

/** Fills the disk to the last byte (ENOSPC), or caps the database when it is no tmpfs. */
function fillDisk(): void {
  // A checkpointed WAL (SQLite checkpoints every 1,000 pages) is rewritten from its start, so
  // commits go on succeeding in the space the WAL file already has (nothing is lost: they are
  // on disk). Truncated first, the next commit needs new space at once: the moment tested here.
  // The checkpoint worker may be copying at this moment: SQLite then answers busy (1) without
  // truncating, so ask again (5 ms apart, for 2 s at most) until it is done.
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let i = 0; i < 400; i += 1) {
    const [r] = b.server.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (r?.busy === 0) break;
    Atomics.wait(pause, 0, 0, 5);
  }
  if (disk.mounted) return disk.fill();
  const pages = b.server.db.pragma('page_count', { simple: true }) as number;
  b.server.db.pragma(`max_page_count = ${pages}`);
}

function freeDisk(): void {
  if (disk.mounted) disk.free();
  else b.server.db.pragma('max_page_count = 1073741823');
}

// Before each attempt, not once: CI's retry would find the first attempt's tickets (H003, not
// H001) and maybe a disk still full. The first attempt's branch and disk go first.
beforeEach(async () => {
  if (b) {
    freeDisk();
    await b.close();
    disk.unmount();
  }
  const attempt = mkdtempSync(join(dir, 'attempt-'));
  disk = smallDisk(attempt);
  b = await startTestBranch({ dir: attempt });
}, 90_000);

afterAll(async () => {
  await b?.close();
  disk?.unmount();
  rmSync(dir, { recursive: true, force: true });
});

describe('storage faults (disk full)', () => {
  it('answers 503 UNAVAILABLE, reports degraded, burns no number, loses nothing acknowledged', async () => {
    const kiosk = await b.device('kiosk');
    const issue = () => b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'ogolne' });
    const before = await issue();
    expect(before.status).toBe(201);
    expect(before.body.number).toBe('H001');
    expect((await b.api('GET', '/api/v1/health')).body.status).toBe('ok');

    fillDisk();
    // Several kiosks at once: one group commit, and it fails as a whole.
    const failed = await Promise.all(Array.from({ length: 20 }, issue));
    for (const r of failed) {
      expect(r.status).toBe(503);
      expect(r.body.code).toBe('UNAVAILABLE');
      expect(r.body.message).toMatch(/niedostępna/);
      expect(r.body.message).not.toMatch(/at |\.ts:/);
    }
    expect(failed.map((r) => r.body.details?.reason)).toContain(
      disk.mounted ? 'disk-full' : 'disk-full',
    );
    const health = await b.api('GET', '/api/v1/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'degraded', storage: { code: 'SQLITE_FULL' } });

    freeDisk();
    const after = await issue();
    expect(after.status).toBe(201);
    // No number was burned by the 20 failed issues.
    expect(after.body.number).toBe('H002');
    expect((await b.api('GET', '/api/v1/health')).body.status).toBe('ok');
    // Everything acknowledged is on disk; nothing refused is.
    const rows = b.server.db
      .prepare(`SELECT number FROM tickets WHERE service_id = 'ogolne' ORDER BY number`)
      .all() as { number: string }[];
    expect(rows.map((r) => r.number)).toEqual(['H001', 'H002']);
    // Memory agrees with the disk: the line holds exactly the two acknowledged tickets.
    const snap = await b.api('GET', '/api/v1/queue', await b.login('kierownik'));
    const line = (snap.body.lines as { serviceId: string; waiting: number }[]).find(
      (l) => l.serviceId === 'ogolne',
    );
    expect(line?.waiting).toBe(2);
    // The fault came from a full tmpfs where the machine allows mounting one.
    expect(disk.mounted || !process.getuid || process.getuid() !== 0).toBe(true);
  }, 120_000);
});
