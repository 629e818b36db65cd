// The PDF side of PAdES: a signature field whose /Contents is a zero-filled hole, a /ByteRange
// that covers everything but that hole, and the CMS written into the hole afterwards. The
// bytes outside the hole are final before anything is signed, so the digest stays true.
import { createHash } from 'node:crypto';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import {
  DEFAULT_BYTE_RANGE_PLACEHOLDER,
  SUBFILTER_ETSI_CADES_DETACHED,
  findByteRange,
} from '@signpdf/utils';
import { PDFDocument } from 'pdf-lib';
import { SkrError } from '@skr/protocol';

/** Room for the CMS in hex digits (4 KiB of DER): a P-256 certificate + signature takes ~1 KiB. */
const CONTENTS_HEX = 8192;

/** What the signature dictionary says besides the signature itself. */
interface SignatureFields {
  reason: string;
  location?: string;
  name?: string;
  signingTime: Date;
}

/** A PDF with its signature hole: what to hash, and where the CMS goes. */
interface PreparedPdf {
  pdf: Buffer;
  byteRange: [number, number, number, number];
  /** SHA-256 of the two byte ranges: the CMS messageDigest. */
  digest: Buffer;
}

/** Adds an (invisible) ETSI.CAdES.detached signature field and fixes its /ByteRange. */
export async function preparePdfSignature(pdf: Buffer, f: SignatureFields): Promise<PreparedPdf> {
  const unreadable = (cause?: unknown) =>
    new SkrError('INVALID', 'the PDF cannot be read for signing', {
      details: { reason: 'NOT_PDF' },
      cause,
    });
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
    // pdf-lib parses leniently: a broken file loads, and fails only when its pages are asked.
    if (doc.getPageCount() === 0) throw new Error('no pages');
  } catch (e) {
    throw unreadable(e);
  }
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: f.reason,
    contactInfo: '',
    name: f.name ?? '',
    location: f.location ?? '',
    signingTime: f.signingTime,
    signatureLength: CONTENTS_HEX,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
  });
  // Object streams would hide the signature dictionary from byte-level lookups.
  const out = Buffer.from(await doc.save({ useObjectStreams: false }));
  return fixByteRange(out);
}

function fixByteRange(pdf: Buffer): PreparedPdf {
  const { byteRangePlaceholder: placeholder, byteRangePlaceholderPosition: at } = findByteRange(
    pdf,
    DEFAULT_BYTE_RANGE_PLACEHOLDER,
  );
  if (placeholder === undefined || at === undefined)
    throw new Error('signature placeholder not found');
  const contents = pdf.indexOf('/Contents ', at + placeholder.length);
  const open = pdf.indexOf('<', contents);
  const close = pdf.indexOf('>', open);
  if (contents < 0 || open < 0 || close < 0) throw new Error('signature /Contents not found');
  const byteRange: PreparedPdf['byteRange'] = [0, open, close + 1, pdf.length - (close + 1)];
  const text = `/ByteRange [${byteRange.join(' ')}]`;
  if (text.length > placeholder.length) throw new Error('ByteRange does not fit its placeholder');
  // Same length as the placeholder, so no offset moves.
  pdf.write(text.padEnd(placeholder.length, ' '), at, 'latin1');
  // The hole holds hex zeros from here on (pdf-lib wrote NUL characters).
  pdf.fill('0', open + 1, close, 'latin1');
  const digest = createHash('sha256')
    .update(pdf.subarray(0, open))
    .update(pdf.subarray(close + 1))
    .digest();
  return { pdf, byteRange, digest };
}

/** Writes the CMS (DER) into the prepared hole; the rest of the file stays byte for byte. */
export function embedCms(prepared: PreparedPdf, cms: Buffer): Buffer {
  const [, open, close] = prepared.byteRange;
  const room = close - open - 2;
  const hex = cms.toString('hex');
  if (hex.length > room) throw new Error(`CMS of ${cms.length} bytes does not fit the signature`);
  const out = Buffer.from(prepared.pdf);
  out.write(hex.padEnd(room, '0'), open + 1, 'latin1');
  return out;
}
