import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { SkrError } from '@skr/protocol/errors';
import { pruneSegmentCache, type CacheBounds, type PruneResult } from './cache-prune';
import { chimePcm } from './chime';
import { counterSegmentOf, phraseParts, ticketSegment } from './phrase';
import { forEachLimited } from './pool';
import {
  AnnounceRequestSchema,
  PrerenderPlanSchema,
  type AnnounceRequest,
  type PrerenderPlan,
} from './schemas';
import { createSegmentSource } from './segment-source';
import type { SpeakerPlayer } from './speakers';
import type { AnnouncerLog, Lang, SpeechEngine } from './types';
import { concatPcm, durationMs, encodeWav, silence, trimSilence, type Pcm } from './wav';

/** Options of `createAnnouncer`. */
export interface AnnouncerOptions {
  engine: SpeechEngine;
  /** Directory of rendered segments; created on demand, shared across restarts. */
  cacheDir: string;
  /** Languages this branch announces in. */
  langs: readonly Lang[];
  log?: AnnouncerLog;
  /** Bound of decoded PCM kept in memory; 64 MB (~900 segments) by default. */
  memoryBytes?: number;
  /** Parallel renders while pre-rendering; leaves a core free for the server. */
  concurrency?: number;
  /** Put the chime at the start of each announcement WAV (screens normally play it themselves). */
  includeChime?: boolean;
  /** Also play each announcement on the branch's speakers (off unless given). */
  speakers?: SpeakerPlayer;
  /** How many recent announcements `audio(id)` can still return. */
  keepRecent?: number;
  /**
   * Bounds of the disk cache, enforced at start and every `pruneEveryMs` (6 h): segments
   * unused for 30 days go, then the least recently used past 2 GB (a day plan is ~600 MB).
   */
  cacheBounds?: Partial<CacheBounds> & { pruneEveryMs?: number };
}

const DAY_MS = 24 * 3600_000;
const DEFAULT_BOUNDS: CacheBounds = { maxAgeMs: 30 * DAY_MS, maxBytes: 2 * 1024 ** 3 };

/** One rendered announcement. */
export interface Announcement {
  /** Stable for the same ticket, counter and language, so a recall reuses the audio. */
  id: string;
  wav: Buffer;
  durationMs: number;
}

/** Counters of the announcer, for the manager's monitor and the logs. */
export interface AnnouncerStats {
  engine: string;
  announcements: number;
  memoryHits: number;
  diskHits: number;
  rendered: number;
  renderErrors: number;
  memoryBytes: number;
  memoryEntries: number;
  prerender: { total: number; done: number; running: boolean };
  /** Call-to-audio latency over the last 1,000 announcements. */
  latencyMs: { p50: number; p99: number; max: number };
}

/** The announcer: spoken call audio from cached segments. */
export interface Announcer {
  /** WAV for a call; from cache in ~1 ms, rendering what is missing (~30 ms with espeak-ng). */
  announce(req: AnnounceRequest): Promise<Announcement>;
  /** A recent announcement's WAV by id (for GET /audio/:id), or undefined. */
  audio(id: string): Buffer | undefined;
  /** Renders in the background what a day will need; resolves when done or closed. */
  prerender(plan: PrerenderPlan): Promise<void>;
  /** The two-tone chime WAV the screens play before the phrase. */
  chime(): Buffer;
  stats(): AnnouncerStats;
  /** Prunes the disk cache to its bounds now (it also runs at start and periodically). */
  pruneCache(): Promise<PruneResult>;
  /** Stops pre-rendering and waits for it; the engine stays open (the caller owns it). */
  close(): Promise<void>;
}

const PAUSE_AFTER_CHIME_MS = 250;
/** Silence kept on each side of a half of a short announcement (a comma's breath between them). */
const SHORT_PAUSE_MS = 120;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * The segments a day's plan needs, per language: counters first (few, needed by every call),
 * then ticket numbers in the order the day uses them.
 */
function prerenderItems(
  prefixes: readonly string[],
  maxNumber: number,
  counters: Parameters<typeof counterSegmentOf>[0][],
  langs: readonly Lang[],
): Array<[Lang, string]> {
  const items: Array<[Lang, string]> = [];
  for (const lang of langs) for (const c of counters) items.push([lang, counterSegmentOf(c, lang)]);
  for (let n = 1; n <= maxNumber; n++) {
    for (const prefix of prefixes)
      for (const lang of langs) items.push([lang, ticketSegment(`${prefix}${n}`, lang)]);
  }
  return items;
}

/** Prunes the segment cache now and every `pruneEveryMs` (6 h); a failed pass only warns. */
function cachePruning(opts: Pick<AnnouncerOptions, 'cacheDir' | 'cacheBounds' | 'log'>) {
  const bounds: CacheBounds = { ...DEFAULT_BOUNDS, ...opts.cacheBounds };
  const pruneCache = async (): Promise<PruneResult> => {
    const r = await pruneSegmentCache(opts.cacheDir, bounds);
    if (r.removed > 0) opts.log?.info({ ...r }, 'announcer cache pruned');
    return r;
  };
  const pass = () =>
    void pruneCache().catch((err: unknown) =>
      opts.log?.warn({ err }, 'announcer cache prune failed'),
    );
  pass();
  const timer = setInterval(pass, opts.cacheBounds?.pruneEveryMs ?? 6 * 3600_000);
  timer.unref();
  return { pruneCache, stopPruning: () => clearInterval(timer) };
}

