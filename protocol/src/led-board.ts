import { z } from 'zod';

// Contracts of the RS-485 LED board protocol (counter boards and the hall board).
// The byte layout lives in led-board-driver (encodeFrame/decodeFrames) and docs/hardware-led.md;
// this file says what a decoded frame may contain, so the driver, the emulator and the branch
// server agree on one shape.

/** Address every board listens to; a broadcast frame is never acknowledged. */
export const LED_BROADCAST_ADDRESS = 0;
/** Highest unicast board address (counter boards use their counter number). */
export const LED_MAX_ADDRESS = 247;
/** Largest payload a frame carries (the length field is one byte). */
export const LED_MAX_PAYLOAD = 255;

/** Frame commands by name; the wire byte is in LED_COMMAND_CODES. */
export const LedCommand = z.enum(['SHOW_TEXT', 'PING', 'ACK', 'NAK']);
/** One LED board command. */
export type LedCommand = z.infer<typeof LedCommand>;

/** Wire byte of each command (ACK/NAK borrow the ASCII control codes so bus dumps read well). */
export const LED_COMMAND_CODES: Readonly<Record<LedCommand, number>> = {
  SHOW_TEXT: 0x01,
  PING: 0x05,
  ACK: 0x06,
  NAK: 0x15,
};

/** Why a board refused a frame (first payload byte of a NAK). */
export const LedNakReason = z.enum(['CRC', 'UNKNOWN_COMMAND', 'BAD_PAYLOAD']);
/** One NAK reason. */
export type LedNakReason = z.infer<typeof LedNakReason>;

/** Wire byte of each NAK reason. */
export const LED_NAK_CODES: Readonly<Record<LedNakReason, number>> = {
  CRC: 0x01,
  UNKNOWN_COMMAND: 0x02,
  BAD_PAYLOAD: 0x03,
};

/** A frame after unstuffing and a good CRC: address, sequence number, command, raw payload. */
export const LedFrame = z.object({
  address: z.number().int().min(0).max(255),
  seq: z.number().int().min(0).max(255),
  command: LedCommand,
  // z.custom keeps the plain Uint8Array type (z.instanceof would narrow it to ArrayBuffer-backed).
  payload: z
    .custom<Uint8Array>((p) => p instanceof Uint8Array, 'payload must be bytes')
    .refine((p) => p.length <= LED_MAX_PAYLOAD, 'payload too long'),
});
/** A decoded LED board frame. */
export type LedFrame = z.infer<typeof LedFrame>;

/** SHOW_TEXT payload once decoded: the lines to show and whether to blink (a new call). */
export const LedShowText = z.object({
  lines: z.array(z.string()),
  blink: z.boolean(),
});
/** Decoded SHOW_TEXT payload. */
export type LedShowText = z.infer<typeof LedShowText>;

/** What the driver knows about one board. */
export const LedBoardState = z.object({
  address: z.number().int().min(1).max(LED_MAX_ADDRESS),
  alive: z.boolean(),
  lastText: z.string().optional(),
});
/** State of one board as reported by the bus. */
export type LedBoardState = z.infer<typeof LedBoardState>;
