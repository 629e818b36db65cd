// Plays phrases the kiosk host renders (GET /speech): one <audio>, a queue so a title and the
// focused control are heard in order, and an interrupt so a new key press is never kept
// waiting behind old speech. Chromium's speechSynthesis has no voices on a kiosk; this does.

import { speechChunks } from './speech-chunks';

/** One phrase asked for, and when its audio started (for tests and the benchmark). */
export interface SpokenPhrase {
  text: string;
  lang: string;
  askedAt: number;
  startedAt?: number;
}

/** The kiosk's voice. */
export interface Speaker {
  /** Speaks `text` now, dropping what was queued or playing. */
  say(text: string, lang: string): void;
  /** Speaks `text` after what is queued. */
  queue(text: string, lang: string): void;
  stop(): void;
  /** Every phrase asked for since the page loaded. */
  readonly log: SpokenPhrase[];
}

declare global {
  interface Window {
    /** Test and benchmark hook: the phrases spoken so far. */
    skrSpeechLog?: SpokenPhrase[];
  }
}

/** The URL of a phrase's audio at the kiosk host. */
export function speechUrl(text: string, lang: string): string {
  return `/speech?${new URLSearchParams({ lang, text })}`;
}

/** Creates the speaker (one per page). */
export function createSpeaker(): Speaker {
  const audio = new Audio();
  audio.preload = 'auto';
  const log: SpokenPhrase[] = [];
  window.skrSpeechLog = log;
  const waiting: SpokenPhrase[] = [];
  let current: SpokenPhrase | null = null;

  function next() {
    current = waiting.shift() ?? null;
    const mine = current;
    if (!mine) return;
    audio.src = speechUrl(mine.text, mine.lang);
    audio.play().catch((e: unknown) => {
      // A newer phrase replacing this one aborts its play(): that is not a failure. A real
      // one (engine down) must not stall the rest of the queue.
      if (current === mine && (e as Error).name !== 'AbortError') next();
    });
  }
  // Events belong to the phrase whose audio is loaded now, never to one already replaced.
  const isCurrent = () =>
    current !== null && audio.src.endsWith(speechUrl(current.text, current.lang));
  audio.addEventListener('playing', () => {
    if (isCurrent() && current!.startedAt === undefined) current!.startedAt = performance.now();
  });
  audio.addEventListener('ended', () => isCurrent() && next());
  audio.addEventListener('error', () => isCurrent() && next());

  // A long text becomes several short phrases (speech-chunks.ts): the first starts sooner.
  const phrases = (text: string, lang: string): SpokenPhrase[] =>
    speechChunks(text).map((t) => {
      const p = { text: t, lang, askedAt: performance.now() };
      log.push(p);
      return p;
    });
  return {
    say(text, lang) {
      const ps = phrases(text, lang);
      if (!ps.length) return;
      waiting.length = 0;
      waiting.push(...ps);
      audio.pause();
      next();
    },
    queue(text, lang) {
      const ps = phrases(text, lang);
      if (!ps.length) return;
      waiting.push(...ps);
      // `current` stays set from the request until 'ended', so this starts only an idle voice.
      if (!current) next();
    },
    stop() {
      waiting.length = 0;
      current = null;
      audio.pause();
    },
    log,
  };
}
