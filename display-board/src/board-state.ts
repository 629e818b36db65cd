import type { BranchEvent, LineSummary, QueueSnapshot, Ticket } from '@skr/protocol';
import { screenCounter, screenCounters, type ScreenCounter } from './counter-sign';

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
  let { calls, counters } = board;
  let call: CallEntry | undefined;
  const t = e.ticket;
  if (e.counter) counters = { ...counters, [e.counter.id]: screenCounter(e.counter) };
  if (t) {
    const others = calls.filter((c) => c.ticketId !== t.id);
    if ((e.type === 'ticket.called' || e.type === 'ticket.recalled') && t.state === 'called') {
      call = entryOf(t, e.seq, e.at);
      calls = call ? [call, ...others].slice(0, KEPT_CALLS) : others;
    } else if (LEAVES.has(e.type) || !SHOWN.has(t.state)) {
      calls = others.length === calls.length ? calls : others;
    } else {
      calls = calls.map((c) => (c.ticketId === t.id ? { ...c, state: t.state } : c));
    }
  }
  return { board: { ...board, lastSeq: e.seq, calls, counters }, call, fresh: true };
}

/** Replaces the line counts and counters from a fresh snapshot, keeping calls and seq. */
export function withCounts(
  board: BoardState,
  s: Pick<QueueSnapshot, 'seq' | 'at' | 'lines' | 'counters'>,
): BoardState {
  return {
    ...board,
    lines: s.lines,
    counters: screenCounters(s.counters),
  };
}

/** The calls a screen with this service filter shows (all services when `services` is empty). */
export function visibleCalls(calls: CallEntry[], services: readonly string[]): CallEntry[] {
  return services.length === 0 ? calls : calls.filter((c) => services.includes(c.serviceId));
}
