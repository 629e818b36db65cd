import type { LedFrame } from '@skr/protocol/led-board';
import {
  BOARD_DLE,
  BOARD_ESCAPE_XOR,
  BOARD_ETX,
  BOARD_STX,
  COMMAND_BYTES,
  MAX_PAYLOAD_BYTES,
  boardCrc16,
  isFramingByte,
} from './wire-format';

/** The wire bytes a board sends (ACK, NAK), framed, CRC'd and stuffed as the document says. */
export function encodeBoardFrame(frame: LedFrame): Uint8Array {
  if (frame.payload.length > MAX_PAYLOAD_BYTES) throw new RangeError('LED payload too long');
  const body = [
    frame.address,
    frame.seq,
    COMMAND_BYTES[frame.command],
    frame.payload.length,
    ...frame.payload,
  ];
  const crc = boardCrc16(Uint8Array.from(body));
  body.push(crc >> 8, crc & 0xff);
  const wire = [BOARD_STX];
  for (const byte of body) {
    if (isFramingByte(byte)) wire.push(BOARD_DLE, byte ^ BOARD_ESCAPE_XOR);
    else wire.push(byte);
  }
  wire.push(BOARD_ETX);
  return Uint8Array.from(wire);
}
