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
}

/** What has been played, for tests and the screen's own diagnostics. */
export interface AudioLog {
  /** Ids of announcements played (after their chime), in order. */
  played: string[];
  /** Clips that could not be fetched or played. */
  failed: number;
}

/** Pending announcements beyond this are dropped (oldest first): a backlog helps nobody. */
const MAX_PENDING = 4;

/**
 * Plays announcements one after another, each as chime then phrase, so they never overlap.
 * The chime is fetched once and reused; a recall is simply another request.
 */
export function createAudioQueue(deps: AudioDeps, onChange: (log: AudioLog) => void = () => {}) {
  const pending: AudioRequest[] = [];
  const log: AudioLog = { played: [], failed: 0 };
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

  async function playOne(r: AudioRequest): Promise<void> {
    const id = announcementId(r.lang, r.number, r.counterId);
    chime ??= clip('chime');
    const [bell, phrase] = await Promise.all([chime, clip(id)]);
    // A failed chime fetch is retried at the next call rather than cached forever.
    if (!bell) chime = undefined;
    if (bell && !(await deps.play(bell, r.volume))) log.failed++;
    if (phrase) {
      if (await deps.play(phrase, r.volume)) log.played.push(id);
      else log.failed++;
      onChange(log);
    }
  }

  async function drain(): Promise<void> {
    running = true;
    try {
      for (let r = pending.shift(); r; r = pending.shift()) await playOne(r);
    } finally {
      running = false;
    }
  }

  return {
    log,
    /** Queues an announcement; a muted one (volume 0) is skipped. */
    enqueue(r: AudioRequest): void {
      if (r.volume <= 0) return;
      pending.push(r);
      if (pending.length > MAX_PENDING) pending.shift();
      if (!running) void drain();
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
