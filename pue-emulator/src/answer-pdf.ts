// The PDF body of an answer, drawn with pdf-lib from the stored letter. The standard fonts
// carry only WinAnsi, which lacks most Polish letters (ą ę ł ś ź ż ć ń); the stand-in ships no
// font file, so the letter is written without diacritics (a real portal sends its own PDF).
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** The parts of a stored answer the letter shows. */
export interface LetterFields {
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
  doc.setTitle(winAnsi(letter.title));
  doc.setAuthor(winAnsi(letter.sender));
  doc.setSubject(letter.reference);
  doc.setKeywords([`answer:${letter.id}`]);
  doc.setProducer('pue-emulator');
  doc.setCreator('pue-emulator');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([595, 842]);
  const left = 60;
  const width = 595 - 2 * left;
  let y = 780;
  const put = (text: string, size: number, f = font) => {
    for (const l of wrap(winAnsi(text), width, (s) => f.widthOfTextAtSize(s, size))) {
      page.drawText(l, { x: left, y, size, font: f });
      y -= size * 1.4;
    }
  };
  put('Zaklad Ubezpieczen Spolecznych', 12, bold);
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
