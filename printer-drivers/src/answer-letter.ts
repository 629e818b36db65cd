import { AnswerLetterDoc } from '@skr/protocol/pue-inbox';
import type { PrinterModel } from '@skr/protocol/printer';
import { centre, MAX_RECEIPT_BYTES, paperTime, printDocument, qrOrText } from './layout-base';
import { letterLabels } from './letter-labels';
import { shorten } from './transliterate';

/**
 * Encodes the summary of an answer from ZUS opened at the kiosk: title, the letter's date,
 * sender and reference, the UPD's number and time on the branch clock, and a QR of the
 * reference. The letter itself is a PDF; the slip is what the client takes home.
 */
export function encodeAnswerLetter(doc: AnswerLetterDoc, model: PrinterModel): Uint8Array {
  return printDocument(AnswerLetterDoc, doc, model, MAX_RECEIPT_BYTES, (ctx, max) => {
    const words = letterLabels[doc.lang];
    const [y, m, d] = doc.date.split('-');
    const { enc } = ctx;
    enc.newline().bold(true).line(words.heading).bold(false);
    // The title is the letter's name: it may take two lines before it is shortened.
    enc.line(shorten(doc.title, max * 2)).newline();
    centre(ctx, false);
    enc.line(`${words.date}: ${d}.${m}.${y}`);
    enc.line(`${words.sender}: ${shorten(doc.sender, max + 20)}`);
    enc.line(`${words.reference}: ${doc.reference}`);
    if (doc.upd) {
      enc.line(`${words.updId}: ${doc.upd.updId}`);
      enc.line(`${words.updAt}: ${paperTime(doc, doc.upd.signedAt)}`);
    }
    enc.newline().line(words.fullText);
    centre(ctx);
    qrOrText(ctx, doc.reference);
  });
}
