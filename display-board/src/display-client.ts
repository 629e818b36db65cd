import type { Service } from '@skr/protocol/domain';
import type { ErrorCode } from '@skr/protocol/errors';
import { QueueSnapshot } from '@skr/protocol/http';
import { BranchTime, createBranchClock } from '@skr/protocol/branch-clock';
import {
  BranchEvent,
  DisplayConfig as DisplayConfigSchema,
  defaultDisplayConfig,
  type ClientToServerEvents,
  type DisplayConfig,
  type ServerToClientEvents,
} from '@skr/protocol/socket';
import { io, type Socket } from 'socket.io-client';
import { codeOf, createDisplayApi } from './api';
import { createAudioQueue, type AudioDeps, type AudioLog } from './audio-queue';
import { createCountRefresh } from './count-refresh';
import { keepDrawnLines } from './drawn-lines';
import {
  applyEvent,
  boardFromSnapshot,
  emptyBoard,
  sameDrawnCalls,
  visibleCalls,
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
  /** Ticket whose call is being announced (the big panel shows it), null when none is. */
  presenting: string | null;
  /** Tickets called but not announced yet: the history never cuts them off. */
  unheard: ReadonlySet<string>;
}

/** A call event as the screen applied it (exposed for tests and the benchmark). */
export interface AppliedCall {
  seq: number;
  type: string;
  number: string;
  counterId: number;
  /** Wall-clock ms (performance.timeOrigin + now) when the event reached the screen's code. */
  receivedAt: number;
}

