import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BranchClient } from './branch-client';
import { createFileService } from './file-service';
import type { HealthReporter } from './health-reporter';
import { createKioskServices } from './kiosk-services';
import type { PrinterService } from './printer-service';

const root = mkdtempSync(join(tmpdir(), 'skr-kiosk-session-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Only the file service is real here; the other devices are inert stand-ins the session-end
// path never touches (their own behaviour has its own tests and the e2e suite).
function services(usb: string, scanner: string) {
  const printer = {
    onChange: () => () => undefined,
    status: () => 'ok',
    ok: () => true,
    close: async () => undefined,
  } as unknown as PrinterService;
  return createKioskServices({
    config: {
      branchName: 'ZUS Test',
      publicOrigin: 'http://127.0.0.1',
      idleSeconds: 60,
      pinpad: false,
    },
    branch: {} as BranchClient,
    printer,
    files: createFileService({ usb, scanner }),
    health: { close: () => undefined } as unknown as HealthReporter,
  } as Parameters<typeof createKioskServices>[0]);
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 200 && !cond(); i += 1) await new Promise((r) => setTimeout(r, 5));
};

describe('kiosk session end', () => {
  it("empties the scanner folder at start and when a client's session ends, never the USB stick", async () => {
    // A folder per attempt: CI's retry would otherwise meet the first attempt's folders (EEXIST).
    const attempt = mkdtempSync(join(root, 'attempt-'));
    const usb = join(attempt, 'usb');
    const scan = join(attempt, 'scan');
    mkdirSync(usb);
    mkdirSync(scan);
    writeFileSync(join(usb, 'wniosek.pdf'), '%PDF /Type /Page');
    writeFileSync(join(scan, 'skan-poprzedniego-klienta.pdf'), '%PDF /Type /Page');
    const s = services(usb, scan);
    // Left behind before a restart: gone once the services are up.
    await until(() => readdirSync(scan).length === 0);
    expect(readdirSync(scan)).toEqual([]);
    writeFileSync(join(scan, 'skan-klienta.pdf'), '%PDF /Type /Page');
    expect((await s.handlers.listFiles({})).files.map((f) => f.name)).toContain('skan-klienta.pdf');
    await s.handlers.cardEnd({});
    expect(readdirSync(scan)).toEqual([]);
    expect((await s.handlers.listFiles({})).files.map((f) => f.name)).toEqual(['wniosek.pdf']);
    expect(existsSync(join(usb, 'wniosek.pdf'))).toBe(true);
    await s.close();
  });
});
