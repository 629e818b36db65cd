import type { PrinterStatus } from '@skr/protocol/printer';

// Real-time status (DLE EOT n) is answered by the printer at once, even while offline or
// with a full buffer, so it is how we learn about paper and cover. Every answer byte has
// bit 4 set and bit 1 set and bits 0 and 7 clear (0b0xx1xx10); GS r answers (the in-order
// barrier after a job) have bit 4 clear, which is how the two are told apart on one line.

/** DLE EOT n: ask one real-time status byte. */
function dleEot(n: 1 | 2 | 3 | 4): Uint8Array {
  return Uint8Array.of(0x10, 0x04, n);
}

/** Queries sent for one status read: printer (1), offline cause (2), paper sensor (4). */
export const STATUS_QUERY: Uint8Array = Uint8Array.of(...dleEot(1), ...dleEot(2), ...dleEot(4));

/** GS r 1: paper sensor status, processed in order after everything sent before it. */
export const PAPER_BARRIER: Uint8Array = Uint8Array.of(0x1d, 0x72, 0x01);

/** True for a byte shaped like a DLE EOT answer. */
export function isRealtimeStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

/** True for a byte shaped like a GS r answer (bits 4 and 7 clear). */
export function isBarrierByte(b: number): boolean {
  return (b & 0x90) === 0x00;
}

/** Decodes the three answers to STATUS_QUERY (in order n=1, n=2, n=4). */
export function parseStatus(printer: number, offlineCause: number, paper: number): PrinterStatus {
  const coverOpen = (offlineCause & 0x04) !== 0;
  const paperOut = (offlineCause & 0x20) !== 0 || (paper & 0x60) !== 0;
  return {
    online: (printer & 0x08) === 0,
    paperOut,
    paperNearEnd: (paper & 0x0c) !== 0,
    coverOpen,
  };
}

/** A status with nothing wrong; a printer is fit to print when this holds. */
export function isHealthy(s: PrinterStatus): boolean {
  return s.online && !s.paperOut && !s.coverOpen;
}

/** Status reported for a printer that did not answer. */
export const NO_ANSWER: PrinterStatus = {
  online: false,
  paperOut: false,
  paperNearEnd: false,
  coverOpen: false,
};
