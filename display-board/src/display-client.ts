import type { Service } from '@skr/protocol/domain';
import type { ErrorCode } from '@skr/protocol/errors';
import { QueueSnapshot, ServicesResponse } from '@skr/protocol/http';
import {
  BranchEvent,
  defaultDisplayConfig,
  type ClientToServerEvents,
  type DisplayConfig,
  type ServerToClientEvents,
} from '@skr/protocol/socket';
import { DisplayConfigResponse } from '@skr/protocol/display';
import { io, type Socket } from 'socket.io-client';
import { apiFetch, apiGet, codeOf } from './api';
import { createAudioQueue, type AudioDeps, type AudioLog } from './audio-queue';
import {
  applyEvent,
  boardFromSnapshot,
  emptyBoard,
  withCounts,
  type BoardState,
  type CallEntry,
} from './board-state';

/** State of the link to the branch server. */
export type LinkStatus = 'connecting' | 'online' | 'offline' | 'unauthorized';

/** Everything the screen draws. */
export interface ViewState {
  board: BoardState;
  status: LinkStatus;
  config: DisplayConfig;
  services: Service[];
  /** The call to flash: its event seq and a counter that grows with every (re)call flashed. */
  flash: { seq: number; count: number };
  /** Announcements played to the end so far, and clips that failed. */
  audioPlayed: number;
  audioFailed: number;
}

/** A call event as the screen applied it (exposed for tests and the benchmark). */
export interface AppliedCall {
  seq: number;
  type: string;
  number: string;
  counterId: number;
}

/** How to reach the branch and play sound. */
export interface DisplayClientOptions {
  origin: string;
  token: string;
  play: AudioDeps['play'];
}

/** Counts refresh this long after the first change, coalescing a burst of events. */
const REFRESH_DEBOUNCE_MS = 300;
/** Estimated waits drift with time even when nothing happens. */
const REFRESH_EVERY_MS = 30_000;
/** Replayed calls older than this (after a long cut) are shown but not flashed or announced. */
const REPLAY_ANNOUNCE_MS = 30_000;
/** After UNAVAILABLE (no announcer on the branch), audio is not asked for this long. */
const AUDIO_BACKOFF_MS = 60_000;

/**
 * The screen's link to the branch: socket.io `/display` with resume from the last applied
 * seq, settings over HTTP, debounced line counts, and the announcement queue. A small
 * external store for React (`subscribe` / `getState`).
 */
