import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { acquireVirtualPcscd, VIRTUAL_READERS, type VirtualPcscd } from '@skr/card-reader';
import {
  loadOrCreateTestCa,
  startVirtualIdCard,
  type VirtualIdCard,
} from '@skr/hardware-mocks/id-card/index';
import { startPrinterEmulator, type PrinterEmulator } from '@skr/hardware-mocks/printer/index';
import { DEMO_LOGINS, startPueEmulator, type PueEmulator } from '@skr/pue-emulator';
import { launchBrowser } from '../../branch-server/test/browser';
import { startTestBranch, type TestBranch } from '../../branch-server/test/harness';
import type { ServerOptions } from '../../branch-server/src/http/server';
import { startKioskHost, type KioskHost } from '../src/host/host-server';
import {
  startKioskRuntime,
  type KioskRuntime,
  type KioskRuntimeConfig,
} from '../src/host/kiosk-runtime';

/** The PIN of the virtual ID card in every test. */
export const CARD_PIN = '4321';
const BRANCH_ID = 'o-101';
const BRANCH_KEY = 'kiosk-test-branch-key';

/** Options of {@link startKioskRig}. */
export interface KioskRigOptions {
  /** Start the portal stand-in and connect the branch to it. */
  pue?: boolean;
  /** Start pcscd + the virtual ID card (Anna Kowalska's), not inserted yet. */
  card?: boolean;
  idleSeconds?: number;
  ticketIdleSeconds?: number;
  /** Viewport of the kiosk page; default 1280×1024. */
  viewport?: { width: number; height: number };
  /** More options of the branch server (notifications, a fixed clock). */
  branchOptions?: Partial<ServerOptions>;
  /** The branch's street address the kiosk prints on booking slips. */
  branchAddress?: string;
  /** The kiosk's own opening hours (default 06:00–22:00 every day). */
  kioskHours?: KioskRuntimeConfig['kioskHours'];
}

/**
 * Everything a kiosk test needs, real and on loopback: branch server (temp SQLite, demo seed),
 * printer emulator over TCP, optionally the portal stand-in and pcscd + virtual ID card, the
 * kiosk host with its device services, and headless Chromium on the kiosk page.
 */
