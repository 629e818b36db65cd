import { BookingSlipDoc } from '@skr/protocol/printer';
import type { PrinterModel } from '@skr/protocol/printer';
import { centre, MAX_TICKET_BYTES, paperTime, printDocument, qrOrText } from './layout-base';
import { shorten } from './transliterate';

/**
 * Encodes the slip of a visit booked at the kiosk: service, day and hour on the branch's clock,
 * the address, the code big and as a QR that the kiosk's scanner types in at check-in.
 */
export function encodeBookingSlip(doc: BookingSlipDoc, model: PrinterModel): Uint8Array {
  return printDocument(BookingSlipDoc, doc, model, MAX_TICKET_BYTES, (ctx, max) => {
    const [day, hour] = paperTime(doc, doc.start).split(' ');
    const { enc, labels } = ctx;
    // The address sits under the branch name: the client needs both to find the place.
    if (doc.address) enc.line(shorten(doc.address, max + 20));
    enc.newline().bold(true).line(labels.bookedVisit).bold(false);
    enc.line(shorten(doc.serviceName, max)).newline();
    centre(ctx, false);
    enc.bold(true).line(`${labels.visitDay}: ${day ?? ''}`);
    enc.line(`${labels.visitHour}: ${hour ?? ''}`).bold(false);
    enc.newline().line(`${labels.bookingCode}:`);
    centre(ctx);
    enc.bold(true).size(2, 2).line(doc.bookingCode).size(1, 1).bold(false);
    enc.line(labels.checkInWithCode);
    qrOrText(ctx, doc.bookingCode);
  });
}
