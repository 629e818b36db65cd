import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { CELL_HEIGHT, CELL_WIDTH, glyphCell } from './bitmap-font';
import type { PrintedTicket, TicketItem } from './ticket';

// Draws a printed ticket the way the paper would look, for people checking layouts.
// One character column is 8 px; QR modules are drawn at half the printer's dot size.

/** Options of renderTicketPng. */
interface TicketPngOptions {
  columns: number;
}

const MARGIN = 12;

/** Renders a ticket as a PNG (black on white). */
export async function renderTicketPng(t: PrintedTicket, opts: TicketPngOptions): Promise<Buffer> {
  const width = opts.columns * CELL_WIDTH + 2 * MARGIN;
  const blocks = await Promise.all(
    t.items.map((item) => itemBitmap(item, opts.columns * CELL_WIDTH)),
  );
  const height = blocks.reduce((h, b) => h + b.length, 0) + 2 * MARGIN + 24;
  const png = new PNG({ width, height });
  png.data.fill(0xff);
  let y = MARGIN;
  for (const rows of blocks) {
    rows.forEach((row, dy) =>
      row.forEach((on, x) => {
        if (!on) return;
        const i = ((y + dy) * width + MARGIN + x) * 4;
        png.data[i] = png.data[i + 1] = png.data[i + 2] = 0;
      }),
    );
    y += rows.length;
  }
  if (t.cut) {
    // a dashed line where the cutter went through
    for (let x = 0; x < width; x += 1)
      if (x % 8 < 4)
        png.data.fill(0x80, ((height - 12) * width + x) * 4, ((height - 12) * width + x) * 4 + 3);
  }
  return PNG.sync.write(png);
}

function blank(w: number, h: number): boolean[][] {
  return Array.from({ length: h }, () => Array<boolean>(w).fill(false));
}

function placeAt(align: TicketItem['align'], inner: number, outer: number): number {
  if (align === 'center') return Math.max(0, Math.floor((outer - inner) / 2));
  if (align === 'right') return Math.max(0, outer - inner);
  return 0;
}

async function itemBitmap(item: TicketItem, width: number): Promise<boolean[][]> {
  if (item.kind === 'qr') {
    const qr = QRCode.create(item.data, { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    const px = Math.max(2, Math.floor(item.moduleSize / 2));
    const rows = blank(width, n * px + 8);
    const left = placeAt(item.align, n * px, width);
    for (let my = 0; my < n; my++)
      for (let mx = 0; mx < n; mx++)
        if (qr.modules.get(my, mx))
          for (let dy = 0; dy < px; dy++)
            for (let dx = 0; dx < px; dx++) rows[4 + my * px + dy]![left + mx * px + dx] = true;
    return rows;
  }
  if (item.kind === 'logo') {
    // The logo lives in the printer's memory; we draw where it goes, labelled.
    const rows = blank(width, 40);
    const left = placeAt(item.align, 160, width);
    for (let x = 0; x < 160; x++) rows[2]![left + x] = rows[37]![left + x] = true;
    for (let y = 2; y < 38; y++) rows[y]![left] = rows[y]![left + 159] = true;
    drawText(rows, `LOGO ${item.id}`, left + 8, 12, 1, 1, false);
    return rows;
  }
  const height = Math.max(1, ...item.segments.map((s) => s.height)) * CELL_HEIGHT;
  const rows = blank(width, height);
  const textWidth = item.segments.reduce(
    (w, s) => w + [...s.text].length * CELL_WIDTH * s.width,
    0,
  );
  let x = placeAt(item.align, textWidth, width);
  for (const s of item.segments)
    x = drawText(rows, s.text, x, height - s.height * CELL_HEIGHT, s.width, s.height, s.bold);
  return rows;
}

function drawText(
  rows: boolean[][],
  text: string,
  x0: number,
  y0: number,
  sw: number,
  sh: number,
  bold: boolean,
): number {
  let x = x0;
  for (const ch of text) {
    glyphCell(ch).forEach((row, gy) =>
      row.forEach((on, gx) => {
        if (!on) return;
        for (let dy = 0; dy < sh; dy++)
          for (let dx = 0; dx < sw * (bold ? 2 : 1); dx++) {
            const r = rows[y0 + gy * sh + dy];
            const px = x + gx * sw + dx;
            if (r && px < r.length) r[px] = true;
          }
      }),
    );
    x += CELL_WIDTH * sw;
  }
  return x;
}
