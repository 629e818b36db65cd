import { QueueSnapshot } from '@skr/protocol/http';
import { sameCounts } from './drawn-lines';
import { withCounts, type BoardState } from './board-state';

/** The part of a snapshot a refresh of the counts reads. */
const SnapshotCounts = QueueSnapshot.pick({ seq: true, at: true, lines: true, counters: true });

/**
 * Counts refresh 300–800 ms after the first change, coalescing a burst of events; where in
 * that span is drawn anew each time, so the screens of a branch, which all get an event at the
 * same moment, do not all ask (and draw) at the same instant. The span stays within the second
 * for which the server reuses one snapshot per event seq.
 */
const REFRESH_DEBOUNCE_MS = 300;
const REFRESH_JITTER_MS = 500;
/**
 * A refresh that changes only the wording of the estimated waits ("ok. 53 min" → "ok. 43 min",
 * as after every call) is drawn with the screen's next render, or after this long when none
 * comes: on a busy day that is the next call's, so a call costs one render, not two.
 */
const ESTIMATE_HOLD_MS = 3000;

/** What the count refresh needs of the screen's link and state. */
export interface CountRefreshDeps {
  connected(): boolean;
  /** Asks the server for its snapshot (socket.io ack). */
  ask(): Promise<{ ok: boolean; data?: unknown }>;
  /** The snapshot's instant, taken at `midpoint` (ms) of the round trip. */
  syncClock(at: string, midpoint: number): void;
  board(): BoardState;
  /** The services the screen shows (empty: all). */
  services(): readonly string[];
  /** Puts `board` in the state, rendering it or not. */
  setBoard(board: BoardState, render: boolean): void;
  /** Renders the state as it is (to draw held estimates). */
  render(): void;
}

/**
 * The screen's line counts and estimates, refreshed from the server's snapshot after changes
 * (debounced, jittered), drawn only when what is drawn changed; new estimates alone wait for
 * the next render (ESTIMATE_HOLD_MS).
 */
export function createCountRefresh(deps: CountRefreshDeps) {
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set while new estimates are in the state but not drawn yet (see ESTIMATE_HOLD_MS). */
  let holdTimer: ReturnType<typeof setTimeout> | undefined;
  /** Renders made only to draw held estimates (read by tests). */
  let lateDraws = 0;
  /** Snapshot requests asked and not answered yet, and answers handled (read by tests). */
  let refreshing = 0;
  let refreshed = 0;

  /** Draws the state's new estimates with the next render, or on their own after a while. */
  function holdEstimates(): void {
    holdTimer ??= setTimeout(() => {
      holdTimer = undefined;
      lateDraws++;
      deps.render();
    }, ESTIMATE_HOLD_MS);
  }

  function soon(): void {
    if (refreshTimer) return;
    refreshTimer = setTimeout(
      () => {
        refreshTimer = undefined;
        void now();
      },
      REFRESH_DEBOUNCE_MS + Math.random() * REFRESH_JITTER_MS,
    );
  }

  async function now(): Promise<void> {
    if (!deps.connected()) return;
    refreshing++;
    try {
      const sent = Date.now();
      const res = await deps.ask();
      // Only what a refresh uses is read (and so validated): the line counts and counters, not
      // the recent calls and parked tickets, which were most of each screen's parse per call.
      const s = res.ok ? SnapshotCounts.safeParse(res.data) : undefined;
      if (!s?.success) return;
      // The snapshot's time was taken about half way through the round trip.
      deps.syncClock(s.data.at, (sent + Date.now()) / 2);
      const board = deps.board();
      // An answer older than an event applied meanwhile would undo it: ask again instead.
      if (s.data.seq < board.lastSeq) return soon();
      // Counts often come back drawing the same (a call lowered its own line already; a refresh
      // moves only the longest wait): the board stays the same object and nothing is rendered.
      const only = deps.services();
      const next = withCounts(board, s.data, only);
      if (next === board) return;
      const waitsOnly =
        next.counters === board.counters && sameCounts(board.lines, next.lines, only);
      deps.setBoard(next, !waitsOnly);
      if (waitsOnly) holdEstimates();
    } catch {
      // Timed out or cut: the next event or the periodic refresh tries again.
    } finally {
      refreshing--;
      refreshed++;
    }
  }

  return {
    /** Refreshes the counts soon (debounced). */
    soon,
    /** Refreshes the counts now; resolves once handled. */
    now,
    /** A render drew the whole state, held estimates included. */
    rendered(): void {
      clearTimeout(holdTimer);
      holdTimer = undefined;
    },
    stop(): void {
      clearTimeout(refreshTimer);
      clearTimeout(holdTimer);
    },
    /** No refresh is due or awaited. */
    get idle(): boolean {
      return refreshTimer === undefined && refreshing === 0;
    },
    get estimatesHeld(): boolean {
      return holdTimer !== undefined;
    },
    get lateDraws(): number {
      return lateDraws;
    },
    get refreshes(): number {
      return refreshed;
    },
  };
}