/** How to reach the branch and play sound. */
export interface DisplayClientOptions {
  origin: string;
  /** The device token, or a function asked at every call and reconnect (it is renewed). */
  token: string | (() => string);
  play: AudioDeps['play'];
}

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
  const { origin } = opts;
  const token = typeof opts.token === 'function' ? opts.token : () => opts.token as string;
  const api = createDisplayApi(origin, token);
  let view: ViewState = {
    board: emptyBoard,
    status: 'connecting',
    config: defaultDisplayConfig,
    services: [],
    flash: { seq: 0, count: 0 },
    presenting: null,
    unheard: new Set(),
  };
  /** The branch's clock and zone (the screen never shows the PC's own time). */
  const clock = createBranchClock();
  /** Announcements queued per ticket (a recall may queue one while the call still waits). */
  const queued = new Map<string, number>();
  let configPushed = false;
  const listeners = new Set<() => void>();
  const audioListeners = new Set<(log: AudioLog) => void>();
  const applied: AppliedCall[] = [];
  let replaying = false;
  let audioOffUntil = 0;

  function set(patch: Partial<ViewState>, notify = true): void {
    view = { ...view, ...patch };
    if (!notify) return;
    // This render draws the whole state, held estimates included.
    counts.rendered();
    for (const l of listeners) l();
  }

  const audio = createAudioQueue(
    {
      async load(id) {
        if (Date.now() < audioOffUntil) return null;
        try {
          return await api.announcement(id);
        } catch (e) {
          if (codeOf(e) === 'UNAVAILABLE') audioOffUntil = Date.now() + AUDIO_BACKOFF_MS;
          throw e;
        }
      },
      play: opts.play,
    },
    (log) => {
      for (const l of audioListeners) l(log);
    },
  );

  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(`${origin}/display`, {
    autoConnect: false,
    transports: ['websocket'],
    reconnectionDelay: 250,
    // Back within 2 s of a server restart: attempts at most ~1.2 s apart.
    reconnectionDelayMax: 1000,
    randomizationFactor: 0.2,
    // A function, so every reconnect sends the seq applied by then (exact resume).
    // After a renewal the next reconnect sends the new token (the server cuts the old one).
    auth: (cb) =>
      cb(
        view.board.lastSeq > 0
          ? { token: token(), lastSeq: view.board.lastSeq }
          : { token: token() },
      ),
  });

  const counts = createCountRefresh({
    connected: () => socket.connected,
    ask: () => socket.timeout(3000).emitWithAck('queue:snapshot'),
    syncClock: (at, midpoint) => clock.syncInstant(at, midpoint),
    board: () => view.board,
    services: () => view.config.services,
    setBoard: (board, render) => set({ board }, render),
    render: () => set({}),
  });
  const refreshSoon = counts.soon;

  function shows(call: CallEntry): boolean {
    const only = view.config.services;
    return only.length === 0 || only.includes(call.serviceId);
  }

  function onEvent(raw: unknown): void {
    const receivedAt = performance.timeOrigin + performance.now();
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
    const call = r.call;
    const recent = !replaying || clock.now().getTime() - Date.parse(e.at) < REPLAY_ANNOUNCE_MS;
    const announce = call !== undefined && shows(call) && recent;
    // Most events (issued tickets, counters, a ticket started or finished…) change nothing drawn:
    // keep the seq and the state, skip the render. A finish arrives just before the next call,
    // so its render would stand in the call's way on every screen.
    // On a screen showing some services, a call in another changes nothing drawn either.
    const only = view.config.services;
    const drawn =
      !sameDrawnCalls(visibleCalls(r.board.calls, only), visibleCalls(view.board.calls, only)) ||
      r.board.counters !== view.board.counters ||
      keepDrawnLines(view.board.lines, r.board.lines, only) !== view.board.lines;
    if (!announce) {
      set({ board: r.board }, drawn);
    } else {
      const unheard = new Set(view.unheard).add(call.ticketId);
      set({ board: r.board, unheard }, false);
      const before = view;
      announceCall(call);
      // When the queue was idle the call started at once (and drew); otherwise draw it waiting.
      if (view === before) set({});
    }
    if (call) {
      applied.push({
        seq: e.seq,
        type: e.type,
        number: call.number,
        counterId: call.counterId,
        receivedAt,
      });
      if (applied.length > 1000) applied.splice(0, applied.length - 1000);
    }
    if (e.type === 'config.changed') void loadSettings();
    if (e.type.startsWith('ticket.') || e.type.startsWith('counter.')) refreshSoon();
  }

  /**
   * Queues a call's announcement; when its turn comes the big panel shows and flashes it, and
   * until then it stays in the history. Every call goes through the queue, also on a muted
   * screen (it then passes at once), so the panel follows the calls in their order.
   */
  function announceCall(call: CallEntry): void {
    const id = call.ticketId;
    queued.set(id, (queued.get(id) ?? 0) + 1);
    void audio
      .enqueue({
        lang: view.config.voiceLang,
        number: call.number,
        counterId: call.counterId,
        volume: view.config.volume,
        // Withdrawn meanwhile (cancelled, parked, moved to another counter): not read out.
        skip: () =>
          !view.board.calls.some((c) => c.ticketId === id && c.counterId === call.counterId),
        onStart: () => {
          const current = view.board.calls.find((c) => c.ticketId === id);
          set({
            presenting: id,
            flash: { seq: current?.seq ?? call.seq, count: view.flash.count + 1 },
          });
        },
      })
      .then(() => {
        const left = (queued.get(id) ?? 1) - 1;
        if (left > 0) queued.set(id, left);
        else queued.delete(id);
        const unheard = new Set(view.unheard);
        if (left === 0) unheard.delete(id);
        // The run is over: the big panel goes back to the newest call.
        const idle = audio.backlog === 0 && queued.size === 0;
        const presenting = idle ? null : view.presenting;
        // Usually nothing drawn changes (the call just heard is the one shown large, and the
        // newest): skip the render, as a screen gets one per call on a busy day.
        const newest = visibleCalls(view.board.calls, view.config.services)[0];
        const same = view.presenting === id && (presenting === id || newest?.ticketId === id);
        set({ unheard, presenting }, !same);
      });
  }

  async function loadSettings(): Promise<void> {
    try {
      const [c, s] = await Promise.all([api.call('displayConfig'), api.call('listServices')]);
      // A pushed config is newer than (or as new as) this answer.
      set(configPushed ? { services: s.services } : { config: c.config, services: s.services });
      // The services shown may have changed: their lines were not kept current (withCounts).
      if (!configPushed) refreshSoon();
    } catch (e) {
      if (isRefusal(codeOf(e))) refuse();
      // Otherwise keep what we had; settings are fetched again at the next connect.
    }
  }

  function refuse(): void {
    socket.disconnect();
    set({ status: 'unauthorized' });
  }

  socket.on('branch:time', (raw) => {
    const t = BranchTime.safeParse(raw);
    if (t.success) clock.sync(t.data);
  });
  socket.on('display:config', (raw) => {
    const c = DisplayConfigSchema.safeParse(raw);
    if (!c.success) return;
    configPushed = true;
    set({ config: c.data });
    // The services shown may have changed: their lines were not kept current (withCounts).
    refreshSoon();
  });
  socket.on('connect', () => {
    configPushed = false;
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
      counts.stop();
      timer = undefined;
      socket.close();
    },
    subscribe(l: () => void): () => void {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    getState: (): ViewState => view,
    /**
     * Calls `l` with the announcement log now and after every announcement played or failed:
     * diagnostics, written to the page without a render (an announcement drew nothing new).
     */
    watchAudio(l: (log: AudioLog) => void): () => void {
      audioListeners.add(l);
      l(audio.log);
      return () => audioListeners.delete(l);
    },
    /** The branch's clock and zone, for the clock and any time drawn. */
    clock,
    /** What tests and the benchmark read (`window.__skrDisplay`). */
    debug: {
      get lastSeq(): number {
        return view.board.lastSeq;
      },
      calls: applied,
      audio: audio.log as AudioLog,
      /** Snapshot refreshes finished (answered, refused or timed out). */
      get refreshes(): number {
        return counts.refreshes;
      },
      /** True when no refresh is due or awaited and no announcement waits: nothing more to draw. */
      get settled(): boolean {
        return counts.idle && queued.size === 0;
      },
      /** True while new estimates wait to be drawn with the next render. */
      get estimatesHeld(): boolean {
        return counts.estimatesHeld;
      },
      /** Renders made only to draw held estimates, no other render having come in time. */
      get lateDraws(): number {
        return counts.lateDraws;
      },
      /** Refreshes the counts now (as the periodic refresh does); resolves once handled. */
      refreshNow: () => counts.now(),
    },
  };
}
export type DisplayClient = ReturnType<typeof createDisplayClient>;

function isRefusal(code: ErrorCode): boolean {
  return code === 'UNAUTHORIZED' || code === 'FORBIDDEN';
}
