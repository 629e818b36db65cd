// The emulated printer's own state and the status bytes it answers with. Written from the
// ESC/POS reference independently of the driver's parser, so the contract tests check one
// against the other rather than a file against itself.

/** Faults that can be injected; all false/0/null means a healthy printer. */
export interface PrinterFaults {
  paperOut: boolean;
  paperNearEnd: boolean;
  coverOpen: boolean;
  /** Answers nothing and prints nothing, like a hung or powered-down printer. */
  silent: boolean;
  /** Delays every answer by this many ms. */
  slowMs: number;
  /** Paper runs out after this many more bytes of print data (mid-print fault). */
  paperOutAfterBytes: number | null;
}

/** A healthy printer. */
export const NO_FAULTS: PrinterFaults = {
  paperOut: false,
  paperNearEnd: false,
  coverOpen: false,
  silent: false,
  slowMs: 0,
  paperOutAfterBytes: null,
};

/** True while the printer cannot print (it goes offline on paper end and open cover). */
export function isOffline(f: PrinterFaults): boolean {
  return f.paperOut || f.coverOpen;
}

/** Answer to DLE EOT n (n = 1 printer, 2 offline cause, 3 error cause, 4 paper sensor). */
export function realtimeStatusByte(f: PrinterFaults, n: number): number {
  const base = 0x12; // bits 1 and 4 are fixed to 1
  switch (n) {
    case 1:
      return base | (isOffline(f) ? 0x08 : 0);
    case 2:
      return base | (f.coverOpen ? 0x04 : 0) | (f.paperOut ? 0x20 : 0) | (isOffline(f) ? 0x40 : 0);
    case 3:
      return base;
    case 4:
      return base | (f.paperNearEnd ? 0x0c : 0) | (f.paperOut ? 0x60 : 0);
    default:
      return base;
  }
}

/** Answer to GS r 1 (paper sensor, in order with the print data). */
export function paperSensorByte(f: PrinterFaults): number {
  return (f.paperNearEnd ? 0x03 : 0) | (f.paperOut ? 0x0c : 0);
}
