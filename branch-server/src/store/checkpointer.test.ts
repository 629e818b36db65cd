import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { workerRunner } from './checkpoint-worker';
import { SAFETY_NET_FRAMES, startCheckpointer, type CheckpointPlace } from './checkpointer';
import { openDatabase, type Db } from './database';
import { walProbe } from './wal-probe';

const dir = mkdtempSync(join(tmpdir(), 'skr-ckpt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const until = async (ok: () => boolean, ms = 15_000) => {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** 400 commits of 8 KB (~1,200 pages): past SQLite's own 1,000, far below the safety net. */
function writeBlobs(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS blobs (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO blobs (body) VALUES (?)');
  for (let i = 0; i < 400; i++) insert.run(Buffer.alloc(8192, i % 251));
}

describe('WAL checkpoints off the commit path', () => {
  // The database file grows only when a checkpoint copies pages into it, and the writer's own
  // automatic checkpoint waits for 10,000 pages: a file that grows was checkpointed by us.
  it.each<CheckpointPlace>(['worker', 'main'])(
    '%s: checkpoints what the writer commits; the data reads back after stop',
    async (place) => {
      // A folder per attempt: CI's retry must not find the first attempt's rows.
      const path = join(mkdtempSync(join(dir, `${place}-`)), 'branch.sqlite');
      const db = openDatabase(path);
      const ckpt = startCheckpointer(db, { place, minFrames: 200, pollMs: 10 });
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(SAFETY_NET_FRAMES);
      const before = statSync(path).size;
      writeBlobs(db);
      const probe = walProbe(path);
      // The file grows while the worker's checkpoint runs; its result reaches stats() a moment
      // later, so wait for both.
      await until(
        () =>
          statSync(path).size > before + 3_000_000 &&
          probe.unchecked()! < 200 &&
          ckpt.stats().runs > 0,
      );
      probe.close();
      expect(ckpt.stats()).toMatchObject({ failures: 0, degraded: false });
      expect(ckpt.stats().runs).toBeGreaterThan(0);
      await ckpt.stop();
      await ckpt.stop();
      db.close();
      const again = openDatabase(path);
      expect(again.prepare('SELECT COUNT(*) AS n FROM blobs').get()).toEqual({ n: 400 });
      expect(again.pragma('integrity_check', { simple: true })).toBe('ok');
      again.close();
    },
    30_000,
  );

  it('truncates the WAL file once no frame was added for idleMs', async () => {
    const path = join(mkdtempSync(join(dir, 'idle-')), 'branch.sqlite');
    const db = openDatabase(path);
    const ckpt = startCheckpointer(db, {
      place: 'worker',
      pollMs: 10,
      idleMs: 300,
      truncateBytes: 0,
    });
    db.exec('CREATE TABLE t (v TEXT)');
    for (let i = 0; i < 50; i++) db.prepare('INSERT INTO t VALUES (?)').run(`row ${i}`);
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    await until(() => statSync(`${path}-wal`).size === 0);
    expect(ckpt.stats()).toMatchObject({ failures: 0 });
    await ckpt.stop();
    db.close();
  });

  it('commit: leaves SQLite its own checkpoint inside the commit', async () => {
    const db = openDatabase(join(mkdtempSync(join(dir, 'commit-')), 'branch.sqlite'));
    const ckpt = startCheckpointer(db, { place: 'commit' });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await ckpt.stop();
    db.close();
  });

  it('a worker that cannot start is reported once, and its runs answer a failure', async () => {
    const gone: Error[] = [];
    const runner = workerRunner(join(dir, 'missing', 'none.sqlite'), (e) => gone.push(e));
    await until(() => gone.length > 0);
    await expect(runner.run('PASSIVE')).resolves.toMatchObject({ ok: false });
    await runner.stop();
    expect(gone).toHaveLength(1);
  });

  it('the probe reads the WAL index: frames grow with commits and drop after a checkpoint', () => {
    const path = join(mkdtempSync(join(dir, 'probe-')), 'branch.sqlite');
    const db = openDatabase(path);
    db.pragma('wal_autocheckpoint = 0');
    const probe = walProbe(path);
    db.exec('CREATE TABLE t (v TEXT)');
    const before = probe.unchecked()!;
    for (let i = 0; i < 20; i++) db.prepare('INSERT INTO t VALUES (?)').run(`row ${i}`);
    expect(probe.unchecked()!).toBeGreaterThanOrEqual(before + 20);
    db.pragma('wal_checkpoint(PASSIVE)');
    expect(probe.unchecked()).toBe(0);
    expect(probe.frames()).toBeGreaterThan(0);
    probe.close();
    db.close();
    expect(walProbe(join(dir, 'nothing.sqlite')).unchecked()).toBeUndefined();
  });
});
