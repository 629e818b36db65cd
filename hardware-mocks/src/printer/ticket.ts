// What the emulator saw printed, in a shape tests and people can read.

/** A run of text printed with one style. */
export interface TextSegment {
  text: string;
  bold: boolean;
  underline: boolean;
  /** Character width and height multipliers (GS !, ESC !). */
  width: number;
  height: number;
}

/** Alignment set by ESC a when the item was printed. */
export type Alignment = 'left' | 'center' | 'right';

/** One printed element, top to bottom. */
export type TicketItem =
  | { kind: 'text'; align: Alignment; segments: TextSegment[] }
  | { kind: 'qr'; align: Alignment; data: string; moduleSize: number }
  | { kind: 'logo'; align: Alignment; id: string };

/** One piece of paper: everything printed up to a cut (or to the end of the bytes). */
export interface PrintedTicket {
  items: TicketItem[];
  /** Text lines, trimmed; blank lines kept as ''. */
  lines: string[];
  /** Contents of every printed QR code. */
  qr: string[];
  /** Stored logos printed ("gs-l:LG", "fs-p:1"). */
  logos: string[];
  /** How the ticket was cut; null when the bytes ended without a cut. */
  cut: 'partial' | 'full' | null;
  /** ESC t numbers selected while printing it. */
  codepages: number[];
  /** Bytes received for this ticket (real-time status queries excluded). */
  byteLength: number;
  /** Raster image bytes received (our layouts send none). */
  rasterBytes: number;
}

/** Text of a ticket item ('' for QR and logos). */
export function itemText(item: TicketItem): string {
  return item.kind === 'text' ? item.segments.map((s) => s.text).join('') : '';
}

/** A plain-text rendering for people: text lines, [QR: ...], [LOGO ...], and the cut. */
export function ticketToText(t: PrintedTicket): string {
  const out = t.items.map((i) =>
    i.kind === 'qr' ? `[QR: ${i.data}]` : i.kind === 'logo' ? `[LOGO ${i.id}]` : itemText(i),
  );
  out.push(t.cut ? `--- ${t.cut} cut ---` : '--- (no cut) ---');
  return out.join('\n') + '\n';
}
