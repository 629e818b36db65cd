// Public surface of the RS-485 LED board driver (counter boards and the hall board).
export { crc16 } from './crc16';
export { encodeFrame, STX, ETX, DLE } from './frame-encode';
export { decodeFrames, MAX_WIRE_FRAME } from './frame-decode';
export type { DecodeEvent, DecodeResult, FrameErrorReason } from './frame-decode';
export {
  encodeShowText,
  decodeShowText,
  boardText,
  toLines,
  LED_CODE_PAGE,
  FLAG_BLINK,
} from './text-codec';
export { serialLedTransport } from './transport';
export type { LedTransport, SerialLedTransportOptions } from './transport';
export { createLedBus } from './led-bus';
export type { LedBus, LedBusEvent, LedBusOptions } from './led-bus';
