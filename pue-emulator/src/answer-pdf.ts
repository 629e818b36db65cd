// The PDF body of an answer, drawn with pdf-lib from the stored letter. The standard PDF fonts
// carry only WinAnsi, which lacks most Polish letters (ą ę ł ś ź ż ć ń), so the letter embeds
// DejaVu Sans (Debian's fonts-dejavu-core, which scripts/ensure-deps.sh installs) as a subset
// through fontkit. On a machine without it the letter falls back to the standard font without
// diacritics rather than failing (a real portal sends its own PDF).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';

/** Where the letter's fonts are looked for (Debian's fonts-dejavu-core). */
const FONT_DIR = process.env.SKR_PDF_FONT_DIR ?? '/usr/share/fonts/truetype/dejavu';

let fontFiles: { regular: Buffer; bold: Buffer } | null | undefined;
/** DejaVu Sans regular and bold, read once; null when they are not installed. */
function dejaVu(): { regular: Buffer; bold: Buffer } | null {
  if (fontFiles === undefined) {
    try {
      fontFiles = {
        regular: readFileSync(join(FONT_DIR, 'DejaVuSans.ttf')),
        bold: readFileSync(join(FONT_DIR, 'DejaVuSans-Bold.ttf')),
      };
    } catch {
      fontFiles = null;
    }
  }
  return fontFiles;
}

/** The parts of a stored answer the letter shows. */
interface LetterFields {
  id: string;
  title: string;
  date: string;
  sender: string;
  reference: string;
  body: string;
}

/** `text` in the characters the standard PDF fonts have (Polish letters without their marks). */
function winAnsi(text: string): string {
  // NFD splits ą ć ę ń ó ś ź ż into a letter and a combining mark; ł has no decomposition.
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/[–—]/g, '-')
    .replace(/[„”]/g, '"')
    .replace(/[^\x20-\x7e\n]/g, '?');
}

/** Splits `text` into lines no wider than `width` points at `size` in `font`. */
function wrap(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** An A4 letter: sender, date, reference, title, then the body's paragraphs. */
export async function renderAnswerPdf(letter: LetterFields): Promise<Buffer> {
  const doc = await PDFDocument.create();
  // Fixed metadata dates: the same letter renders to the same bytes every time it is opened.
  const dated = new Date(`${letter.date}T09:00:00Z`);
  doc.setCreationDate(dated);
  doc.setModificationDate(dated);
  // Metadata strings are UTF-16 in the PDF: they keep their Polish letters with any font.
  doc.setTitle(letter.title);
  doc.setAuthor(letter.sender);
  doc.setSubject(letter.reference);
  doc.setKeywords([`answer:${letter.id}`]);
  doc.setProducer('pue-emulator');
  doc.setCreator('pue-emulator');
  const files = dejaVu();
  let font: PDFFont;
  let bold: PDFFont;
  let encode: (text: string) => string;
  if (files) {
    doc.registerFontkit(fontkit);
    // A fixed subset name: pdf-lib otherwise adds a random tag, and the same letter must give
    // the same bytes each time it is opened.
    font = await doc.embedFont(files.regular, { subset: true, customName: 'SKRAAA+DejaVuSans' });
    bold = await doc.embedFont(files.bold, { subset: true, customName: 'SKRAAB+DejaVuSans-Bold' });
    encode = (text) => text.replace(/[^\P{C}\n]/gu, '?');
  } else {
    font = await doc.embedFont(StandardFonts.Helvetica);
    bold = await doc.embedFont(StandardFonts.HelveticaBold);
    encode = winAnsi;
  }
  const page = doc.addPage([595, 842]);
  const left = 60;
  const width = 595 - 2 * left;
  let y = 780;
  const put = (text: string, size: number, f = font) => {
    for (const l of wrap(encode(text), width, (s) => f.widthOfTextAtSize(s, size))) {
      page.drawText(l, { x: left, y, size, font: f });
      y -= size * 1.4;
    }
  };
  put('Zakład Ubezpieczeń Społecznych', 12, bold);
  put(letter.sender, 10);
  y -= 10;
  put(`Data: ${letter.date}`, 10);
  put(`Znak sprawy: ${letter.reference}`, 10);
  y -= 16;
  put(letter.title, 14, bold);
  y -= 6;
  for (const para of letter.body.split(/\n\s*\n/)) {
    put(para, 11);
    y -= 8;
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
