import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { PrinterModel, PrintLang, StoredLogo } from '@skr/protocol/printer';
import { SkrError } from '@skr/protocol/errors';
import { formatLocalDateTime as formatOnZoneClock } from '@skr/protocol/time-zone';
import { printLabels, type PrintLabels } from './labels';
import { printableCodepages, shorten, transliterate } from './transliterate';

// Shared start and end of every layout. A ticket is text, a stored logo and a native QR,
// never a raster: a 38,400 bps serial link moves ~3.8 KB/s and a ticket must stay < 512 B.

/** Largest encoded ticket we accept (no raster over serial). */
export const MAX_TICKET_BYTES = 512;
/** Largest encoded receipt (UPP): it carries ids and a digest, still well under 0.3 s of serial. */
export const MAX_RECEIPT_BYTES = 1024;

/** An encoder configured for one model and language, plus that language's labels. */
interface LayoutContext {
  enc: ReceiptPrinterEncoder;
  labels: PrintLabels;
  model: PrinterModel;
}

/** ESC/POS bytes that print the model's logo stored in the printer's NV memory. */
export function storedLogoCommand(logo: StoredLogo): number[] {
  if (logo.command === 'fs-p') return [0x1c, 0x70, logo.image, 0x00];
  // GS ( L pL pH m=48 fn=69 kc1 kc2 x=1 y=1
  return [
    0x1d,
    0x28,
    0x4c,
    0x06,
    0x00,
    0x30,
    0x45,
    logo.key.charCodeAt(0),
    logo.key.charCodeAt(1),
    1,
    1,
  ];
}

// Every piece of text goes through text() (line() calls it), so no layout can send the
// printer a character its code pages lack: it is transliterated first, never "?".
class PrintableEncoder extends ReceiptPrinterEncoder {
  constructor(
    options: ConstructorParameters<typeof ReceiptPrinterEncoder>[0],
    private readonly pages: readonly string[],
  ) {
    super(options);
  }
  override text(value: string): ReceiptPrinterEncoder {
    return super.text(transliterate(value, this.pages));
  }
}

/** Starts a document: initialize, code page for the language, centred logo and branch name. */
function beginLayout(model: PrinterModel, lang: PrintLang, branchName: string): LayoutContext {
  const pages = printableCodepages(model, lang);
  const enc = new PrintableEncoder(
    {
      language: 'esc-pos',
      columns: model.columns,
      codepageMapping: model.codepageNumbers as Record<string, number>,
      codepageCandidates: pages,
      newline: '\n',
      feedBeforeCut: model.feedBeforeCut,
    },
    pages,
  );
  enc.initialize();
  // Ukrainian labels sit next to Polish branch and service names, so those tickets switch
  // code page per character; Polish and English ones keep one page for the whole ticket.
  enc.codepage(pages.length > 1 ? 'auto' : model.latinCodepage);
  const ctx = { enc, labels: printLabels[lang], model };
  centre(ctx);
  // NV logos print only at the start of a line; its own line keeps the text below it.
  if (model.logo) enc.raw(storedLogoCommand(model.logo)).newline();
  enc.bold(true).line(branchName).bold(false);
  return ctx;
}

/**
 * Switches the printer's own alignment (ESC a). The encoder's align() pads with spaces,
 * which costs ~100 B a ticket; the printer centres for free. Call at the start of a line.
 */
export function centre(ctx: LayoutContext, on = true): void {
  ctx.enc.raw([0x1b, 0x61, on ? 0x01 : 0x00]);
}

/** Ends a document: feed and cut as the model's cutter allows, then encode and check size. */
function endLayout(ctx: LayoutContext, budget = MAX_TICKET_BYTES): Uint8Array {
  const { enc, model } = ctx;
  if (model.cutter === 'none') enc.newline(model.feedBeforeCut);
  else enc.cut(model.cutter);
  const bytes = enc.encode();
  if (bytes.length > budget) {
    // A runtime failure, not a crash: fitLayout() retries with shorter names, and whatever
    // still escapes is a print fault the kiosk reports.
    throw new SkrError(
      'INVALID',
      `encoded document is ${bytes.length} B, over the ${budget} B budget`,
      {
        details: { bytes: bytes.length, budget },
      },
    );
  }
  return bytes;
}

// Longest name (in characters) tried in turn until the document fits; 60 is the schema's
// maximum, so a document that fits as it is prints unchanged.
const NAME_LIMITS = [60, 40, 32, 24, 16, 10] as const;

/**
 * Builds a layout with names cut to ever shorter limits until it fits its byte budget
 * (long Ukrainian names switch code pages per character and cost more bytes). Throws an
 * SkrError('INVALID') only when even the shortest names do not fit.
 */
function fitLayout(build: (nameLimit: number) => Uint8Array): Uint8Array {
  let last: unknown;
  for (const limit of NAME_LIMITS) {
    try {
      return build(limit);
    } catch (e) {
      if (!(e instanceof SkrError)) throw e;
      last = e;
    }
  }
  throw last;
}

/** What every printed document has: its language and the branch it comes from. */
interface PrintedDoc {
  lang: PrintLang;
  branchName: string;
}

/**
 * Prints a whole document: checks it against its schema (a malformed document is a programmer
 * error: it throws before printing), begins with the branch name, lets `body` print the rest
 * and ends within `budget` bytes, with names shortened by fitLayout() until it fits.
 */
export function printDocument<D extends PrintedDoc>(
  schema: { parse(doc: unknown): unknown },
  doc: D,
  model: PrinterModel,
  budget: number,
  body: (ctx: LayoutContext, nameLimit: number) => void,
): Uint8Array {
  schema.parse(doc);
  return fitLayout((max) => {
    const ctx = beginLayout(model, doc.lang, shorten(doc.branchName, max));
    body(ctx, max);
    return endLayout(ctx, budget);
  });
}

/** Prints the ticket number big and bold, centred. */
export function bigNumber(ctx: LayoutContext, number: string): void {
  ctx.enc.bold(true).size(3, 3).line(number).size(1, 1).bold(false);
}

/** Prints a native QR (GS ( k) when the model has one, else the URL as text. */
export function qrOrText(ctx: LayoutContext, value: string): void {
  if (ctx.model.qr.supported) {
    ctx.enc.qrcode(value, { model: 2, size: ctx.model.qr.moduleSize, errorlevel: 'm' });
  } else {
    ctx.enc.line(value);
  }
}

/**
 * Zone for dates on paper when a document names none. Only kiosk hosts that do not yet pass
 * the branch's zone (QueueSettings.timeZone) in the document rely on it.
 */
const PRINT_ZONE_FALLBACK = 'Europe/Warsaw';

/** The zone a document's dates are printed in: its own, else {@link PRINT_ZONE_FALLBACK}. */
function documentZone(doc: { timeZone?: string | undefined }): string {
  return doc.timeZone ?? PRINT_ZONE_FALLBACK;
}

/** Date and time on paper in Polish style, "30.11.2026 08:15", on the given zone's clock. */
export function formatLocalDateTime(iso: string, timeZone: string): string {
  return formatOnZoneClock(iso, timeZone);
}

/** An instant on paper, "30.11.2026 08:15", on the clock of the document's own zone. */
export function paperTime(doc: { timeZone?: string | undefined }, iso: string): string {
  return formatLocalDateTime(iso, documentZone(doc));
}
