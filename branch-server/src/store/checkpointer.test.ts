import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCheckpointer } from './checkpointer';
import { openDatabase } from './database';

// The database file only grows when a checkpoint copies pages from the WAL into it. The writing
// connection's own automatic checkpoint is held back to 10,000 pages (~40 MB), so a file that
// grows after a few MB of commits was checkpointed by the worker's connection.
describe('WAL checkpoints off the commit path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'skr-ckpt-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a worker checkpoints what the writer commits; stop ends it and the data reads back', async () => {
    const path = join(dir, 'branch.sqlite');
    const db = openDatabase(path);
    const checkpointer = startCheckpointer(db, 50);
    db.exec('CREATE TABLE blobs (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
    const insert = db.prepare('INSERT INTO blobs (body) VALUES (?)');
    const before = statSync(path).size;
    // 1,500 commits of 2 KB each: ~1,500+ WAL pages, past SQLite's default 1,000 but far below
    // the writer's 10,000-page safety net.
    for (let i = 0; i < 1500; i++) insert.run(Buffer.alloc(2048, i % 251));
    const deadline = Date.now() + 10_000;
    while (statSync(path).size < before + 3_000_000 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(statSync(path).size).toBeGreaterThan(before + 3_000_000);
    await checkpointer.stop();
    db.close();
    const again = openDatabase(path);
    expect(again.prepare('SELECT COUNT(*) AS n FROM blobs').get()).toEqual({ n: 1500 });
    again.close();
  }, 30_000);
});
