import { join } from 'node:path';
import { startLedBoardEmulator, type LedBoardEmulator } from './led-board/index';
import { loadOrCreateTestCa, startVirtualIdCard, type VirtualIdCard } from './id-card/index';
import { startPrinterEmulator, type PrinterEmulator } from './printer/index';

/** What `startAllEmulators` brings up. */
export interface AllEmulatorsOptions {
  /** Where printed tickets (text + PNG) and the test CA are kept. */
  dataDir: string;
  /** Printer TCP port (9100 by default; 0 = any free port). */
  printerPort?: number;
  /** LED board addresses on the emulated RS-485 bus (counter boards + hall board). */
  ledAddresses: number[];
  /** Also insert a virtual ID card into vpcd (needs a running pcscd with vpcd). */
  idCard?: { pin: string; holder: { pesel: string; givenName: string; surname: string } };
}

/** The running emulators of one branch. */
export interface AllEmulators {
  printer: PrinterEmulator;
  led: LedBoardEmulator;
  card: VirtualIdCard | null;
  caCertPem: string;
  /** One line per emulator: where it listens. */
  describe(): string[];
  close(): Promise<void>;
}

/** Starts the printer (TCP + pty), the LED bus (pty) and, if asked, the virtual ID card. */
export async function startAllEmulators(opts: AllEmulatorsOptions): Promise<AllEmulators> {
  const printer = await startPrinterEmulator({ tcpPort: opts.printerPort ?? 9100, ptyPath: true });
  await printer.saveTo(join(opts.dataDir, 'printed'));
  const led = await startLedBoardEmulator({ addresses: opts.ledAddresses });
  const ca = await loadOrCreateTestCa(join(opts.dataDir, 'test-ca'));
  let card: VirtualIdCard | null = null;
  let cardNote = 'virtual ID card: off';
  if (opts.idCard) {
    try {
      card = await startVirtualIdCard({ ...opts.idCard, ca });
      await card.insert();
      cardNote = `virtual ID card: in reader "Virtual PCD 00 00" (PIN ${opts.idCard.pin})`;
    } catch (e) {
      card = null;
      cardNote = `virtual ID card: not inserted (${e instanceof Error ? e.message : e}); is pcscd with vpcd running?`;
    }
  }
  return {
    printer,
    led,
    card,
    caCertPem: ca.caCertPem,
    describe: () => [
      `printer emulator: tcp 127.0.0.1:${printer.tcpPort}, serial ${printer.ptyPath}, tickets saved in ${join(opts.dataDir, 'printed')}`,
      `LED boards emulator: serial ${led.devicePath} (addresses ${opts.ledAddresses.join(', ')})`,
      cardNote,
    ],
    async close() {
      await card?.close();
      await led.close();
      await printer.close();
    },
  };
}
