import { announcementId } from '@skr/protocol/socket';

/** What the queue needs from the outside world (the browser, or a fake in unit tests). */
export interface AudioDeps {
  /** Fetches a WAV from the branch (`chime` or an announcement id); null when there is none. */
  load(id: string): Promise<Blob | null>;
  /** Plays a clip to its end: true, or false when it could not (never rejects). */
  play(clip: Blob, volume: number): Promise<boolean>;
}

/** One announcement to make. */
export interface AudioRequest {
  lang: 'pl' | 'en' | 'uk';
  number: string;
  counterId: number;
  volume: number;
  /** Called when this announcement's turn comes, before its chime (the screen shows it then). */
  onStart?: () => void;
  /** Asked when its turn comes: true skips it (e.g. the ticket was cancelled meanwhile). */
  skip?: () => boolean;
}

/** How an announcement ended. */
export type AudioOutcome = 'played' | 'failed' | 'muted' | 'skipped';

/** What has been played, for tests and the screen's own diagnostics. */
export interface AudioLog {
  /** Ids of announcements played (after their chime), in order. */
  played: string[];
  /** Clips that could not be fetched or played. */
  failed: number;
  /** Chimes played: one per run of announcements, not one per call. */
  chimes: number;
  /** Calls of `played` read in the short burst form (queued while another was announced). */
  short: number;
}

/**
 * Plays announcements one after another so they never overlap, and never drops one: at opening
 * twelve counters may call at once and every client must hear their number. A run of
 * announcements (those queued while one plays) is shortened instead: one chime, then the
 * phrases back to back, each queued one in its short form. Each phrase is fetched as soon as it is queued, so a run has no gaps.
 * The chime is fetched once and reused; a recall is simply another request.
 */
export function createAudioQueue(deps: AudioDeps, onChange: (log: AudioLog) => void = () => {}) {
  interface Pending {
    r: AudioRequest;
    id: string;
    /** The clip asked for: the call's id, or its `-short` form in a run. */
    clip: string;
    short: boolean;
    phrase: Promise<Blob | null> | undefined;
    done: (o: AudioOutcome) => void;
  }
  const pending: Pending[] = [];
  const log: AudioLog = { played: [], failed: 0, chimes: 0, short: 0 };
  let chime: Promise<Blob | null> | undefined;
  let running = false;

  async function clip(id: string): Promise<Blob | null> {
    try {
      return await deps.load(id);
    } catch {
      log.failed++;
      return null;
    }
  }

  async function playOne(p: Pending, first: boolean): Promise<AudioOutcome> {
    if (p.r.skip?.()) return 'skipped';
    p.r.onStart?.();
    if (p.r.volume <= 0) return 'muted';
    if (first) {
      chime ??= clip('chime');
      const bell = await chime;
      // A failed chime fetch is retried at the next run rather than cached forever.
      if (!bell) chime = undefined;
      else if (await deps.play(bell, p.r.volume)) log.chimes++;
      else log.failed++;
    }
    const phrase = await (p.phrase ?? clip(p.clip));
    if (!phrase) return 'failed';
    const ok = await deps.play(phrase, p.r.volume);
    if (ok) {
      log.played.push(p.id);
      if (p.short) log.short++;
    } else log.failed++;
    onChange(log);
    return ok ? 'played' : 'failed';
  }

  async function drain(): Promise<void> {
    running = true;
    let first = true;
    try {
      for (let p = pending.shift(); p; p = pending.shift()) {
        const outcome = await playOne(p, first);
        // Only a call actually heard continues the run; a muted or skipped one starts it again.
        if (outcome === 'played') first = false;
        p.done(outcome);
      }
    } finally {
      running = false;
    }
  }

  return {
    log,
    /** Calls waiting for their turn (not counting the one playing). */
    get backlog(): number {
      return pending.length;
    },
    /**
     * Queues an announcement; resolves when it has been played (or failed, was muted at
     * volume 0, or skipped). Never dropped, whatever the backlog.
     */
    enqueue(r: AudioRequest): Promise<AudioOutcome> {
      const id = announcementId(r.lang, r.number, r.counterId);
      // Queued behind another announcement: part of a run (the opening burst), so the short
      // form ("Ha dwanaście, stanowisko dziewięć.") keeps twelve calls from taking a minute.
      const short = running;
      const name = announcementId(r.lang, r.number, r.counterId, short);
      return new Promise<AudioOutcome>((done) => {
        // Fetch now: the server renders it at the call, and a run then plays without gaps.
        const phrase = r.volume > 0 ? clip(name) : undefined;
        pending.push({ r, id, clip: name, short, phrase, done });
        if (!running) void drain();
      });
    },
  };
}
export type AudioQueue = ReturnType<typeof createAudioQueue>;

/** Plays a clip with an `<audio>` element, resolving at its end, on error, or after a bound. */
export function playInBrowser(clip: Blob, volume: number): Promise<boolean> {
  const url = URL.createObjectURL(clip);
  const audio = new Audio(url);
  audio.volume = Math.min(1, Math.max(0, volume));
  return new Promise<boolean>((resolve) => {
    // A silent or stalled output device must not hold the queue forever.
    const guard = setTimeout(() => done(false), 15_000);
    function done(ok: boolean) {
      clearTimeout(guard);
      audio.onended = audio.onerror = null;
      URL.revokeObjectURL(url);
      resolve(ok);
    }
    audio.onended = () => done(true);
    audio.onerror = () => done(false);
    audio.play().catch(() => done(false));
  });
}
