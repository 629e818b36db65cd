import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Bounds of the disk cache of rendered segments. */
export interface CacheBounds {
  /** Files not used for this long are deleted (a hit refreshes a file's time). */
  maxAgeMs: number;
  /** Past this many bytes the least recently used files go first. */
  maxBytes: number;
  /** Leftover temp files (a crash between write and rename) older than this go too. */
  tmpAgeMs?: number;
}

/** What one pruning pass did. */
export interface PruneResult {
  kept: number;
  keptBytes: number;
  removed: number;
  removedBytes: number;
}

/** One WAV of the cache with its size and last use (its mtime). */
interface Entry {
  path: string;
  size: number;
  mtimeMs: number;
}

async function listFiles(dir: string): Promise<{ wavs: Entry[]; tmps: Entry[] }> {
  const wavs: Entry[] = [];
  const tmps: Entry[] = [];
  const fans = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const fan of fans) {
    // Only the two-character fan-out folders the cache writes; nothing else is touched.
    if (!fan.isDirectory() || !/^[0-9a-f]{2}$/.test(fan.name)) continue;
    for (const f of await readdir(join(dir, fan.name), { withFileTypes: true })) {
      if (!f.isFile()) continue;
      const path = join(dir, fan.name, f.name);
      const s = await stat(path).catch(() => undefined);
      if (!s) continue;
      const entry = { path, size: s.size, mtimeMs: s.mtimeMs };
      if (/^[0-9a-f]{32}\.wav$/.test(f.name)) wavs.push(entry);
      else if (f.name.endsWith('.tmp')) tmps.push(entry);
    }
  }
  return { wavs, tmps };
}

/**
 * Deletes segments of the announcer's disk cache that were not used for `maxAgeMs`, then the
 * least recently used ones until the rest fits `maxBytes`, and stale temp files (issue 13: the
 * cache must stay bounded by size and age and survive a flood). A segment deleted here is
 * simply rendered again when a call needs it.
 */
export async function pruneSegmentCache(
  dir: string,
  bounds: CacheBounds,
  now = Date.now(),
): Promise<PruneResult> {
  const { wavs, tmps } = await listFiles(dir);
  const result: PruneResult = { kept: 0, keptBytes: 0, removed: 0, removedBytes: 0 };
  const remove = async (e: Entry) => {
    await rm(e.path, { force: true });
    result.removed++;
    result.removedBytes += e.size;
  };
  for (const t of tmps) if (now - t.mtimeMs > (bounds.tmpAgeMs ?? 3600_000)) await remove(t);
  // Newest first: the walk keeps files while they fit, so the oldest go when space is short.
  wavs.sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const w of wavs) {
    const fits = result.keptBytes + w.size <= bounds.maxBytes;
    if (now - w.mtimeMs > bounds.maxAgeMs || !fits) await remove(w);
    else {
      result.kept++;
      result.keptBytes += w.size;
    }
  }
  return result;
}
