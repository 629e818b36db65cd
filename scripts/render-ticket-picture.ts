// Renders docs/printed-ticket.png and .txt: a queue ticket encoded by printer-drivers, sent by
// the real driver over TCP to the ESC/POS printer emulator, and drawn from what the emulator
// decoded (text, bold, sizes, alignment, QR). Run: npx tsx scripts/render-ticket-picture.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  renderTicketPng,
  startPrinterEmulator,
  ticketToText,
} from '@skr/hardware-mocks/printer/index';
import {
  createPrinter,
  encodeQueueTicket,
  printerModels,
  tcpTransport,
} from '@skr/printer-drivers';

const DOCS = join(import.meta.dirname, '..', 'docs');
const model = printerModels['epson-tm-t88'];
const emulator = await startPrinterEmulator({ tcpPort: 0, columns: model.columns });
const printer = createPrinter({
  transport: tcpTransport({ host: '127.0.0.1', port: emulator.tcpPort! }),
  model,
});
try {
  const next = emulator.nextTicket(5000);
  await printer.print(
    encodeQueueTicket(
      {
        branchName: 'ZUS Oddział w Łodzi — Sala Obsługi Klientów',
        number: 'A042',
        serviceName: 'Emerytury i renty',
        issuedAt: '2026-11-30T08:15:00Z',
        timeZone: 'Europe/Warsaw',
        peopleAhead: 7,
        estimatedWaitMinutes: 18,
        followUrl: 'https://skr.example/t/7f3a9c',
        lang: 'pl',
      },
      model,
    ),
  );
  const ticket = await next;
  writeFileSync(join(DOCS, 'printed-ticket.png'), await renderTicketPng(ticket, model));
  writeFileSync(join(DOCS, 'printed-ticket.txt'), ticketToText(ticket));
  console.log(ticketToText(ticket));
} finally {
  await printer.close();
  await emulator.close();
}
