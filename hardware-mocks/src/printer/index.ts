// Public surface of the ESC/POS printer emulator.
export {
  startPrinterEmulator,
  type PrinterEmulator,
  type PrinterEmulatorOptions,
} from './emulator';
export { decodeEscPos } from './decode-escpos';
export { nextCommand, type EscPosCommand } from './escpos-tokenizer';
export {
  NO_FAULTS,
  realtimeStatusByte,
  paperSensorByte,
  type PrinterFaults,
} from './printer-state';
export { openPtyPair, type PtyPair } from './pty-pair';
export { renderTicketPng } from './ticket-png';
export { ticketToText, type PrintedTicket, type TicketItem, type TextSegment } from './ticket';
