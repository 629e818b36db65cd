import { decodeText } from './codepages';
import type { EscPosCommand } from './escpos-tokenizer';
import type { Alignment, PrintedTicket, TextSegment, TicketItem } from './ticket';
import { itemText } from './ticket';

// The printing side of the emulator: applies commands to a print head state and a piece
// of paper, and hands over a ticket at each cut. Pure apart from the callback.

const ALIGN: readonly Alignment[] = ['left', 'center', 'right'];

/** Print head and paper state; one per byte stream. */
export class EscPosMachine {
  private codepage = 0;
  private bold = false;
  private underline = false;
  private width = 1;
  private height = 1;
  private align: Alignment = 'left';
  private line: TextSegment[] = [];
  private lineAlign: Alignment | null = null;
  private items: TicketItem[] = [];
  private codepages: number[] = [];
  private qrData = '';
  private qrSize = 3;
  private bytes = 0;
  private raster = 0;

  constructor(private readonly onTicket: (t: PrintedTicket) => void) {}

  /** Applies one command that took `length` bytes on the wire. */
  apply(cmd: EscPosCommand, length: number): void {
    this.bytes += length;
    switch (cmd.kind) {
      case 'text': {
        this.lineAlign ??= this.align;
        const seg = {
          text: decodeText(cmd.bytes, this.codepage),
          bold: this.bold,
          underline: this.underline,
        };
        this.line.push({ ...seg, width: this.width, height: this.height });
        return;
      }
      case 'lf':
        return this.flushLine(true);
      case 'feed':
        this.flushLine(false);
        for (let i = 0; i < cmd.lines; i++) this.flushLine(true);
        return;
      case 'init':
        this.codepage = 0;
        this.bold = this.underline = false;
        this.width = this.height = 1;
        this.align = 'left';
        return;
      case 'codepage':
        this.codepage = cmd.n;
        if (!this.codepages.includes(cmd.n)) this.codepages.push(cmd.n);
        return;
      case 'bold':
        this.bold = cmd.on;
        return;
      case 'underline':
        this.underline = cmd.on;
        return;
      case 'printMode':
        this.bold = (cmd.n & 0x08) !== 0;
        this.height = cmd.n & 0x10 ? 2 : 1;
        this.width = cmd.n & 0x20 ? 2 : 1;
        this.underline = (cmd.n & 0x80) !== 0;
        return;
      case 'size':
        this.width = cmd.width;
        this.height = cmd.height;
        return;
      case 'align':
        this.align = ALIGN[cmd.n] ?? 'left';
        return;
      case 'qr':
        // fn 67 module size, 80 store data, 81 print the stored symbol
        if (cmd.fn === 0x43) this.qrSize = cmd.params[0] ?? 3;
        if (cmd.fn === 0x50) this.qrData = new TextDecoder().decode(cmd.params.slice(1));
        if (cmd.fn === 0x51)
          this.block({ kind: 'qr', align: this.align, data: this.qrData, moduleSize: this.qrSize });
        return;
      case 'logo':
        return this.block({ kind: 'logo', align: this.align, id: cmd.id });
      case 'raster':
        this.raster += cmd.bytes;
        return;
      case 'cut':
        return this.finish(cmd.partial ? 'partial' : 'full');
      default:
        return;
    }
  }

  /** Hands over what is on the paper without a cut (end of a decoded byte array). */
  flushUncut(): void {
    this.flushLine(false);
    if (this.items.length > 0 || this.bytes > 0) this.finish(null);
  }

  /** Drops the paper in progress (the emulator's paper ran out under it). */
  discard(): void {
    this.line = [];
    this.lineAlign = null;
    this.items = [];
    this.codepages = [];
    this.bytes = this.raster = 0;
  }

  private block(item: TicketItem): void {
    this.flushLine(false);
    this.items.push(item);
  }

  private flushLine(lf: boolean): void {
    if (this.line.length === 0 && !lf) return;
    this.items.push({ kind: 'text', align: this.lineAlign ?? this.align, segments: this.line });
    this.line = [];
    this.lineAlign = null;
  }

  private finish(cut: PrintedTicket['cut']): void {
    this.flushLine(false);
    const items = this.items;
    // The feed before the cut is margin, not content.
    while (
      items.length > 0 &&
      itemText(items[items.length - 1] as TicketItem).trim() === '' &&
      items.at(-1)?.kind === 'text'
    )
      items.pop();
    const ticket: PrintedTicket = {
      items,
      lines: items.filter((i) => i.kind === 'text').map((i) => itemText(i).trim()),
      qr: items.flatMap((i) => (i.kind === 'qr' ? [i.data] : [])),
      logos: items.flatMap((i) => (i.kind === 'logo' ? [i.id] : [])),
      cut,
      codepages: this.codepages,
      byteLength: this.bytes,
      rasterBytes: this.raster,
    };
    this.discard();
    // A cut right after a cut (or an empty stream) is not a ticket.
    if (items.length > 0 || ticket.rasterBytes > 0) this.onTicket(ticket);
  }
}
