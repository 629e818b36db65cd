import os from 'node:os';
import path from 'node:path';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPrinterEmulator, type PrinterEmulator } from '@skr/hardware-mocks/printer/index';
import { isSkrError } from '@skr/protocol/errors';
import type { PrinterStatus, QueueTicketDoc } from '@skr/protocol/printer';
import {
  createPrinter,
  deviceFileTransport,
  encodeQueueTicket,
  printerModels,
  serialTransport,
  tcpTransport,
  type Printer,
  type PrinterTransport,
} from '../src/index';
import { queue } from './documents';

// One contract for the driver, run over every transport against the emulator, and against
// a real printer when SKR_PRINTER_TCP=host:port or SKR_PRINTER_SERIAL=/dev/ttyX is set
// (fault cases need someone to pull the paper, so they run on the emulator only).

const model = printerModels['epson-tm-t88'];
const doc: QueueTicketDoc = {
  ...queue,
  number: 'B042',
  serviceName: 'Świadczenia chorobowe',
  peopleAhead: 3,
  followUrl: 'https://skr.local/q/b042',
};
const ticket = encodeQueueTicket(doc, model);

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  const err = await p.then(
    () => new Error('resolved'),
    (e: unknown) => e,
  );
  expect(isSkrError(err) ? err.code : err).toBe(code);
}

interface Target {
  name: string;
  transport: (emu: PrinterEmulator | null) => PrinterTransport;
  emulated: boolean;
  ptyPath?: true;
}

const targets: Target[] = [
  {
    name: 'emulator over TCP',
    emulated: true,
    transport: (e) => tcpTransport({ host: '127.0.0.1', port: e?.tcpPort ?? 0 }),
  },
  {
    name: 'emulator over a socat pty (serial)',
    emulated: true,
    ptyPath: true,
    transport: (e) => serialTransport({ path: e?.ptyPath ?? '', baudRate: 38400 }),
  },
  {
    name: 'emulator over a socat pty (device file)',
    emulated: true,
    ptyPath: true,
    transport: (e) => deviceFileTransport({ path: e?.ptyPath ?? '' }),
  },
];
const realTcp = process.env.SKR_PRINTER_TCP;
const realSerial = process.env.SKR_PRINTER_SERIAL;
if (realTcp) {
  const [host = '', port = '9100'] = realTcp.split(':');
  targets.push({
    name: `real printer at ${realTcp}`,
    emulated: false,
    transport: () => tcpTransport({ host, port: Number(port) }),
  });
}
if (realSerial)
  targets.push({
    name: `real printer on ${realSerial}`,
    emulated: false,
    transport: () => serialTransport({ path: realSerial }),
  });
describe.skipIf(Boolean(realTcp || realSerial))('real printer', () => {
  it.todo(
    'set SKR_PRINTER_TCP=host:port or SKR_PRINTER_SERIAL=/dev/ttyX to run the contract on hardware',
  );
});

