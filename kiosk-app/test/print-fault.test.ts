import { describe, expect, it } from 'vitest';
import { printerModels, type Printer } from '@skr/printer-drivers';
import type { CheckInTicketDoc } from '@skr/protocol';
import { createPrinterService } from '../src/devices/printer-service';
import type { HealthReporter } from '../src/devices/health-reporter';

// A printer stand-in that records what reaches it: the point is what the service does
// before any byte is sent, so a transport would add nothing here.
function recordingPrinter(): Printer & { jobs: Uint8Array[] } {
  const jobs: Uint8Array[] = [];
  const ok = { online: true, paperOut: false, paperNearEnd: false, coverOpen: false };
  return {
    jobs,
    model: printerModels['epson-tm-t88'],
    lastStatus: ok,
    status: () => Promise.resolve(ok),
    print: (b) => {
      jobs.push(b);
      return Promise.resolve();
    },
    on: () => () => undefined,
    close: () => Promise.resolve(),
  };
}
const health: HealthReporter = {
  report: () => undefined,
  flush: () => Promise.resolve(),
  close: () => undefined,
};
const slip: CheckInTicketDoc = {
  branchName: 'ZUS Oddział w Łodzi — Centrum',
  number: 'R007',
  serviceName: 'Wizyta – emerytury',
  bookedFor: '2026-11-30T07:15:00Z',
  bookingCode: '—',
  lang: 'uk',
};

describe('printer service: text never crashes a print', () => {
  it('prints dashes and Ukrainian without escaping an exception', async () => {
    const printer = recordingPrinter();
    const service = createPrinterService(printer, health, 60_000);
    await expect(service.print({ kind: 'check-in', doc: slip })).resolves.toEqual({
      printed: true,
    });
    expect(printer.jobs).toHaveLength(1);
    await service.close();
  });

  it('turns a document the encoder refuses into a print fault, not a throw', async () => {
    const printer = recordingPrinter();
    const service = createPrinterService(printer, health, 60_000);
    const outcome = await service.print({
      kind: 'check-in',
      doc: { ...slip, bookedFor: 'tomorrow' },
    });
    expect(outcome).toEqual({ printed: false, error: 'INTERNAL' });
    expect(printer.jobs).toHaveLength(0);
    await service.close();
  });
});
