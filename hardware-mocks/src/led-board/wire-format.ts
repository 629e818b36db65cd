import type { LedCommand, LedNakReason } from '@skr/protocol/led-board';

// The bus format as a board's firmware reads docs/hardware-led.md, written here a second time
// on purpose: the emulator must not share the driver's codec, or a codec bug would pass both
// sides of the contract suite. Only the decoded shape (LedFrame) comes from @skr/protocol.

/** Start of frame (never inside a stuffed body). */
export const BOARD_STX = 0x02;
/** End of frame (never inside a stuffed body). */
export const BOARD_ETX = 0x03;
/** Escape: the next byte is a framing byte XOR 0x20. */
export const BOARD_DLE = 0x10;
/** XOR applied to an escaped byte. */
export const BOARD_ESCAPE_XOR = 0x20;
/** Address every board obeys and none answers. */
export const BROADCAST = 0;
/** addr, seq, cmd, len. */
export const HEAD_BYTES = 4;
/** CRC-16 hi, lo. */
export const CRC_BYTES = 2;
/** The length field is one byte. */
export const MAX_PAYLOAD_BYTES = 255;
/** Longest legal frame on the wire: every body byte escaped, plus STX and ETX. */
export const MAX_WIRE_BYTES = 2 + 2 * (HEAD_BYTES + MAX_PAYLOAD_BYTES + CRC_BYTES);

/** Command bytes from the document's table. */
export const COMMAND_BYTES: Readonly<Record<LedCommand, number>> = {
  SHOW_TEXT: 0x01,
  PING: 0x05,
  ACK: 0x06,
  NAK: 0x15,
};

/** NAK reason bytes from the document's table. */
export const NAK_BYTES: Readonly<Record<LedNakReason, number>> = {
  CRC: 0x01,
  UNKNOWN_COMMAND: 0x02,
  BAD_PAYLOAD: 0x03,
};

/** True for STX, ETX and DLE, the bytes stuffed inside a frame. */
export function isFramingByte(byte: number): boolean {
  return byte === BOARD_STX || byte === BOARD_ETX || byte === BOARD_DLE;
}

/**
 * CRC-16/CCITT-FALSE bit by bit (poly 0x1021, init 0xFFFF, no reflection, no final XOR), as
 * a small firmware would compute it; the driver uses a table, so the two are not one code.
 */
export function boardCrc16(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1;
      crc &= 0xffff;
    }
  }
  return crc;
}
