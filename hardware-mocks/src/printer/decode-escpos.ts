import { EscPosMachine } from './escpos-machine';
import { nextCommand } from './escpos-tokenizer';
import type { PrintedTicket } from './ticket';

/** Decodes ESC/POS bytes into the tickets they would print (text with code pages, QR, logos, cuts). */
export function decodeEscPos(bytes: Uint8Array): PrintedTicket[] {
  const tickets: PrintedTicket[] = [];
  const machine = new EscPosMachine((t) => tickets.push(t));
  let pos = 0;
  while (pos < bytes.length) {
    const token = nextCommand(bytes, pos);
    if (!token) break; // truncated command at the end: a printer would wait; we stop
    machine.apply(token.cmd, token.end - pos);
    pos = token.end;
  }
  machine.flushUncut();
  return tickets;
}
