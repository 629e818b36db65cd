import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../src/sim/prng';
import { walProbe } from '../src/store/wal-probe';
import { checkBranchDb } from './fuzz-invariants';
import { callApi, loginAt, TEST_PASSWORD, until } from './harness';
import { startServerProcess, type ServerProcess } from './process';

// kill -9 soak of the WAL checkpoint worker: the real server process issues tickets to four
// kiosks without pause and is killed with SIGKILL eight times, at random moments and at the
// moment its worker starts copying pages into the database file (a checkpoint in flight);
// after every kill the files as left must open, pass integrity_check and the branch
// invariants, and hold every acknowledged ticket, and the server must start on them again.
const SEED = Number(process.env.SKR_FUZZ_SEED ?? 20261130);
const KILLS = 8;
// A start takes 2–3 s on a quiet machine and 15–25 s when the other test files load both cores.
const startTimeoutMs = 60_000;
const SERVICES = ['ogolne', 'emerytury', 'zasilki', 'dokumenty'];
const root = mkdtempSync(join(tmpdir(), 'skr-ckpt-kill-'));
let proc: ServerProcess | undefined;
afterAll(async () => {
  await proc?.kill();
  rmSync(root, { recursive: true, force: true });
});

/** The acknowledged tickets missing (or with another number) in the database at `path`. */
function missing(path: string, acked: Map<string, string>): string[] {
  const db = new Database(path);
  try {
    const q = db.prepare('SELECT number FROM tickets WHERE id = ?');
    return [...acked]
      .filter(([id, n]) => (q.get(id) as { number: string } | undefined)?.number !== n)
      .map(([id]) => id);
  } finally {
    db.close();
  }
}

/**
 * Waits (busily: a checkpoint's copy lasts a few ms) until the database file is written, which
 * only a checkpoint does, and kills the server at once. Answers whether the kill landed inside
 * the checkpoint: the WAL index then still shows the frames copied before it (nBackfill is
 * advanced only after the copy and the database's fsync).
 */
async function killInCheckpoint(
  p: ServerProcess,
  dbPath: string,
  ms: number,
  dying: () => void,
): Promise<boolean> {
  const probe = walProbe(dbPath);
  try {
    const start = statSync(dbPath).mtimeMs;
    const deadline = Date.now() + ms;
    let backfilled = -1;
    while (Date.now() < deadline) {
      const frames = probe.frames();
      const unchecked = probe.unchecked();
      if (frames !== undefined && unchecked !== undefined) backfilled = frames - unchecked;
      if (statSync(dbPath).mtimeMs !== start) {
        dying();
        p.child.kill('SIGKILL');
        await p.kill();
        const after = (probe.frames() ?? 0) - (probe.unchecked() ?? 0);
        return after === backfilled && probe.unchecked()! > 0;
      }
      await new Promise((r) => setImmediate(r));
    }
    dying();
    await p.kill();
    return false;
  } finally {
    probe.close();
  }
}

describe('kill -9 while the WAL checkpoint worker runs', () => {
  it('every acknowledged ticket survives, the files stay sound, the server starts again', async () => {
    const rng = createRng(SEED);
    // A folder per attempt (CI's retry would find the first attempt's database and copies), and
    // the first attempt's server, if it still runs, goes.
    await proc?.kill();
    const attempt = mkdtempSync(join(root, 'attempt-'));
    const dataDir = join(attempt, 'live');
    const dbPath = join(dataDir, 'branch.sqlite');
    const env = { SKR_WAL_CHECKPOINT: 'worker' };
    const acked = new Map<string, string>();
    let kiosk = '';
    let inCheckpoint = 0;
    for (let kill = 0; kill < KILLS; kill += 1) {
      proc = await startServerProcess(dataDir, TEST_PASSWORD, { env, startTimeoutMs });
      const url = proc.url;
      if (!kiosk) {
        const admin = (await loginAt(url, 'admin')).body.token as string;
        const r = await callApi(url, 'POST', '/api/v1/devices', admin, {
          kind: 'kiosk',
          name: 'k',
        });
        kiosk = r.body.token as string;
      }
      // From the kill on, the kiosks' failing requests end their loops.
      let dead = false;
      const dying = () => (dead = true);
      const before = acked.size;
      const loops = SERVICES.map(async (serviceId) => {
        for (;;) {
          try {
            const r = await callApi(url, 'POST', '/api/v1/tickets', kiosk, { serviceId });
            if (r.status === 201) acked.set(r.body.id, r.body.number);
            else throw new Error(`issue answered ${r.status}`);
          } catch (e) {
            if (dead) return;
            throw e;
          }
        }
      });
      await until(() => acked.size >= before + 30, 30_000);
      // Odd kills at the start of a checkpoint's copy (or after 10 s without one), even ones at
      // a random moment.
      if (kill % 2 === 1) {
        if (await killInCheckpoint(proc, dbPath, 10_000, dying)) inCheckpoint += 1;
      } else {
        await new Promise((r) => setTimeout(r, rng.int(400)));
        dying();
        await proc.kill('SIGKILL');
      }
      await Promise.all(loops);
      proc = undefined;

      // The files as the kill left them, checked on a copy (the next start must find them as is).
      const copy = join(attempt, `kill-${kill}`);
      mkdirSync(copy);
      for (const f of ['branch.sqlite', 'branch.sqlite-wal', 'branch.sqlite-shm'])
        if (existsSync(join(dataDir, f))) copyFileSync(join(dataDir, f), join(copy, f));
      expect(missing(join(copy, 'branch.sqlite'), acked), `kill ${kill}`).toEqual([]);
      expect(checkBranchDb(join(copy, 'branch.sqlite')).problems, `kill ${kill}`).toEqual([]);
    }
    expect(inCheckpoint).toBeGreaterThan(0);

    // Started once more: numbering goes on past every acknowledged number, then a clean close.
    proc = await startServerProcess(dataDir, TEST_PASSWORD, { env, startTimeoutMs });
    for (const serviceId of SERVICES) {
      const r = await callApi(proc.url, 'POST', '/api/v1/tickets', kiosk, { serviceId });
      expect(r.status).toBe(201);
      const prefix = (r.body.number as string).slice(0, 1);
      const earlier = [...acked.values()]
        .filter((n) => n.startsWith(prefix))
        .map((n) => Number(n.slice(1)));
      expect(Number((r.body.number as string).slice(1))).toBeGreaterThan(Math.max(...earlier));
    }
    await proc.kill('SIGTERM');
    proc = undefined;
    expect(missing(dbPath, acked)).toEqual([]);
    expect(checkBranchDb(dbPath).problems).toEqual([]);
    console.log(
      `checkpoint kill soak: ${KILLS} kills, ${inCheckpoint} inside a checkpoint, ${acked.size} tickets acknowledged`,
    );
    // Nine server starts (tsx compiles each) on a possibly loaded 2-core machine: bounded loosely.
  }, 400_000);
});