/** Creates an announcer over `engine`, caching segments in memory and under `cacheDir`. */
export function createAnnouncer(opts: AnnouncerOptions): Announcer {
  const { engine, log } = opts;
  const segments = createSegmentSource({
    engine,
    cacheDir: opts.cacheDir,
    memoryBytes: opts.memoryBytes ?? 64 * 1024 * 1024,
    log,
  });
  const concurrency = opts.concurrency ?? Math.max(1, Math.min(4, availableParallelism() - 1));
  const keepRecent = opts.keepRecent ?? 500;
  const recent = new Map<string, Buffer>();
  const latencies: number[] = [];
  let announcements = 0;
  const progress = { total: 0, done: 0, running: false };
  let sampleRate = 22050;
  let chimeWav: { rate: number; wav: Buffer } | undefined;
  const stop = new AbortController();
  const running = new Set<Promise<void>>();
  const { pruneCache, stopPruning } = cachePruning(opts);

  const checkLang = (lang: Lang): void => {
    if (!opts.langs.includes(lang)) throw new SkrError('INVALID', `Language not enabled: ${lang}`);
    if (!engine.langs.includes(lang)) {
      throw new SkrError('UNAVAILABLE', `Engine ${engine.id} cannot speak ${lang}`);
    }
  };

  const chimeAt = (rate: number): Pcm => chimePcm({ sampleRate: rate });

  return {
    async announce(req) {
      const start = performance.now();
      const parsed = AnnounceRequestSchema.safeParse(req);
      if (!parsed.success)
        throw new SkrError('INVALID', 'Invalid announce request', { cause: parsed.error });
      const { ticketNumber, counterNumber, counterId, lang } = parsed.data;
      checkLang(lang);
      const [ticketText, counterText] = phraseParts(parsed.data);
      const [ticket, counter] = await Promise.all([
        segments.get(lang, ticketText),
        segments.get(lang, counterText),
      ]);
      // The short (burst) form drops the engine's pauses around each half, keeping a breath.
      const parts = parsed.data.short
        ? [trimSilence(ticket, SHORT_PAUSE_MS), trimSilence(counter, SHORT_PAUSE_MS)]
        : [ticket, counter];
      const rate = ticket.sampleRate;
      sampleRate = rate;
      if (opts.includeChime) parts.unshift(chimeAt(rate), silence(PAUSE_AFTER_CHIME_MS, rate));
      const pcm = concatPcm(parts);
      const wav = encodeWav(pcm);
      const id = `${lang}-${ticketNumber.toUpperCase()}-${counterId ?? counterNumber}${parsed.data.short ? '-short' : ''}`;
      recent.delete(id);
      recent.set(id, wav);
      if (recent.size > keepRecent) recent.delete(recent.keys().next().value!);
      announcements++;
      latencies.push(performance.now() - start);
      if (latencies.length > 1000) latencies.shift();
      if (opts.speakers) {
        const withChime = opts.includeChime
          ? pcm
          : concatPcm([chimeAt(rate), silence(PAUSE_AFTER_CHIME_MS, rate), pcm]);
        opts.speakers
          .play(encodeWav(withChime))
          .catch((e: unknown) => log?.warn({ err: e, id }, 'speaker playback failed'));
      }
      return { id, wav, durationMs: durationMs(pcm) };
    },

    audio: (id) => recent.get(id),

    async prerender(plan) {
      const parsed = PrerenderPlanSchema.safeParse(plan);
      if (!parsed.success)
        throw new SkrError('INVALID', 'Invalid pre-render plan', { cause: parsed.error });
      const { prefixes, maxNumber, counters, langs = opts.langs } = parsed.data;
      const usable = langs.filter((l) => opts.langs.includes(l) && engine.langs.includes(l));
      const items = prerenderItems(prefixes, maxNumber, counters, usable);
      progress.total += items.length;
      progress.running = true;
      const began = performance.now();
      log?.info(
        { segments: items.length, concurrency, engine: engine.id },
        'announcer pre-render started',
      );
      const run = forEachLimited(
        items,
        concurrency,
        async ([lang, text]) => {
          await segments.get(lang, text, true);
          progress.done++;
        },
        {
          signal: stop.signal,
          onError: ([lang, text], err) =>
            log?.warn({ err, lang, text }, 'announcer pre-render of a segment failed'),
        },
      ).finally(() => {
        running.delete(run);
        progress.running = running.size > 0;
        log?.info(
          { done: progress.done, ms: Math.round(performance.now() - began) },
          'announcer pre-render finished',
        );
      });
      running.add(run);
      await run;
    },

    chime() {
      // Rendered at the speech's sample rate so a client may also join the two itself.
      if (chimeWav?.rate !== sampleRate)
        chimeWav = { rate: sampleRate, wav: encodeWav(chimeAt(sampleRate)) };
      return chimeWav.wav;
    },

    stats() {
      const sorted = [...latencies].sort((a, b) => a - b);
      return {
        engine: engine.id,
        announcements,
        ...segments.counts,
        memoryBytes: segments.memory().bytes,
        memoryEntries: segments.memory().entries,
        prerender: { ...progress },
        latencyMs: {
          p50: percentile(sorted, 50),
          p99: percentile(sorted, 99),
          max: sorted.at(-1) ?? 0,
        },
      };
    },

    pruneCache,

    async close() {
      stopPruning();
      stop.abort();
      await Promise.allSettled([...running]);
    },
  };
}
