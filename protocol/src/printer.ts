import { z } from 'zod';
import { ErrorCode } from './errors';
import { TimeZone } from './time-zone';

// Contracts of the ticket printer: the documents the kiosk asks to print, the status the
// driver reports, and the printer model data. Byte layouts live in printer-drivers and
// docs/hardware-printer.md; these shapes are what crosses process boundaries (IPC, HTTP,
// config files), so they are validated with zod.

/** Language of a printed document (labels only; branch and service names come translated). */
export const PrintLang = z.enum(['pl', 'en', 'uk']);
/** One printed-document language. */
export type PrintLang = z.infer<typeof PrintLang>;

const isoDateTime = z.iso.datetime({ offset: true });
// Bounds keep every layout under the 512-byte ticket budget (tested at the maxima).
const line = z.string().min(1).max(60);
// The branch's zone (QueueSettings.timeZone) for the dates on paper. Optional only until every
// caller passes it; printer-drivers falls back to PRINT_ZONE_FALLBACK meanwhile.
const timeZone = TimeZone.optional();

// What every queue ticket prints, walk-in or booked: the branch, the number and the service.
const TicketSlip = z.object({
  branchName: line,
  number: z.string().min(1).max(8),
  serviceName: line,
  timeZone,
  lang: PrintLang,
});

/** A walk-in queue ticket: number, service, people ahead, estimated wait, QR to follow the line. */
export const QueueTicketDoc = TicketSlip.extend({
  issuedAt: isoDateTime,
  peopleAhead: z.number().int().min(0),
  estimatedWaitMinutes: z.number().int().min(0),
  followUrl: z.url().max(96),
  priority: z.boolean().optional(),
});
/** A walk-in queue ticket. */
export type QueueTicketDoc = z.infer<typeof QueueTicketDoc>;

/** A ticket for a visit booked online, printed at check-in. */
export const CheckInTicketDoc = TicketSlip.extend({
  bookedFor: isoDateTime,
  bookingCode: z.string().min(1).max(32),
  /** People before this client in the line, when the branch said. */
  peopleAhead: z.number().int().min(0).optional(),
  /** Page to follow the line on a phone, printed as a QR. */
  followUrl: z.url().max(96).optional(),
});
/** A booking check-in ticket. */
export type CheckInTicketDoc = z.infer<typeof CheckInTicketDoc>;

/**
 * A document receipt: the UPP when the portal has issued one, otherwise (no `uppId`) the
 * branch's own receipt, which must never be titled UPP.
 */
export const ReceiptDoc = z.object({
  branchName: line,
  documentId: z.string().min(1).max(64),
  formCode: z.string().min(1).max(32),
  formName: line,
  pages: z.number().int().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  submittedAt: isoDateTime,
  timeZone,
  /** The portal's UPP number; absent while the document waits in the branch outbox. */
  uppId: z.string().min(1).max(64).optional(),
  /**
   * The branch receipt's number and check code ("D-2026-000123", "K7QX9P"): printed instead of
   * the document id, with a QR of both for "Sprawdź potwierdzenie (UPP)" at the kiosk.
   */
  branchReceipt: z
    .object({
      receiptNo: z.string().regex(/^D-\d{4}-\d{6,}$/),
      code: z.string().regex(/^[A-Z0-9]{6}$/),
    })
    .optional(),
  lang: PrintLang,
});
/** A document receipt (UPP, or the branch's receipt while the portal has not answered). */
export type ReceiptDoc = z.infer<typeof ReceiptDoc>;

/** A slip the kiosk prints when a service or the whole branch is out of service. */
export const OutOfServiceDoc = z.object({
  branchName: line,
  message: z.string().min(1).max(300),
  lang: PrintLang,
});
/** An out-of-service slip. */
export type OutOfServiceDoc = z.infer<typeof OutOfServiceDoc>;

/**
 * The slip printed when a visit is booked at the kiosk: code, day and hour, service, the
 * branch's address and a QR of the code (the kiosk's scanner reads it at check-in).
 */
export const BookingSlipDoc = z.object({
  branchName: line,
  /** The branch's street address, when the kiosk knows it. */
  address: z.string().min(1).max(80).optional(),
  serviceName: line,
  start: isoDateTime,
  timeZone,
  bookingCode: z.string().regex(/^[A-Z0-9]{6,12}$/),
  lang: PrintLang,
});
/** A booking slip. */
export type BookingSlipDoc = z.infer<typeof BookingSlipDoc>;

/**
 * Whether a document the kiosk printed came out: the screen shows it either way, and
 * `printError` says why the paper did not (the branch has been alerted then).
 */
export const KioskPrintResult = z.object({
  printed: z.boolean(),
  printError: ErrorCode.optional(),
});
/** A print's outcome as the kiosk renderer sees it. */
export type KioskPrintResult = z.infer<typeof KioskPrintResult>;

/** What the printer says about itself (decoded from its real-time status bytes). */
export const PrinterStatus = z.object({
  online: z.boolean(),
  paperOut: z.boolean(),
  paperNearEnd: z.boolean(),
  coverOpen: z.boolean(),
});
/** Printer status; `online: false` with no other flag also covers "no answer". */
export type PrinterStatus = z.infer<typeof PrinterStatus>;

/** Code pages a model may be asked to use (names as the encoder library spells them). */
export const PrinterCodepage = z.enum(['cp852', 'windows1250', 'cp866', 'windows1251']);
/** One printer code page name. */
export type PrinterCodepage = z.infer<typeof PrinterCodepage>;

/** How a model prints its logo stored in non-volatile memory. */
export const StoredLogo = z.discriminatedUnion('command', [
  // FS p n m: legacy NV bit image, supported by both classes we target.
  z.object({ command: z.literal('fs-p'), image: z.number().int().min(1).max(255) }),
  // GS ( L fn 69: NV graphics addressed by a two-character key (Epson TM-T88IV and later).
  z.object({ command: z.literal('gs-l'), key: z.string().length(2) }),
]);
/** Stored-logo command data. */
export type StoredLogo = z.infer<typeof StoredLogo>;

/** A printer model as data: paper columns, code pages and their ESC t numbers, cutter, QR. */
export const PrinterModel = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  columns: z.number().int().min(24).max(80),
  /** Code page for Polish (and English) text. */
  latinCodepage: PrinterCodepage,
  /** Code page for Cyrillic (Ukrainian labels); mixed with the latin one per character. */
  cyrillicCodepage: PrinterCodepage,
  /** ESC t numbers of each code page on this model. */
  codepageNumbers: z.partialRecord(PrinterCodepage, z.number().int().min(0).max(255)),
  cutter: z.enum(['partial', 'full', 'none']),
  /** Lines to feed so the printed part clears the cutter. */
  feedBeforeCut: z.number().int().min(0).max(20),
  qr: z.object({ supported: z.boolean(), moduleSize: z.number().int().min(1).max(16) }),
  logo: StoredLogo.nullable(),
});
/** A printer model description. */
export type PrinterModel = z.infer<typeof PrinterModel>;
