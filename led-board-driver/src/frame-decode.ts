import { LED_COMMAND_CODES, LED_MAX_PAYLOAD, LedFrame } from '@skr/protocol/led-board';
import type { LedCommand } from '@skr/protocol/led-board';
import { crc16 } from './crc16';
import { CRC_LENGTH, DLE, ETX, HEADER_LENGTH, STUFF_MASK, STX, isReserved } from './frame-encode';

/** Why bytes between STX and ETX did not make a frame. */
export type FrameErrorReason =
  'crc' | 'length' | 'escape' | 'unknown-command' | 'truncated' | 'overrun';

/** One result of decoding: a good frame, or a bad one with whatever header bytes were readable. */
export type DecodeEvent =
  | { type: 'frame'; frame: LedFrame }
  | { type: 'error'; reason: FrameErrorReason; address?: number; seq?: number };

/** Decoder output: events in wire order and the bytes to carry into the next call. */
export interface DecodeResult {
  events: DecodeEvent[];
  carry: Uint8Array;
}

/** Longest possible stuffed frame: every body byte escaped, plus STX and ETX. */
export const MAX_WIRE_FRAME = 2 + 2 * (HEADER_LENGTH + LED_MAX_PAYLOAD + CRC_LENGTH);

const COMMAND_BY_CODE = new Map<number, LedCommand>(
  Object.entries(LED_COMMAND_CODES).map(([name, code]) => [code, name as LedCommand]),
);

/**
 * Streaming parser: feed each chunk with the previous call's `carry`. Pure: same input, same
 * output. Bytes outside STX..ETX are line noise and skipped; an STX inside an unfinished
 * frame starts over there, because STX never occurs inside a stuffed body.
 */
export function decodeFrames(
  chunk: Uint8Array,
  carry: Uint8Array = new Uint8Array(0),
): DecodeResult {
  const buf = new Uint8Array(carry.length + chunk.length);
  buf.set(carry);
  buf.set(chunk, carry.length);
  const events: DecodeEvent[] = [];
  let start = -1;
  for (let i = 0; i < buf.length; i++) {
    const byte = buf[i];
    if (byte === STX) {
      if (start >= 0) events.push(headerError('truncated', buf.subarray(start + 1, i)));
      start = i;
    } else if (byte === ETX && start >= 0) {
      events.push(decodeBody(buf.subarray(start + 1, i)));
      start = -1;
    }
  }
  if (start < 0) return { events, carry: new Uint8Array(0) };
  const pending = buf.slice(start);
  if (pending.length > MAX_WIRE_FRAME) {
    events.push(headerError('overrun', pending.subarray(1)));
    return { events, carry: new Uint8Array(0) };
  }
  return { events, carry: pending };
}

/** Removes DLE escapes; undefined when an escape is malformed (noise hit the DLE). */
function unstuff(stuffed: Uint8Array): Uint8Array | undefined {
  const out: number[] = [];
  for (let i = 0; i < stuffed.length; i++) {
    const byte = stuffed[i] ?? 0;
    if (byte !== DLE) {
      out.push(byte);
      continue;
    }
    const next = stuffed[++i];
    if (next === undefined || !isReserved(next ^ STUFF_MASK)) return undefined;
    out.push(next ^ STUFF_MASK);
  }
  return Uint8Array.from(out);
}

function decodeBody(stuffed: Uint8Array): DecodeEvent {
  const body = unstuff(stuffed);
  if (body === undefined) return headerError('escape', stuffed);
  if (body.length < HEADER_LENGTH + CRC_LENGTH) return headerError('length', body);
  const [address = 0, seq = 0, code = 0, length = 0] = body;
  if (body.length !== HEADER_LENGTH + length + CRC_LENGTH) {
    return { type: 'error', reason: 'length', address, seq };
  }
  const crcAt = HEADER_LENGTH + length;
  const wireCrc = ((body[crcAt] ?? 0) << 8) | (body[crcAt + 1] ?? 0);
  if (crc16(body.subarray(0, crcAt)) !== wireCrc)
    return { type: 'error', reason: 'crc', address, seq };
  const command = COMMAND_BY_CODE.get(code);
  if (command === undefined) return { type: 'error', reason: 'unknown-command', address, seq };
  const frame = LedFrame.parse({
    address,
    seq,
    command,
    payload: body.slice(HEADER_LENGTH, crcAt),
  });
  return { type: 'frame', frame };
}

/** An error event carrying the (unverified) address and seq, so a board can NAK what it can. */
function headerError(reason: FrameErrorReason, body: Uint8Array): DecodeEvent {
  const plain = unstuff(body) ?? body;
  return { type: 'error', reason, address: plain[0], seq: plain[1] };
}
