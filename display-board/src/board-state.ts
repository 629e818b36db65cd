import type { BranchEvent, LineSummary, QueueSnapshot, Ticket } from '@skr/protocol';
import { screenCounter, screenCounters, type ScreenCounter } from './counter-sign';
import { keepDrawnLines, lowerOnCall } from './drawn-lines';

/** One call on the screen: a ticket sent to a counter (the latest call or recall of it). */
export interface CallEntry {
  /** Sequence number of the event that made this call (the snapshot's seq when restored). */
  seq: number;
  ticketId: string;
  number: string;
  serviceId: string;
  counterId: number;
  at: string;
  /** 'called' until the clerk starts, then 'serving', then 'done'. */
  state: Ticket['state'];
  recalls: number;
}

/** What a screen draws, rebuilt from a snapshot and kept current by events. */
export interface BoardState {
  /** The last event applied (or the snapshot's seq): sent back on reconnect to resume. */
  lastSeq: number;
  /** Newest first, one entry per ticket, all services (the screen filters when drawing). */
  calls: CallEntry[];
  lines: LineSummary[];
  /** Counter id → its public sign and name. */
  counters: Record<number, ScreenCounter>;
}

/** Calls kept in memory: more than a screen shows, so a service filter still fills the list. */
const KEPT_CALLS = 60;

/** States in which a called ticket still belongs on the screen. */
const SHOWN: ReadonlySet<Ticket['state']> = new Set(['called', 'serving', 'done']);

/** Events after which a ticket is no longer expected at the counter it was called to. */
const LEAVES: ReadonlySet<BranchEvent['type']> = new Set([
  'ticket.parked',
  'ticket.transferred',
  'ticket.no-show',
  'ticket.cancelled',
  'ticket.expired',
  'ticket.returned',
]);

/** An empty board (before the first snapshot). */
export const emptyBoard: BoardState = { lastSeq: 0, calls: [], lines: [], counters: {} };

function entryOf(t: Ticket, seq: number, at: string): CallEntry | undefined {
  if (t.counterId === null || !SHOWN.has(t.state)) return undefined;
  return {
    seq,
    ticketId: t.id,
    number: t.number,
    serviceId: t.serviceId,
    counterId: t.counterId,
    at,
    state: t.state,
    recalls: t.recalls,
  };
}

/** Builds the board from a full snapshot (first connect, or a resume too old to replay). */
export function boardFromSnapshot(s: QueueSnapshot): BoardState {
  const calls: CallEntry[] = [];
  for (const t of s.recentCalls) {
    const e = entryOf(t, s.seq, t.calledAt ?? s.at);
    if (e && !calls.some((c) => c.ticketId === e.ticketId)) calls.push(e);
  }
  return {
    lastSeq: s.seq,
    calls: calls.slice(0, KEPT_CALLS),
    lines: s.lines,
    counters: screenCounters(s.counters),
  };
}

/** Result of applying one event: the new board and, for a call or recall, the call made. */
export interface Applied {
  board: BoardState;
  /** Set when the event (re)called a ticket: flash it and announce it. */
  call?: CallEntry;
  /** False when the event was already applied (a replayed duplicate): nothing changed. */
  fresh: boolean;
}

/**
 * Applies one event in sequence order. Events at or below `lastSeq` are ignored, so a replay
 * that overlaps what the screen already has never shows a call twice.
 */
export function applyEvent(board: BoardState, e: BranchEvent): Applied {
  if (e.seq <= board.lastSeq) return { board, fresh: false };
  let { calls, counters, lines } = board;
  let call: CallEntry | undefined;
  const t = e.ticket;
  if (e.counter) {
    const next = screenCounter(e.counter);
    const had = counters[e.counter.id];
    // Opening or pausing a counter keeps its sign: the same object, so nothing is redrawn.
    if (had?.sign !== next.sign || had.name !== next.name)
      counters = { ...counters, [e.counter.id]: next };
  }
  if (t) {
    const others = calls.filter((c) => c.ticketId !== t.id);
    if ((e.type === 'ticket.called' || e.type === 'ticket.recalled') && t.state === 'called') {
      call = entryOf(t, e.seq, e.at);
      calls = call ? [call, ...others].slice(0, KEPT_CALLS) : others;
      // A first call takes the ticket out of its line: its count is drawn with the call, rather
      // than in a second commit when the snapshot asked after the call comes back.
      if (e.type === 'ticket.called') lines = lowerOnCall(lines, t, e.at);
    } else if (LEAVES.has(e.type) || !SHOWN.has(t.state)) {
      calls = others.length === calls.length ? calls : others;
    } else {
      calls = calls.map((c) => (c.ticketId === t.id ? { ...c, state: t.state } : c));
    }
  }
  return { board: { ...board, lastSeq: e.seq, calls, counters, lines }, call, fresh: true };
}

/**
 * Takes the line counts and counters of a fresh snapshot, keeping calls and seq, and keeping
 * the board's own objects wherever the snapshot draws the same on a screen showing `only`
 * (all services when empty): an unchanged refresh returns `board` itself. A snapshot older
 * than the board (answered before an event the board has applied reached the server's answer)
 * would undo that event: it is not taken at all (`board` itself); the event asked for another.
 */
export function withCounts(
  board: BoardState,
  s: Pick<QueueSnapshot, 'seq' | 'at' | 'lines' | 'counters'>,
  only: readonly string[] = [],
): BoardState {
  if (s.seq < board.lastSeq) return board;
  const lines = keepDrawnLines(board.lines, s.lines, only);
  const counters = keepCounters(board.counters, screenCounters(s.counters));
  return lines === board.lines && counters === board.counters
    ? board
    : { ...board, lines, counters };
}

/** `next`, or `old` itself when every counter keeps its sign and name. */
function keepCounters(
  old: Record<number, ScreenCounter>,
  next: Record<number, ScreenCounter>,
): Record<number, ScreenCounter> {
  const ids = Object.keys(next);
  if (ids.length !== Object.keys(old).length) return next;
  const same = ids.every((id) => {
    const a = old[Number(id)];
    const b = next[Number(id)]!;
    return a !== undefined && a.sign === b.sign && a.name === b.name;
  });
  return same ? old : next;
}

/**
 * Whether two call lists draw the same: the same tickets in the same order, each at the same
 * counter, call and number. A call's state (called, serving, done) is not drawn, so a start or a
 * finish (two of every three events on a busy day) changes nothing on the screen.
 */
export function sameDrawnCalls(a: readonly CallEntry[], b: readonly CallEntry[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((c, i) => {
    const d = b[i]!;
    return (
      c.ticketId === d.ticketId &&
      c.seq === d.seq &&
      c.counterId === d.counterId &&
      c.number === d.number
    );
  });
}

/** The calls a screen with this service filter shows (all services when `services` is empty). */
export function visibleCalls(calls: CallEntry[], services: readonly string[]): CallEntry[] {
  return services.length === 0 ? calls : calls.filter((c) => services.includes(c.serviceId));
}