export async function startKioskRig(opts: KioskRigOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'skr-kiosk-'));
  const usbDir = join(dir, 'usb');
  const scanDir = join(dir, 'scan');
  mkdirSync(usbDir);
  mkdirSync(scanDir);
  const cleanups: (() => Promise<void> | void)[] = [];
  try {
    let pue: PueEmulator | null = null;
    let pcscd: VirtualPcscd | null = null;
    let card: VirtualIdCard | null = null;
    const ca = opts.card || opts.pue ? await loadOrCreateTestCa(join(dir, 'ca')) : null;
    if (opts.pue && ca) {
      pue = await startPueEmulator({
        port: 0,
        host: '127.0.0.1',
        dbPath: join(dir, 'pue.sqlite'),
        caCertsPem: [ca.caCertPem],
        branchKeys: { [BRANCH_ID]: BRANCH_KEY },
        seed: 'demo',
        log: { level: 'silent' },
      });
      const p = pue;
      cleanups.push(() => p.close());
    }
    const branchDir = join(dir, 'branch');
    mkdirSync(branchDir);
    const sync = pue
      ? { url: pue.url, branchId: BRANCH_ID, branchKey: BRANCH_KEY, pullIntervalMs: 60_000 }
      : undefined;
    let branch: TestBranch = await startTestBranch({
      dir: branchDir,
      ...opts.branchOptions,
      ...(sync ? { sync } : {}),
    });
    cleanups.push(() => branch.close(true));
    const deviceToken = await branch.device('kiosk', 'Biletomat 1');
    const printer: PrinterEmulator = await startPrinterEmulator({ tcpPort: 0 });
    cleanups.push(() => printer.close());
    if (opts.card && ca) {
      pcscd = await acquireVirtualPcscd();
      const p = pcscd;
      cleanups.push(() => p.release());
      const anna = DEMO_LOGINS[0]!;
      card = await startVirtualIdCard({
        port: VIRTUAL_READERS[0].port,
        pin: CARD_PIN,
        holder: { pesel: anna.pesel, givenName: 'Anna', surname: 'Kowalska' },
        ca,
      });
      const c = card;
      cleanups.push(() => c.close());
    }
    const runtime: KioskRuntime = await startKioskRuntime({
      branchUrl: branch.url,
      deviceToken,
      branchName: 'ZUS Oddział Warszawa-Wola',
      ...(opts.branchAddress ? { branchAddress: opts.branchAddress } : {}),
      printer: `tcp:127.0.0.1:${printer.tcpPort}`,
      printerWatchMs: 200,
      cardReader: opts.card ? VIRTUAL_READERS[0].name : undefined,
      usbDir,
      scanDir,
      idleSeconds: opts.idleSeconds ?? 60,
      ...(opts.ticketIdleSeconds ? { ticketIdleSeconds: opts.ticketIdleSeconds } : {}),
      uppWaitMs: 1500,
      // Round the clock unless a test says otherwise: a run at night must not find it shut.
      kioskHours: opts.kioskHours ?? { days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '00:00' },
    });
    cleanups.push(() => runtime.close());
    const host: KioskHost = await startKioskHost({
      services: runtime.services,
      branch: runtime.branch,
    });
    cleanups.push(() => host.close());
    const browser: Browser = await launchBrowser();
    cleanups.push(() => browser.close());
    const page: Page = await browser.newPage({
      viewport: opts.viewport ?? { width: 1280, height: 1024 },
    });
    await page.goto(`${host.url}/kiosk/`);
    return {
      dir,
      usbDir,
      scanDir,
      get branch() {
        return branch;
      },
      printer,
      pue,
      card,
      runtime,
      host,
      browser,
      page,
      deviceToken,
      /** Puts a file on the "USB stick". */
      addUsbFile(name: string, content: Buffer | string) {
        writeFileSync(join(usbDir, name), content);
      },
      /** Stops the branch server and starts it again on the same port and database. */
      async restartBranch(downMs = 0) {
        const port = Number(new URL(branch.url).port);
        await branch.close(true);
        await new Promise((r) => setTimeout(r, downMs));
        const { buildServer } = await import('../../branch-server/src/http/server');
        const server = await buildServer({
          dbPath: join(branchDir, 'branch.sqlite'),
          ...(sync ? { sync } : {}),
        });
        await server.listen(port, '127.0.0.1');
        branch = { ...branch, server, close: async () => server.close() } as TestBranch;
      },
      async close() {
        for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
/** A running kiosk rig. */
export type KioskRig = Awaited<ReturnType<typeof startKioskRig>>;

/**
 * One kiosk rig for the whole file: started in `beforeAll` (then `setup` runs on it), closed in
 * `afterAll`. The returned object forwards to it, so tests read `rig.page` as if they held it.
 */
export function sharedKioskRig(
  opts: KioskRigOptions = {},
  setup?: (rig: KioskRig) => void | Promise<void>,
): KioskRig {
  let started: KioskRig | undefined;
  beforeAll(async () => {
    started = await startKioskRig(opts);
    await setup?.(started);
  }, 90_000);
  afterAll(async () => {
    await started?.close();
  });
  // A proxy because the rig exists only once beforeAll has run, after the file is loaded.
  return new Proxy({} as KioskRig, {
    get(_target, key) {
      if (!started) throw new Error('the shared kiosk rig starts in beforeAll');
      return Reflect.get(started, key);
    },
  });
}

/** A minimal valid two-page PDF (enough for the page count and the portal's intake). */
export function tinyPdf(pages = 2): Buffer {
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i} 0 R`).join(' ');
  const objs = [
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    `2 0 obj << /Type /Pages /Kids [${kids}] /Count ${pages} >> endobj`,
    ...Array.from(
      { length: pages },
      (_, i) => `${3 + i} 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj`,
    ),
  ];
  return Buffer.from(`%PDF-1.4\n${objs.join('\n')}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
}
