import {
  espeakEngine,
  letterName,
  numberToWords,
  MAX_SPOKEN_NUMBER,
  type SpeechEngine,
} from '@skr/branch-server/announcer';
import type { Lang } from '@skr/protocol/domain';
import { openHeadphoneJack, type HeadphoneJack } from './speech-headphones';
import { fixedPhrases } from './speech-phrases';

// The kiosk speaks for itself (EN 301 549 5.1.3: closed functionality): the renderer asks
// for a phrase, the host renders it with the announcer's engine (espeak-ng) and keeps the WAV,
// so a phrase heard once (a screen title, a button) starts again at once.

/** Options of {@link createKioskSpeech}. */
interface KioskSpeechOptions {
  /** Defaults to espeak-ng, the announcer's engine. */
  engine?: SpeechEngine;
  /**
   * The headphone jack whose plugging starts speech mode; default: the one Linux reports
   * (speech-headphones.ts), `null` for none.
   */
  headphones?: HeadphoneJack | null;
  /** Phrases kept in memory; the oldest goes first. */
  maxEntries?: number;
  /**
   * Languages whose fixed phrases are rendered at start, in the background (bounded, and
   * paused while a client waits for a phrase). Default Polish, the start language, with the
   * default engine unless SKR_SPEECH_WARMUP=off; none with a given engine (tests count its
   * calls).
   */
  warmUp?: Lang[];
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
   * client is waiting for never queues behind a screen's worth of them; `'warm-up'` (the
   * start's fixed phrases) waits behind prefetches too.
   */
  wav(text: string, lang: Lang, background?: boolean | 'warm-up'): Promise<Buffer>;
  stats(): KioskSpeechStats;
  /** The headphone jack, where the hardware reports one. */
  readonly headphones: HeadphoneJack | null;
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
  const max = opts.maxEntries ?? 800;
  const headphones = opts.headphones === undefined ? openHeadphoneJack() : opts.headphones;
  // Promises, not buffers: two requests for the same new phrase render it once.
  const cache = new Map<string, Promise<Buffer>>();
  let hits = 0;
  let misses = 0;
  // Two queues behind the client: a page's prefetch (the screen on view) before the warm-up.
  const soon: (() => Promise<unknown>)[] = [];
  const later: (() => Promise<unknown>)[] = [];
  let busy = false;
  // Phrases a client is waiting for right now: background work yields the CPU to them.
  let waiting = 0;
  const pump = () => {
    const job = busy || waiting > 0 ? undefined : (soon.shift() ?? later.shift());
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
  const speech: KioskSpeech = {
    wav(text, lang, background = false) {
      const key = `${lang}\u0000${text}`;
      const cached = lookup(key);
      if (cached) {
        hits++;
        return cached;
      }
      if (!background) {
        waiting++;
        const made = render(key, text, lang);
        void made
          .catch(() => undefined)
          .finally(() => {
            waiting--;
            pump();
          });
        return made;
      }
      // Not in the cache until it starts: a client asking meanwhile renders it at once.
      return new Promise<Buffer>((resolve, reject) => {
        (background === 'warm-up' ? later : soon).push(() => {
          const made = lookup(key) ?? render(key, text, lang);
          made.then(resolve, reject);
          return made.catch(() => undefined);
        });
        pump();
      });
    },
    stats: () => ({ hits, misses, entries: cache.size }),
    headphones,
    async close() {
      soon.length = 0; // what is not started yet never will be
      later.length = 0;

      headphones?.close();
      cache.clear();
      await engine.close?.();
    },
  };
  const warmByDefault = !opts.engine && process.env.SKR_SPEECH_WARMUP !== 'off';
  for (const lang of opts.warmUp ?? (warmByDefault ? (['pl'] as Lang[]) : []))
    for (const text of fixedPhrases(lang)) speech.wav(text, lang, 'warm-up').catch(() => undefined);
  return speech;
}
