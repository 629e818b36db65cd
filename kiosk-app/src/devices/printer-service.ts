import type { Printer } from '@skr/printer-drivers';
import {
  encodeAnswerLetter,
  encodeBookingSlip,
  encodeCheckInTicket,
  encodeQueueTicket,
  encodeReceipt,
  statusError,
} from '@skr/printer-drivers';
import {
  isSkrError,
  type BookingSlipDoc,
  type CheckInTicketDoc,
  type ErrorCode,
  type PrinterStatus,
  type QueueTicketDoc,
  type ReceiptDoc,
} from '@skr/protocol';
import type { AnswerLetterDoc } from '@skr/protocol/pue-inbox';
import type { HealthReporter } from './health-reporter';

/** A document the kiosk prints. */
export type KioskPrintJob =
  | { kind: 'queue'; doc: QueueTicketDoc }
  | { kind: 'check-in'; doc: CheckInTicketDoc }
  | { kind: 'receipt'; doc: ReceiptDoc }
  | { kind: 'booking'; doc: BookingSlipDoc }
  | { kind: 'letter'; doc: AnswerLetterDoc };

/** Outcome of a print: never throws for printer faults, the caller shows the screen anyway. */
export interface PrintOutcome {
  printed: boolean;
  error?: ErrorCode;
}

/** The kiosk's ticket printer: fault-aware printing and health reporting to the branch. */
export interface PrinterService {
  print(job: KioskPrintJob): Promise<PrintOutcome>;
  /** Last known status (null before the first answer). */
  status(): PrinterStatus | null;
  /** True when the last status allows printing. */
  ok(): boolean;
  onChange(cb: (ok: boolean, s: PrinterStatus | null) => void): () => void;
  close(): Promise<void>;
}

function encode(job: KioskPrintJob, printer: Printer): Uint8Array {
  switch (job.kind) {
    case 'queue':
      return encodeQueueTicket(job.doc, printer.model);
    case 'check-in':
      return encodeCheckInTicket(job.doc, printer.model);
    case 'receipt':
      return encodeReceipt(job.doc, printer.model);
    case 'booking':
      return encodeBookingSlip(job.doc, printer.model);
    case 'letter':
      return encodeAnswerLetter(job.doc, printer.model);
  }
}

/**
 * Wraps the driver: polls the status every `watchMs` so an empty or open printer is known
 * before anyone touches the screen, reports every change to the branch, and turns print
 * failures into an outcome (the number is on screen either way).
 */
export function createPrinterService(
  printer: Printer,
  health: HealthReporter,
  watchMs = 1000,
): PrinterService {
  const listeners = new Set<(ok: boolean, s: PrinterStatus | null) => void>();
  let healthy = false;
  let lastCode: ErrorCode | undefined;

  function note(ok: boolean, code?: ErrorCode) {
    const changed = ok !== healthy || code !== lastCode;
    healthy = ok;
    lastCode = code;
    health.report({ component: 'printer', ok, ...(code ? { code } : {}) });
    if (changed) for (const cb of listeners) cb(ok, printer.lastStatus);
  }
  // Our own poll rather than the driver's watch(): a failed print must be re-judged by the
  // next answer even when the status bytes did not change.
  let polling = false;
  async function poll() {
    if (polling) return;
    polling = true;
    try {
      const err = statusError(await printer.status(), 'status');
      note(err === null, err?.code);
    } catch (e) {
      note(false, isSkrError(e) ? e.code : 'OFFLINE');
    } finally {
      polling = false;
    }
  }
  const timer = setInterval(() => void poll(), watchMs);
  void poll(); // at once, so the kiosk knows before the first touch

  return {
    async print(job) {
      let bytes: Uint8Array;
      try {
        bytes = encode(job, printer);
      } catch (e) {
        // Text the layout cannot hold is a print fault of this one document, not a crash
        // and not a printer fault: the client still gets the number on screen.
        return { printed: false, error: isSkrError(e) ? e.code : 'INTERNAL' };
      }
      try {
        await printer.print(bytes);
        return { printed: true };
      } catch (e) {
        const code: ErrorCode = isSkrError(e) ? e.code : 'INTERNAL';
        note(false, code);
        return { printed: false, error: code };
      }
    },
    status: () => printer.lastStatus,
    ok: () => healthy,
    onChange(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    async close() {
      clearInterval(timer);
      await printer.close();
    },
  };
}
