import type { LedCommand, LedFrame, LedNakReason } from '@skr/protocol/led-board';
import { readShowText } from './board-text';
import type { BoardFrameError, HeardFrame } from './frame-decoder';
import { BROADCAST, NAK_BYTES } from './wire-format';

// What a board's firmware does with each thing it hears on the bus. Kept apart from the pty
// plumbing so the rules read like a firmware spec.

/** One emulated board: what it shows and every frame it accepted (duplicates included). */
export interface EmulatedBoard {
  text: string;
  lines: string[];
  blinking: boolean;
  frames: LedFrame[];
  /** Last applied unicast frame, to recognise a retransmit (same seq and payload). */
  last?: { seq: number; payload: Uint8Array };
}

/** How the emulator handled one frame (or one bad frame). */
export type FrameOutcome =
  'ack' | 'nak' | 'duplicate' | 'broadcast' | 'dropped' | 'dead' | 'ignored';

/** Reported to onFrame listeners for every frame the emulator heard. */
export interface EmulatorFrameEvent {
  outcome: FrameOutcome;
  address?: number;
  seq?: number;
  command?: LedCommand;
  frame?: LedFrame;
  nakReason?: LedNakReason;
  error?: BoardFrameError;
}

/** A blank board. */
export function blankBoard(): EmulatedBoard {
  return { text: '', lines: [''], blinking: false, frames: [] };
}

/**
 * Applies one decoded event to the boards; returns the reply to send (if any) and the report.
 * Dead boards hear nothing. A bad frame is NAKed only when its unverified address byte names a
 * live board here: on a real bus at most that one board answers, so replies never collide.
 */
export function handleEvent(
  boards: Map<number, EmulatedBoard>,
  dead: ReadonlySet<number>,
  event: HeardFrame,
): { reply?: LedFrame; report: EmulatorFrameEvent } {
  if (event.type === 'error') {
    const { address, seq = 0, reason } = event;
    const mine = address !== undefined && boards.has(address) && !dead.has(address);
    if (!mine || reason === 'truncated' || reason === 'overrun') {
      return { report: { outcome: 'ignored', address, seq, error: reason } };
    }
    const nakReason: LedNakReason = reason === 'unknown-command' ? 'UNKNOWN_COMMAND' : 'CRC';
    return {
      reply: nak(address, seq, nakReason),
      report: { outcome: 'nak', address, seq, nakReason, error: reason },
    };
  }

  const { frame } = event;
  const base = { address: frame.address, seq: frame.seq, command: frame.command, frame };
  if (frame.address === BROADCAST) {
    const text = frame.command === 'SHOW_TEXT' ? readShowText(frame.payload) : undefined;
    for (const [address, board] of boards) {
      if (dead.has(address)) continue;
      board.frames.push(frame);
      board.last = undefined;
      if (text) show(board, text.lines, text.blink);
    }
    return { report: { ...base, outcome: 'broadcast' } };
  }
  const board = boards.get(frame.address);
  if (!board) return { report: { ...base, outcome: 'ignored' } };
  if (dead.has(frame.address)) return { report: { ...base, outcome: 'dead' } };
  // ACK/NAK addressed to a board come from another board's confusion, never from the master.
  if (frame.command === 'ACK' || frame.command === 'NAK')
    return { report: { ...base, outcome: 'ignored' } };
  board.frames.push(frame);
  const ack: LedFrame = {
    address: frame.address,
    seq: frame.seq,
    command: 'ACK',
    payload: new Uint8Array(0),
  };
  if (frame.command === 'PING') return { reply: ack, report: { ...base, outcome: 'ack' } };

  const text = readShowText(frame.payload);
  if (!text) {
    return {
      reply: nak(frame.address, frame.seq, 'BAD_PAYLOAD'),
      report: { ...base, outcome: 'nak', nakReason: 'BAD_PAYLOAD' },
    };
  }
  // A retransmit (its ACK got lost) is acknowledged again but not re-applied: no second blink.
  if (board.last && board.last.seq === frame.seq && sameBytes(board.last.payload, frame.payload)) {
    return { reply: ack, report: { ...base, outcome: 'duplicate' } };
  }
  board.last = { seq: frame.seq, payload: frame.payload };
  show(board, text.lines, text.blink);
  return { reply: ack, report: { ...base, outcome: 'ack' } };
}

function show(board: EmulatedBoard, lines: string[], blink: boolean): void {
  board.lines = lines;
  board.text = lines.join('\n');
  board.blinking = blink;
}

function nak(address: number, seq: number, reason: LedNakReason): LedFrame {
  return { address, seq, command: 'NAK', payload: Uint8Array.of(NAK_BYTES[reason]) };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
