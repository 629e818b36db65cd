import { LedFrame } from '@skr/protocol/led-board';
import type { LedCommand } from '@skr/protocol/led-board';
import {
  BOARD_DLE,
  BOARD_ESCAPE_XOR,
  BOARD_ETX,
  BOARD_STX,
  COMMAND_BYTES,
  CRC_BYTES,
  HEAD_BYTES,
  MAX_WIRE_BYTES,
  boardCrc16,
  isFramingByte,
} from './wire-format';

/** Why the bytes between STX and ETX are not a frame, as a board tells it apart. */
export type BoardFrameError =
  'crc' | 'length' | 'escape' | 'unknown-command' | 'truncated' | 'overrun';

/** What a board heard: a good frame, or a bad one with the header bytes it could read. */
export type HeardFrame =
  | { type: 'frame'; frame: LedFrame }
  | { type: 'error'; reason: BoardFrameError; address?: number; seq?: number };

const COMMAND_OF = new Map<number, LedCommand>(
  (Object.entries(COMMAND_BYTES) as [LedCommand, number][]).map(([name, byte]) => [byte, name]),
);

/**
 * A board's receiver: feed it the bytes as they arrive, get what was heard. Bytes outside
 * STX..ETX are noise; an STX inside an unfinished frame means the frame was cut and a new one
 * begins (the document's resynchronisation rule); a frame longer than any legal one is dropped.
 */
export class BoardFrameDecoder {
  private pending: number[] | undefined;

  /** Consumes one chunk; returns every frame (or bad frame) completed by it, in order. */
  push(chunk: Uint8Array): HeardFrame[] {
    const heard: HeardFrame[] = [];
    for (const byte of chunk) {
      if (byte === BOARD_STX) {
        if (this.pending) heard.push(unreadable('truncated', this.pending));
        this.pending = [];
      } else if (this.pending === undefined) {
        continue; // noise between frames
      } else if (byte === BOARD_ETX) {
        heard.push(readBody(this.pending));
        this.pending = undefined;
      } else {
        this.pending.push(byte);
        if (this.pending.length + 1 > MAX_WIRE_BYTES) {
          heard.push(unreadable('overrun', this.pending));
          this.pending = undefined;
        }
      }
    }
    return heard;
  }
}

/** Decodes bytes that hold whole frames (a test's or a log's convenience). */
export function decodeBoardFrames(bytes: Uint8Array): HeardFrame[] {
  return new BoardFrameDecoder().push(bytes);
}

/** Undoes DLE stuffing; undefined when a DLE is not followed by an escaped framing byte. */
function unstuff(stuffed: readonly number[]): number[] | undefined {
  const plain: number[] = [];
  for (let i = 0; i < stuffed.length; i++) {
    const byte = stuffed[i] ?? 0;
    if (byte !== BOARD_DLE) {
      plain.push(byte);
      continue;
    }
    const escaped = stuffed[++i];
    if (escaped === undefined || !isFramingByte(escaped ^ BOARD_ESCAPE_XOR)) return undefined;
    plain.push(escaped ^ BOARD_ESCAPE_XOR);
  }
  return plain;
}

function readBody(stuffed: readonly number[]): HeardFrame {
  const body = unstuff(stuffed);
  if (!body) return unreadable('escape', stuffed);
  const [address, seq, command, length] = body;
  if (address === undefined || seq === undefined || command === undefined || length === undefined)
    return { type: 'error', reason: 'length', address, seq };
  if (body.length !== HEAD_BYTES + length + CRC_BYTES)
    return { type: 'error', reason: 'length', address, seq };
  const end = HEAD_BYTES + length;
  const sent = ((body[end] ?? 0) << 8) | (body[end + 1] ?? 0);
  if (boardCrc16(Uint8Array.from(body.slice(0, end))) !== sent)
    return { type: 'error', reason: 'crc', address, seq };
  const name = COMMAND_OF.get(command);
  if (!name) return { type: 'error', reason: 'unknown-command', address, seq };
  const payload = Uint8Array.from(body.slice(HEAD_BYTES, end));
  return { type: 'frame', frame: LedFrame.parse({ address, seq, command: name, payload }) };
}

/** A bad frame with its unverified address and seq, so the named board can NAK it. */
function unreadable(reason: BoardFrameError, stuffed: readonly number[]): HeardFrame {
  const plain = unstuff(stuffed) ?? stuffed;
  return { type: 'error', reason, address: plain[0], seq: plain[1] };
}
