import {
  createPcscReaderService,
  openIdCardSession,
  type PcscReaderService,
} from '@skr/card-reader';
import {
  createPrinter,
  printerModels,
  serialTransport,
  tcpTransport,
  type PrinterModelId,
  type PrinterTransport,
} from '@skr/printer-drivers';
import type { KioskConfig } from '@skr/protocol';
import type { OpeningHours } from '@skr/protocol/manager';
import { createBranchClient, type BranchClient } from '../devices/branch-client';
import { createCardService, type CardService } from '../devices/card-service';
import { createFileService } from '../devices/file-service';
import { createHealthReporter } from '../devices/health-reporter';
import { createKioskServices, type KioskServices } from '../devices/kiosk-services';
import { createPrinterService } from '../devices/printer-service';
import {
  createSigningService,
  pcscSignatureCard,
  type SigningService,
} from '../devices/signing-service';

/** Everything that makes one kiosk: where its branch and devices are. */
export interface KioskRuntimeConfig {
  branchUrl: string;
  /** The device token, or a function asked before every call (renewed: kiosk-credential.ts). */
  deviceToken: string | (() => string);
  /** The fetch for branch calls: `pinnedFetch(branch CA)` over HTTPS (issue 13). */
  fetch?: typeof fetch;
  branchName: string;
  /** The branch's street address for booking slips (SKR_BRANCH_ADDRESS). */
  branchAddress?: string;
  /** Origin phones use for the follow-the-line page; defaults to branchUrl. */
  publicOrigin?: string;
  idleSeconds?: number;
  /** Seconds of no touch before the ticket side starts fresh; default 45. */
  ticketIdleSeconds?: number;
  /** `tcp:127.0.0.1:9100` or `serial:/dev/ttyUSB0`. */
  printer: string;
  printerModel?: PrinterModelId;
  printerWatchMs?: number;
  /** PC/SC reader name; absent = no card reader. */
  cardReader?: string;
  usbDir?: string;
  scanDir?: string;
  uppWaitMs?: number;
  /** The kiosk's own hours (building access); default 06:00–22:00 every day. */
  kioskHours?: OpeningHours;
}

/** The kiosk's hours when its configuration names none: the building's usual access. */
export const DEFAULT_KIOSK_HOURS: OpeningHours = {
  days: [1, 2, 3, 4, 5, 6, 7],
  from: '06:00',
  to: '22:00',
};