export function createDisplayClient(opts: DisplayClientOptions) {
  const { origin, token } = opts;
  let view: ViewState = {
    board: emptyBoard,
    status: 'connecting',
    config: defaultDisplayConfig,
    services: [],
    flash: { seq: 0, count: 0 },
    audioPlayed: 0,
    audioFailed: 0,
  };
  const listeners = new Set<() => void>();
  const applied: AppliedCall[] = [];
  let replaying = false;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let audioOffUntil = 0;

  function set(patch: Partial<ViewState>, notify = true): void {
    view = { ...view, ...patch };
    if (notify) for (const l of listeners) l();
  }

  const audio = createAudioQueue(
    {
      async load(id) {
        if (Date.now() < audioOffUntil) return null;
        try {
          return await (await apiFetch(origin, `/api/v1/audio/${id}.wav`, token)).blob();
        } catch (e) {
          if (codeOf(e) === 'UNAVAILABLE') audioOffUntil = Date.now() + AUDIO_BACKOFF_MS;
          throw e;
        }
      },
      play: opts.play,
    },
    (log) => set({ audioPlayed: log.played.length, audioFailed: log.failed }),
  );

  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(`${origin}/display`, {
    autoConnect: false,
    transports: ['websocket'],
    reconnectionDelay: 250,
    // Back within 2 s of a server restart: attempts at most ~1.2 s apart.
    reconnectionDelayMax: 1000,
    randomizationFactor: 0.2,
    // A function, so every reconnect sends the seq applied by then (exact resume).
    auth: (cb) => cb(view.board.lastSeq > 0 ? { token, lastSeq: view.board.lastSeq } : { token }),
  });

  function shows(call: CallEntry): boolean {
    const only = view.config.services;
    return only.length === 0 || only.includes(call.serviceId);
  }

  function onEvent(raw: unknown): void {
    const parsed = BranchEvent.safeParse(raw);
    if (!parsed.success) {
      // An event type this screen does not know (newer server): step over it, keep resume exact.
      const seq = (raw as { seq?: unknown } | null)?.seq;
      if (typeof seq === 'number' && seq > view.board.lastSeq)
        set({ board: { ...view.board, lastSeq: seq } }, false);
      return;
    }
    const e = parsed.data;
    const r = applyEvent(view.board, e);
    if (!r.fresh) return;
    let flash = view.flash;
    const call = r.call;
    const recent = !replaying || Date.now() - Date.parse(e.at) < REPLAY_ANNOUNCE_MS;
    if (call && shows(call) && recent) flash = { seq: call.seq, count: flash.count + 1 };
    // Most events (issued tickets, counters…) change nothing drawn: keep the seq, skip the render.
    const drawn = r.board.calls !== view.board.calls || r.board.counters !== view.board.counters;
    set({ board: r.board, flash }, drawn || flash !== view.flash);
    if (call) {
      applied.push({ seq: e.seq, type: e.type, number: call.number, counterId: call.counterId });
      if (applied.length > 1000) applied.splice(0, applied.length - 1000);
      if (flash.seq === call.seq) {
        audio.enqueue({
          lang: view.config.voiceLang,
          number: call.number,
          counterId: call.counterId,
          volume: view.config.volume,
        });
      }
    }
    if (e.type.startsWith('ticket.') || e.type.startsWith('counter.')) refreshSoon();
  }

  function refreshSoon(): void {
    if (refreshTimer) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      void refreshCounts();
    }, REFRESH_DEBOUNCE_MS);
  }

  async function refreshCounts(): Promise<void> {
    if (!socket.connected) return;
    try {
      const res = await socket.timeout(3000).emitWithAck('queue:snapshot');
      const s = res.ok ? QueueSnapshot.safeParse(res.data) : undefined;
      if (!s?.success) return;
      const next = withCounts(view.board, s.data);
      // Counts often come back unchanged (a call moves nobody in another line): no render then.
      const same =
        JSON.stringify([next.lines, next.counters]) ===
        JSON.stringify([view.board.lines, view.board.counters]);
      set(
        {
          board: same ? { ...next, lines: view.board.lines, counters: view.board.counters } : next,
        },
        !same,
      );
    } catch {
      // Timed out or cut: the next event or the periodic refresh tries again.
    }
  }

  async function loadSettings(): Promise<void> {
    try {
      const [c, s] = await Promise.all([
        apiGet(origin, '/api/v1/display/config', token, DisplayConfigResponse),
        apiGet(origin, '/api/v1/services', token, ServicesResponse),
      ]);
      set({ config: c.config, services: s.services });
    } catch (e) {
      if (isRefusal(codeOf(e))) refuse();
      // Otherwise keep what we had; settings are fetched again at the next connect.
    }
  }

  function refuse(): void {
    socket.disconnect();
    set({ status: 'unauthorized' });
  }

  socket.on('connect', () => {
    replaying = view.board.lastSeq > 0;
    set({ status: 'online' });
    void loadSettings();
  });
  socket.on('snapshot', (raw) => {
    const s = QueueSnapshot.safeParse(raw);
    replaying = false;
    if (s.success) set({ board: boardFromSnapshot(s.data) });
  });
  socket.on('event', onEvent);
  socket.on('resumed', () => {
    replaying = false;
    refreshSoon();
  });
  socket.on('disconnect', (reason) => {
    if (view.status !== 'unauthorized') set({ status: 'offline' });
    // The server dropped us on purpose (e.g. shutting down): socket.io will not retry itself.
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 1000);
  });
  socket.on('connect_error', (err) => {
    const code = (err as Error & { data?: { code?: ErrorCode } }).data?.code;
    if (code && isRefusal(code)) return refuse();
    if (view.status !== 'offline') set({ status: 'offline' });
    // A refusal by the server's middleware stops socket.io's own retries; keep trying.
    if (!socket.active) setTimeout(() => socket.connect(), 2000);
  });

  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    /** Starts the link (idempotent). */
    start(): void {
      if (timer) return;
      socket.connect();
      timer = setInterval(refreshSoon, REFRESH_EVERY_MS);
    },
    /** Closes the link and stops timers. */
    stop(): void {
      clearInterval(timer);
      clearTimeout(refreshTimer);
      timer = undefined;
      socket.close();
    },
    subscribe(l: () => void): () => void {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    getState: (): ViewState => view,
    /** What tests and the benchmark read (`window.__skrDisplay`). */
    debug: {
      get lastSeq(): number {
        return view.board.lastSeq;
      },
      calls: applied,
      audio: audio.log as AudioLog,
    },
  };
}
export type DisplayClient = ReturnType<typeof createDisplayClient>;

function isRefusal(code: ErrorCode): boolean {
  return code === 'UNAUTHORIZED' || code === 'FORBIDDEN';
}
