import { LED_COMMAND_CODES, LED_MAX_PAYLOAD } from '@skr/protocol/led-board';
import type { LedFrame } from '@skr/protocol/led-board';
import { crc16 } from './crc16';

/** Start of frame; never appears inside a stuffed body. */
export const STX = 0x02;
/** End of frame; never appears inside a stuffed body. */
export const ETX = 0x03;
/** Escape: the next byte is a reserved byte XOR 0x20. */
export const DLE = 0x10;
/** XOR mask applied to an escaped byte (HDLC style, so the escaped byte is never reserved). */
export const STUFF_MASK = 0x20;
/** addr + seq + cmd + len before the payload. */
export const HEADER_LENGTH = 4;
/** CRC-16 after the payload, big-endian. */
export const CRC_LENGTH = 2;

/** True for the bytes that must be escaped inside a frame body. */
export function isReserved(byte: number): boolean {
  return byte === STX || byte === ETX || byte === DLE;
}

/** STX | stuffed(addr seq cmd len payload crc16) | ETX, as bytes ready for the wire. */
export function encodeFrame(frame: LedFrame): Uint8Array {
  if (frame.payload.length > LED_MAX_PAYLOAD) {
    throw new RangeError(`LED frame payload ${frame.payload.length} > ${LED_MAX_PAYLOAD} bytes`);
  }
  if (!Number.isInteger(frame.address) || frame.address < 0 || frame.address > 255) {
    throw new RangeError(`LED frame address ${frame.address} out of 0..255`);
  }
  const body = new Uint8Array(HEADER_LENGTH + frame.payload.length + CRC_LENGTH);
  body[0] = frame.address;
  body[1] = frame.seq & 0xff;
  body[2] = LED_COMMAND_CODES[frame.command];
  body[3] = frame.payload.length;
  body.set(frame.payload, HEADER_LENGTH);
  const crc = crc16(body.subarray(0, HEADER_LENGTH + frame.payload.length));
  body[body.length - 2] = crc >> 8;
  body[body.length - 1] = crc & 0xff;

  const out: number[] = [STX];
  for (const byte of body) {
    if (isReserved(byte)) out.push(DLE, byte ^ STUFF_MASK);
    else out.push(byte);
  }
  out.push(ETX);
  return Uint8Array.from(out);
}
