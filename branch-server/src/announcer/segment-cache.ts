import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Pcm } from './wav';

/** Key of one rendered segment: who rendered it, how, in which language, what it says. */
export function segmentKey(engineId: string, variant: string, lang: string, text: string): string {
  return createHash('sha256')
    .update(`${engineId}\0${variant}\0${lang}\0${text}`)
    .digest('hex')
    .slice(0, 32);
}

/**
 * Two-level cache of rendered segments: decoded PCM in memory (least recently used out first,
 * bounded in bytes, because a full day plan of ~9,000 segments is ~600 MB) and the engine's WAV
 * files on disk (bounded by age and size by `pruneSegmentCache`; a segment is ~70 KB, read
 * back in well under a millisecond).
 */
export class SegmentCache {
  private readonly memory = new Map<string, Pcm>();
  private bytes = 0;

  constructor(
    private readonly dir: string,
    private readonly maxMemoryBytes: number,
  ) {}

  /** Bytes of PCM held in memory. */
  get memoryBytes(): number {
    return this.bytes;
  }

  /** Segments held in memory. */
  get memoryEntries(): number {
    return this.memory.size;
  }

  /** The decoded segment if it is in memory (and marks it recently used). */
  fromMemory(key: string): Pcm | undefined {
    const pcm = this.memory.get(key);
    if (pcm) {
      this.memory.delete(key);
      this.memory.set(key, pcm);
    }
    return pcm;
  }

  /** Keeps `pcm` in memory, evicting the least recently used segments past the byte limit. */
  remember(key: string, pcm: Pcm): void {
    const old = this.memory.get(key);
    if (old) {
      this.bytes -= old.samples.byteLength;
      this.memory.delete(key);
    }
    this.memory.set(key, pcm);
    this.bytes += pcm.samples.byteLength;
    for (const [k, v] of this.memory) {
      if (this.bytes <= this.maxMemoryBytes || k === key) break;
      this.memory.delete(k);
      this.bytes -= v.samples.byteLength;
    }
  }

  private path(key: string): string {
    // Two-character fan-out keeps directories small with tens of thousands of files.
    return join(this.dir, key.slice(0, 2), `${key}.wav`);
  }

  /** The stored WAV for `key` (its time marked as just used), or undefined when not on disk. */
  async fromDisk(key: string): Promise<Buffer | undefined> {
    try {
      const wav = await readFile(this.path(key));
      // Pruning by age (cache-prune.ts) goes by last use: a segment read today stays.
      const now = new Date();
      await utimes(this.path(key), now, now).catch(() => undefined);
      return wav;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  /** Stores a WAV atomically (temp file + rename), so a crash never leaves half a file. */
  async toDisk(key: string, wav: Buffer): Promise<void> {
    const file = this.path(key);
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    const tmp = `${file}.${randomUUID()}.tmp`;
    await writeFile(tmp, wav);
    await rename(tmp, file);
  }
}
