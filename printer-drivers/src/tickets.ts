import {
  CheckInTicketDoc,
  OutOfServiceDoc,
  QueueTicketDoc,
  ReceiptDoc,
} from '@skr/protocol/printer';
import type { PrinterModel } from '@skr/protocol/printer';
import {
  bigNumber,
  centre,
  MAX_RECEIPT_BYTES,
  paperTime,
  printDocument,
  qrOrText,
  MAX_TICKET_BYTES,
} from './layout-base';
import { shorten } from './transliterate';

// The four layouts. Each is a pure function: the same document and model give the same
// bytes, so tests compare bytes and decode them with the emulator's decoder. Names (branch,
// service, form) are cut by fitLayout() only when the whole document would not fit its budget.

/** Encodes a walk-in queue ticket as ESC/POS. */
export function encodeQueueTicket(doc: QueueTicketDoc, model: PrinterModel): Uint8Array {
  return printDocument(QueueTicketDoc, doc, model, MAX_TICKET_BYTES, (ctx, max) => {
    const { enc, labels } = ctx;
    enc.line(shorten(doc.serviceName, max)).newline();
    enc.line(labels.yourNumber);
    bigNumber(ctx, doc.number);
    if (doc.priority) enc.bold(true).line(labels.priority).bold(false);
    enc.newline();
    centre(ctx, false);
    enc.line(`${labels.issuedAt}: ${paperTime(doc, doc.issuedAt)}`);
    enc.line(`${labels.peopleAhead}: ${doc.peopleAhead}`);
    enc.line(`${labels.estimatedWait}: ${doc.estimatedWaitMinutes} ${labels.minutes}`);
    enc.newline();
    centre(ctx);
    enc.line(labels.followOnPhone);
    qrOrText(ctx, doc.followUrl);
  });
}

/** Encodes the ticket printed when a booked visit checks in. */
export function encodeCheckInTicket(doc: CheckInTicketDoc, model: PrinterModel): Uint8Array {
  return printDocument(CheckInTicketDoc, doc, model, MAX_TICKET_BYTES, (ctx, max) => {
    const { enc, labels } = ctx;
    enc.line(labels.bookedVisit).line(shorten(doc.serviceName, max)).newline();
    enc.line(labels.yourNumber);
    bigNumber(ctx, doc.number);
    enc.newline();
    centre(ctx, false);
    enc.line(`${labels.bookedFor}: ${paperTime(doc, doc.bookedFor)}`);
    enc.line(`${labels.bookingCode}: ${doc.bookingCode}`);
    if (doc.peopleAhead !== undefined) enc.line(`${labels.peopleAhead}: ${doc.peopleAhead}`);
    enc.newline();
    centre(ctx);
    enc.line(labels.keepTicket);
    if (doc.followUrl) {
      enc.line(labels.followOnPhone);
      qrOrText(ctx, doc.followUrl);
    }
  });
}

/**
 * Encodes a document receipt with the file's SHA-256 split over two lines: the UPP when the
 * document carries the portal's UPP number, otherwise the branch's receipt, which says that
 * it is not a UPP and what happens next.
 */
export function encodeReceipt(doc: ReceiptDoc, model: PrinterModel): Uint8Array {
  return printDocument(ReceiptDoc, doc, model, MAX_RECEIPT_BYTES, (ctx, max) => {
    const branchName = shorten(doc.branchName, max);
    const { enc, labels } = ctx;
    const upp = doc.uppId;
    enc
      .bold(true)
      .line(upp ? labels.uppTitle : labels.branchReceiptTitle)
      .bold(false)
      .newline();
    centre(ctx, false);
    const branchReceipt = doc.branchReceipt;
    if (upp) enc.line(`${labels.uppId}: ${upp}`);
    if (branchReceipt) {
      enc.line(`${labels.receiptNo}: ${branchReceipt.receiptNo}`);
      enc.line(`${labels.receiptCode}: ${branchReceipt.code}`);
    } else if (upp) {
      enc.line(`${labels.documentId}: ${doc.documentId}`);
    } else {
      enc.line(`${labels.receiptNo}: ${doc.documentId}`);
    }
    enc.line(`${labels.form}: ${doc.formCode} ${shorten(doc.formName, max)}`);
    enc.line(`${labels.pages}: ${doc.pages}`);
    enc.line(`${labels.submittedAt}: ${paperTime(doc, doc.submittedAt)}`);
    enc.line(`${labels.branch}: ${branchName}`);
    enc.line(`${labels.sha256}:`);
    enc.line(doc.sha256.slice(0, 32)).line(doc.sha256.slice(32));
    if (!upp) enc.newline().line(labels.branchReceiptNext);
    // The QR holds number and code, as the kiosk's scanner types them into the lookup (on a
    // UPP too: the client can print it again there).
    if (branchReceipt) {
      enc.newline().line(labels.lookupUpp);
      centre(ctx);
      qrOrText(ctx, receiptQr(branchReceipt.receiptNo, branchReceipt.code));
    }
  });
}

/** What a branch receipt's QR holds: "D-2026-000123/K7QX9P" (the kiosk's lookup parses it). */
export function receiptQr(receiptNo: string, code: string): string {
  return `${receiptNo}/${code}`;
}

/** Encodes the slip printed while a service or the kiosk is out of service. */
export function encodeOutOfService(doc: OutOfServiceDoc, model: PrinterModel): Uint8Array {
  return printDocument(OutOfServiceDoc, doc, model, MAX_TICKET_BYTES, (ctx) => {
    const { enc, labels } = ctx;
    enc.newline().bold(true).size(2, 2).line(labels.outOfService).size(1, 1).bold(false);
    enc.newline().line(doc.message);
  });
}
