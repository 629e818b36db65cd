// What the bus keeps per board, and the pure rule that picks whose frame goes next.

/** A caller of show() waiting for its text (or a newer one) to be acknowledged. */
export interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

/** The newest text wanted on a board and not yet acknowledged. */
export interface Job {
  text: string;
  blink: boolean;
  payload: Uint8Array;
  waiters: Waiter[];
  /** Sequence number once first sent; a retransmit reuses it so the board sees a duplicate. */
  seq?: number;
}

/** Per-board bookkeeping of the bus. */
export interface Board {
  address: number;
  alive: boolean;
  /** Text we believe the board shows (acknowledged, or sent by broadcast). */
  lastText?: string;
  /** Last text the board acknowledged; unset after a broadcast so the next show() is sent. */
  confirmedText?: string;
  job?: Job;
  /** Whether the board ever answered (ACK or NAK); unproven boards go after proven ones. */
  heard: boolean;
  /** Consecutive failed attempts of the current job while the board is alive. */
  failures: number;
  /** While dead: when the next probe may go out (ms, monotonic clock). */
  nextProbeAt: number;
  seq: number;
}

/** A new board record; the first sequence number is random so a restarted driver rarely repeats one. */
export function newBoard(address: number): Board {
  return {
    address,
    alive: true,
    heard: false,
    failures: 0,
    nextProbeAt: 0,
    seq: Math.floor(Math.random() * 256),
  };
}

/** Which kind of turn a board gets: a normal send, a retransmit of a failing board, a probe. */
export type TurnKind = 'send' | 'retry' | 'probe';

/** One turn on the bus. */
export interface Turn {
  board: Board;
  kind: TurnKind;
}

/**
 * Picks the next turn, round-robin after `cursor` within each tier: boards that have answered
 * before, then boards never heard from, then retransmits of failing boards, then probes of dead
 * boards that are due. A board that stops answering therefore holds the bus for at most the
 * one attempt already on the wire when a frame for a proven board arrives.
 */
export function pickTurn(boards: readonly Board[], cursor: number, now: number): Turn | undefined {
  const order = rotate(boards, cursor);
  const proven = order.find((b) => b.alive && b.job && b.failures === 0 && b.heard);
  if (proven) return { board: proven, kind: 'send' };
  const unproven = order.find((b) => b.alive && b.job && b.failures === 0);
  if (unproven) return { board: unproven, kind: 'send' };
  const failing = order.find((b) => b.alive && b.job && b.failures > 0);
  if (failing) return { board: failing, kind: 'retry' };
  const due = order.find((b) => !b.alive && b.nextProbeAt <= now);
  if (due) return { board: due, kind: 'probe' };
  return undefined;
}

/** Earliest time a dead board may be probed, or undefined when no board is dead. */
export function nextProbeTime(boards: readonly Board[]): number | undefined {
  const times = boards.filter((b) => !b.alive).map((b) => b.nextProbeAt);
  return times.length === 0 ? undefined : Math.min(...times);
}

/** Boards sorted by address, starting after the one whose address is `cursor`. */
function rotate(boards: readonly Board[], cursor: number): Board[] {
  const sorted = [...boards].sort((a, b) => a.address - b.address);
  const after = sorted.filter((b) => b.address > cursor);
  return [...after, ...sorted.filter((b) => b.address <= cursor)];
}