for (const target of targets) {
  describe(`printer contract: ${target.name}`, () => {
    let emu: PrinterEmulator | null = null;
    let printer: Printer;

    beforeAll(async () => {
      if (target.emulated)
        emu = await startPrinterEmulator({
          tcpPort: target.ptyPath ? null : 0,
          ptyPath: target.ptyPath,
        });
    });
    afterAll(async () => {
      await emu?.close();
    });
    const open = (statusTimeoutMs = 400, jobTimeoutMs = 1500): Printer =>
      (printer = createPrinter({
        transport: target.transport(emu),
        model,
        statusTimeoutMs,
        jobTimeoutMs,
      }));
    afterEach(async () => {
      await printer?.close();
      emu?.clearFaults();
    });

    it('reads a healthy status', async () => {
      const s = await open().status();
      expect(s).toMatchObject({ online: true, paperOut: false, coverOpen: false });
    });

    it('prints a queue ticket that reads back as sent', async () => {
      const p = open();
      const next = emu?.nextTicket(3000);
      await p.print(ticket);
      if (!emu) return; // on hardware, a person checks the paper
      const t = await next;
      expect(t?.lines).toEqual(
        expect.arrayContaining([
          'ZUS Oddział w Łodzi',
          'Świadczenia chorobowe',
          'B042',
          'Osób przed Tobą: 3',
        ]),
      );
      expect(t?.qr).toEqual([doc.followUrl]);
      expect(t?.cut).toBe('partial');
    });

    it.runIf(target.emulated)('refuses to print with paper out, and prints nothing', async () => {
      const before = emu?.printed.length;
      emu?.setFault({ paperOut: true });
      const p = open();
      await expectCode(p.print(ticket), 'PAPER_OUT');
      expect(p.lastStatus).toMatchObject({ online: false, paperOut: true });
      expect(emu?.printed.length).toBe(before);
    });

    it.runIf(target.emulated)('refuses to print with the cover open', async () => {
      emu?.setFault({ coverOpen: true });
      await expectCode(open().print(ticket), 'COVER_OPEN');
    });

    it.runIf(target.emulated)('prints on paper near end and reports it', async () => {
      emu?.setFault({ paperNearEnd: true });
      const p = open();
      await p.print(ticket);
      expect(p.lastStatus).toMatchObject({ online: true, paperNearEnd: true });
    });

    it.runIf(target.emulated)(
      'paper running out mid-print rejects PAPER_OUT and loses the ticket',
      async () => {
        const before = emu?.printed.length ?? 0;
        const spoiledBefore = emu?.spoiled ?? 0;
        emu?.setFault({ paperOutAfterBytes: 100 });
        await expectCode(open().print(ticket), 'PAPER_OUT');
        expect(emu?.printed.length).toBe(before);
        expect(emu?.spoiled).toBe(spoiledBefore + 1);
      },
    );

    it.runIf(target.emulated)('a silent printer gives TIMEOUT and an offline status', async () => {
      emu?.setFault({ silent: true });
      const p = open(200);
      const seen: PrinterStatus[] = [];
      p.on('status', (s) => seen.push(s));
      const started = Date.now();
      await expectCode(p.status(), 'TIMEOUT');
      expect(Date.now() - started).toBeLessThan(1500);
      await expectCode(p.print(ticket), 'TIMEOUT');
      expect(seen.at(-1)).toMatchObject({ online: false });
    });

    it.runIf(target.emulated)(
      'a slow printer within the timeout is fine, beyond it times out',
      async () => {
        emu?.setFault({ slowMs: 100 });
        const p = open(400);
        await expect(p.status()).resolves.toMatchObject({ online: true });
        emu?.setFault({ slowMs: 600 });
        await expectCode(p.status(), 'TIMEOUT');
        await new Promise((r) => setTimeout(r, 700)); // let the late answers drain
      },
    );

    it.runIf(target.emulated)(
      'reports a printer that comes back (silent, then paper out, then fixed)',
      async () => {
        const p = open(150);
        const recovered = new Promise<PrinterStatus>((resolve) => p.on('recovered', resolve));
        await p.status();
        emu?.setFault({ silent: true });
        // The caller polls, as the kiosk's printer service does (the driver has no timer of its own).
        let polling = true;
        const polled = (async () => {
          while (polling) {
            await p.status().catch(() => undefined); // failures show in lastStatus
            await new Promise((r) => setTimeout(r, 100));
          }
        })();
        await expect.poll(() => p.lastStatus?.online, { timeout: 3000 }).toBe(false);
        emu?.setFault({ silent: false, paperOut: true });
        await expect.poll(() => p.lastStatus?.paperOut, { timeout: 3000 }).toBe(true);
        emu?.clearFaults();
        await expect(recovered).resolves.toMatchObject({ online: true, paperOut: false });
        polling = false;
        await polled;
        await p.print(ticket);
      },
    );

    it.runIf(target.emulated && !target.ptyPath)(
      'reconnects after the printer drops the TCP connection',
      async () => {
        const p = open();
        await p.status();
        emu?.dropConnections();
        await new Promise((r) => setTimeout(r, 50));
        await expect(p.status()).resolves.toMatchObject({ online: true });
      },
    );

    it.runIf(target.emulated)(
      'close() rejects the running and queued calls with DISCONNECTED',
      async () => {
        emu?.setFault({ silent: true });
        const p = open(5000);
        const running = p.status();
        const queued = p.print(ticket);
        await new Promise((r) => setTimeout(r, 100));
        await p.close();
        await expectCode(running, 'DISCONNECTED');
        await expectCode(queued, 'DISCONNECTED');
        await expectCode(p.status(), 'DISCONNECTED');
      },
    );
  });
}

describe('emulator pictures', () => {
  it('saves each printed ticket as text and PNG', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'skr-tickets-'));
    const emu = await startPrinterEmulator({ tcpPort: 0 });
    const p = createPrinter({
      transport: tcpTransport({ host: '127.0.0.1', port: emu.tcpPort ?? 0 }),
      model,
    });
    try {
      await emu.saveTo(dir);
      await p.print(ticket);
      await expect
        .poll(async () => (await readdir(dir)).sort(), { timeout: 3000 })
        .toEqual(['0001.png', '0001.txt']);
      expect(await readFile(path.join(dir, '0001.txt'), 'utf8')).toContain(
        '[QR: https://skr.local/q/b042]',
      );
      const png = await readFile(path.join(dir, '0001.png'));
      expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    } finally {
      await p.close();
      await emu.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