/** SKR_KIOSK_HOURS "06:00-22:00" (every day) or "1-5 07:00-20:00" (Monday to Friday). */
export function parseKioskHours(spec: string): OpeningHours {
  const m = /^(?:([1-7])-([1-7])\s+)?([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(
    spec.trim(),
  );
  if (!m) throw new Error(`SKR_KIOSK_HOURS must look like 06:00-22:00 or 1-5 07:00-20:00`);
  const first = Number(m[1] ?? 1);
  const last = Number(m[2] ?? 7);
  const days = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return { days, from: `${m[3]}:${m[4]}`, to: `${m[5]}:${m[6]}` };
}

/** The running device side of a kiosk. */
export interface KioskRuntime {
  services: KioskServices;
  branch: BranchClient;
  close(): Promise<void>;
}

/** Builds the printer transport named by `spec`. */
function printerTransport(spec: string): PrinterTransport {
  const [kind, ...rest] = spec.split(':');
  if (kind === 'tcp') {
    const port = Number(rest.pop());
    return tcpTransport({ host: rest.join(':') || '127.0.0.1', port });
  }
  if (kind === 'serial') return serialTransport({ path: rest.join(':') });
  throw new Error(`printer must be tcp:<host>:<port> or serial:<path>, got ${spec}`);
}

async function detectPinpad(pcsc: PcscReaderService, reader: string): Promise<boolean> {
  // Asked once per card at start-up if a card is in; otherwise assume the screen keypad.
  if (!pcsc.cardPresent(reader)) return false;
  const s = await openIdCardSession(pcsc, reader).catch(() => null);
  if (!s) return false;
  try {
    return await s.hasPinpad();
  } catch {
    return false;
  } finally {
    await s.close().catch(() => undefined);
  }
}

/** Opens the devices and composes the kiosk services (used by Electron main and the host). */
export async function startKioskRuntime(cfg: KioskRuntimeConfig): Promise<KioskRuntime> {
  const branch = createBranchClient({
    origin: cfg.branchUrl,
    token: cfg.deviceToken,
    ...(cfg.fetch ? { fetch: cfg.fetch } : {}),
  });
  const health = createHealthReporter(branch);
  const model = printerModels[cfg.printerModel ?? 'epson-tm-t88'];
  const printerDriver = createPrinter({ transport: printerTransport(cfg.printer), model });
  const printer = createPrinterService(printerDriver, health, cfg.printerWatchMs ?? 1000);
  let pcsc: PcscReaderService | null = null;
  let card: CardService | undefined;
  let signing: SigningService | undefined;
  if (cfg.cardReader) {
    pcsc = createPcscReaderService();
    await pcsc.waitForReader(cfg.cardReader, 3000).catch(() => undefined);
    const pinpad = await detectPinpad(pcsc, cfg.cardReader);
    card = createCardService({ pcsc, reader: cfg.cardReader, branch, health, pinpad });
    signing = createSigningService({ openCard: pcscSignatureCard(pcsc, cfg.cardReader) });
  }
  const config: KioskConfig = {
    branchName: cfg.branchName,
    publicOrigin: cfg.publicOrigin ?? cfg.branchUrl,
    idleSeconds: cfg.idleSeconds ?? 60,
    ticketIdleSeconds: cfg.ticketIdleSeconds ?? 45,
    pinpad: false,
    kioskHours: cfg.kioskHours ?? DEFAULT_KIOSK_HOURS,
  };
  const services = createKioskServices({
    config,
    branch,
    printer,
    card,
    files: createFileService({ usb: cfg.usbDir, scanner: cfg.scanDir }),
    health,
    uppWaitMs: cfg.uppWaitMs,
    ...(cfg.branchAddress ? { branchAddress: cfg.branchAddress } : {}),
    ...(signing ? { signing } : {}),
  });
  return {
    services,
    branch,
    async close() {
      await services.close();
      pcsc?.close();
    },
  };
}

/**
 * Reads the runtime config from SKR_* environment variables. With `pairs` (the browser host)
 * SKR_KIOSK_TOKEN is optional: the kiosk pairs by code and keeps its credential itself.
 */
export function configFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  opts: { pairs?: boolean } = {},
): KioskRuntimeConfig {
  const need = (k: string) => {
    const v = env[k];
    if (!v) throw new Error(`${k} is required`);
    return v;
  };
  return {
    branchUrl: need('SKR_BRANCH_URL'),
    deviceToken: opts.pairs ? (env.SKR_KIOSK_TOKEN ?? '') : need('SKR_KIOSK_TOKEN'),
    branchName: env.SKR_BRANCH_NAME ?? 'ZUS Oddział',
    branchAddress: env.SKR_BRANCH_ADDRESS || undefined,
    publicOrigin: env.SKR_PUBLIC_ORIGIN,
    idleSeconds: env.SKR_IDLE_SECONDS ? Number(env.SKR_IDLE_SECONDS) : undefined,
    ticketIdleSeconds: env.SKR_TICKET_IDLE_SECONDS
      ? Number(env.SKR_TICKET_IDLE_SECONDS)
      : undefined,
    printer: env.SKR_PRINTER ?? 'tcp:127.0.0.1:9100',
    printerModel: env.SKR_PRINTER_MODEL as PrinterModelId | undefined,
    cardReader: env.SKR_CARD_READER || undefined,
    usbDir: env.SKR_USB_DIR,
    scanDir: env.SKR_SCAN_DIR,
    ...(env.SKR_KIOSK_HOURS ? { kioskHours: parseKioskHours(env.SKR_KIOSK_HOURS) } : {}),
  };
}
