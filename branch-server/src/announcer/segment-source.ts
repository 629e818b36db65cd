import { SegmentCache, segmentKey } from './segment-cache';
import type { AnnouncerLog, Lang, SpeechEngine } from './types';
import { decodeWav, type Pcm } from './wav';

/** Counters of where segments came from. */
interface SegmentCounts {
  memoryHits: number;
  diskHits: number;
  rendered: number;
  renderErrors: number;
}

/** Rendered phrase segments: memory, then disk, then the engine (each rendered at most once). */
interface SegmentSource {
  /**
   * The segment saying `text`. `warmOnly` (pre-rendering) keeps it in memory only while there
   * is room, so the plan's late numbers do not push out the early ones the morning needs first.
   */
  get(lang: Lang, text: string, warmOnly?: boolean): Promise<Pcm>;
  readonly counts: Readonly<SegmentCounts>;
  memory(): { bytes: number; entries: number };
}

/** A segment source over `engine`, storing WAVs under `cacheDir`. */
export function createSegmentSource(opts: {
  engine: SpeechEngine;
  cacheDir: string;
  memoryBytes: number;
  log?: AnnouncerLog;
}): SegmentSource {
  const { engine, log } = opts;
  const cache = new SegmentCache(opts.cacheDir, opts.memoryBytes);
  const inflight = new Map<string, Promise<Pcm>>();
  const counts: SegmentCounts = { memoryHits: 0, diskHits: 0, rendered: 0, renderErrors: 0 };
  const hasRoom = (pcm: Pcm): boolean =>
    cache.memoryBytes + pcm.samples.byteLength <= opts.memoryBytes;

  const render = async (key: string, lang: Lang, text: string): Promise<Pcm> => {
    try {
      const wav = await engine.synthesize(text, lang);
      const pcm = decodeWav(wav);
      await cache.toDisk(key, wav);
      counts.rendered++;
      return pcm;
    } catch (e) {
      counts.renderErrors++;
      throw e;
    }
  };

  const fromDisk = async (key: string, lang: Lang, text: string): Promise<Pcm | undefined> => {
    const stored = await cache.fromDisk(key);
    if (!stored) return undefined;
    try {
      return decodeWav(stored);
    } catch (err) {
      // A damaged file (disk full, copied half-way) is rendered again rather than failing calls.
      log?.warn({ err, lang, text }, 'announcer cache file unreadable; rendering again');
      return undefined;
    }
  };

  return {
    counts,
    memory: () => ({ bytes: cache.memoryBytes, entries: cache.memoryEntries }),
    async get(lang, text, warmOnly = false) {
      const key = segmentKey(engine.id, engine.variant ?? '', lang, text);
      const hot = cache.fromMemory(key);
      if (hot) {
        if (!warmOnly) counts.memoryHits++;
        return hot;
      }
      let pcm = await fromDisk(key, lang, text);
      if (pcm) {
        if (!warmOnly) counts.diskHits++;
      } else {
        let job = inflight.get(key);
        if (!job) {
          job = render(key, lang, text).finally(() => inflight.delete(key));
          inflight.set(key, job);
        }
        pcm = await job;
      }
      if (!warmOnly || hasRoom(pcm)) cache.remember(key, pcm);
      return pcm;
    },
  };
}
