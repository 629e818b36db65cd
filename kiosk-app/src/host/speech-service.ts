import {
  espeakEngine,
  letterName,
  numberToWords,
  MAX_SPOKEN_NUMBER,
  type SpeechEngine,
} from '@skr/branch-server/announcer';
import type { Lang } from '@skr/protocol/domain';

// The kiosk speaks for itself (EN 301 549 5.1.3: closed functionality): the renderer asks
// for a phrase, the host renders it with the announcer's engine (espeak-ng) and keeps the WAV,
// so a phrase heard once (a screen title, a button) starts again at once.

/** Options of {@link createKioskSpeech}. */
export interface KioskSpeechOptions {
  /** Defaults to espeak-ng, the announcer's engine. */
  engine?: SpeechEngine;
  /** Phrases kept in memory; the oldest goes first. */
  maxEntries?: number;
}

/** Counters for the benchmark and the health page. */
export interface KioskSpeechStats {
  hits: number;
  misses: number;
  entries: number;
}

/** WAV audio of kiosk phrases, rendered once and cached. */
export interface KioskSpeech {
  /**
   * WAV bytes of `text` read in `lang`; rejects UNAVAILABLE when the engine cannot run.
   * `background` (a prefetch) waits behind other prefetches, one at a time, so a phrase a
   * client is waiting for never queues behind a screen's worth of them.
   */
  wav(text: string, lang: Lang, background?: boolean): Promise<Buffer>;
  stats(): KioskSpeechStats;
  close(): Promise<void>;
}

/**
 * Rewrites what espeak-ng would read badly: a ticket number "A002" is its letter names and
 * the number in words ("A dwa"), other numbers are spelled out ("005" is not "zero zero five").
 */
export function spokenText(text: string, lang: Lang): string {
  const words = (digits: string) => {
    const n = Number(digits);
    return n <= MAX_SPOKEN_NUMBER ? numberToWords(n, lang) : digits;
  };
  return text
    .replace(/\b([A-Z]{1,3})(\d{1,4})\b/g, (_, letters: string, digits: string) =>
      [...[...letters].map((l) => letterName(l, lang)), words(digits)].join(' '),
    )
    .replace(/\b\d{1,6}\b/g, words);
}

/** Creates the kiosk's speech cache over the given engine. */
export function createKioskSpeech(opts: KioskSpeechOptions = {}): KioskSpeech {
  const engine = opts.engine ?? espeakEngine();
  const max = opts.maxEntries ?? 400;
  // Promises, not buffers: two requests for the same new phrase render it once.
  const cache = new Map<string, Promise<Buffer>>();
  let hits = 0;
  let misses = 0;
  const backlog: (() => Promise<unknown>)[] = [];
  let busy = false;
  const pump = () => {
    const job = busy ? undefined : backlog.shift();
    if (!job) return;
    busy = true;
    void job().finally(() => {
      busy = false;
      pump();
    });
  };
  const lookup = (key: string) => {
    const cached = cache.get(key);
    if (cached) {
      cache.delete(key); // re-insert: Map order is the eviction order
      cache.set(key, cached);
    }
    return cached;
  };
  const render = (key: string, text: string, lang: Lang) => {
    misses++;
    const made = engine.synthesize(spokenText(text, lang), lang);
    cache.set(key, made);
    made.catch(() => cache.delete(key)); // a failure is not remembered
    while (cache.size > max) cache.delete(cache.keys().next().value!);
    return made;
  };
  return {
    wav(text, lang, background = false) {
      const key = `${lang}\u0000${text}`;
      const cached = lookup(key);
      if (cached) {
        hits++;
        return cached;
      }
      if (!background) return render(key, text, lang);
      // Not in the cache until it starts: a client asking meanwhile renders it at once.
      return new Promise<Buffer>((resolve, reject) => {
        backlog.push(() => {
          const made = lookup(key) ?? render(key, text, lang);
          made.then(resolve, reject);
          return made.catch(() => undefined);
        });
        pump();
      });
    },
    stats: () => ({ hits, misses, entries: cache.size }),
    async close() {
      cache.clear();
      await engine.close?.();
    },
  };
}
