import { mkdir, mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnouncer } from './announcer';
import { pruneSegmentCache } from './cache-prune';
import { segmentKey } from './segment-cache';
import type { SpeechEngine } from './types';
import { encodeWav, silence } from './wav';

const DAY = 24 * 3600_000;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'skr-cache-prune-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Writes a cached segment of `bytes` last used `ageDays` ago; returns its path. */
async function segment(name: string, bytes: number, ageDays: number): Promise<string> {
  const key = segmentKey('test', '', 'pl', name);
  await mkdir(join(dir, key.slice(0, 2)), { recursive: true });
  const path = join(dir, key.slice(0, 2), `${key}.wav`);
  await writeFile(path, Buffer.alloc(bytes));
  const t = new Date(Date.now() - ageDays * DAY);
  await utimes(path, t, t);
  return path;
}

async function files(): Promise<string[]> {
  const out: string[] = [];
  for (const fan of await readdir(dir)) out.push(...(await readdir(join(dir, fan))));
  return out.sort();
}

describe('pruneSegmentCache (issue 13: bounded by age and size)', () => {
  it('deletes segments unused past the age, keeps recent ones and foreign files', async () => {
    const old = await segment('stary', 1000, 40);
    const fresh = await segment('nowy', 1000, 2);
    await writeFile(join(dir, 'README'), 'not ours');
    const r = await pruneSegmentCache(dir, { maxAgeMs: 30 * DAY, maxBytes: 1e9 });
    expect(r).toMatchObject({ removed: 1, removedBytes: 1000, kept: 1, keptBytes: 1000 });
    await expect(stat(old)).rejects.toThrow();
    await expect(stat(fresh)).resolves.toBeTruthy();
    await expect(stat(join(dir, 'README'))).resolves.toBeTruthy();
  });

  it('past the size bound deletes the least recently used first', async () => {
    const paths = [];
    for (let i = 0; i < 5; i++) paths.push(await segment(`s${i}`, 1000, i));
    const r = await pruneSegmentCache(dir, { maxAgeMs: 30 * DAY, maxBytes: 3000 });
    expect(r.kept).toBe(3);
    for (const p of paths.slice(0, 3)) await expect(stat(p)).resolves.toBeTruthy();
    for (const p of paths.slice(3)) await expect(stat(p)).rejects.toThrow();
  });

  it('removes temp files left by a crash, once they are stale', async () => {
    const p = await segment('x', 10, 0);
    const tmp = `${p}.1234.tmp`;
    await writeFile(tmp, 'half');
    await pruneSegmentCache(dir, { maxAgeMs: DAY, maxBytes: 1e9 });
    await expect(stat(tmp)).resolves.toBeTruthy();
    const t = new Date(Date.now() - 2 * 3600_000);
    await utimes(tmp, t, t);
    await pruneSegmentCache(dir, { maxAgeMs: DAY, maxBytes: 1e9 });
    expect(await files()).toEqual([p.split('/').at(-1)]);
  });

  it('the announcer prunes at start, and a disk hit keeps a segment young', async () => {
    const engine: SpeechEngine = {
      id: 'test',
      langs: ['pl'],
      available: async () => true,
      synthesize: async () => encodeWav(silence(50, 16000)),
    };
    const old = await segment('stary', 500, 90);
    const announcer = createAnnouncer({
      engine,
      cacheDir: dir,
      langs: ['pl'],
      cacheBounds: { maxAgeMs: 30 * DAY, maxBytes: 1e9 },
    });
    try {
      await announcer.announce({ ticketNumber: 'A1', counterNumber: 1, lang: 'pl' });
      await announcer.pruneCache();
      await expect(stat(old)).rejects.toThrow();
      // Two segments rendered, now on disk; age them, then a fresh announcer reads them back.
      const kept = await files();
      expect(kept).toHaveLength(2);
      const aged = new Date(Date.now() - 29 * DAY);
      for (const f of kept) await utimes(join(dir, f.slice(0, 2), f), aged, aged);
      const again = createAnnouncer({ engine, cacheDir: dir, langs: ['pl'] });
      await again.announce({ ticketNumber: 'A1', counterNumber: 1, lang: 'pl' });
      await again.close();
      const { mtimeMs } = await stat(join(dir, kept[0]!.slice(0, 2), kept[0]!));
      expect(Date.now() - mtimeMs).toBeLessThan(60_000);
    } finally {
      await announcer.close();
    }
  });
});
