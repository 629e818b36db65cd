// `npm start`: the production entry (branch-server/src/main.ts → startBranch) plus the device
// emulators (printer, LED boards, virtual ID card), the central-portal stand-in, the kiosk's
// device host and demo data. Prints every URL. Ctrl+C stops everything it started.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pcscdRunning } from '@skr/card-reader';
import { startAllEmulators } from '@skr/hardware-mocks/start-all';
import {
  DEMO_LOGINS,
  DEMO_PASSWORD,
  DEMO_REGISTRATIONS,
  startPueEmulator,
} from '@skr/pue-emulator';
import { ConfigError, loadConfig, type LoadedConfig } from '../branch-server/src/config';
import { createLogger } from '../branch-server/src/logger';
import { startBranch } from '../branch-server/src/main';
import { startKioskHost } from '../kiosk-app/src/host/host-server';
import { startKioskRuntime } from '../kiosk-app/src/host/kiosk-runtime';
import { seedDemoCalendar } from './demo-calendar';

const HALL_BOARD = 200;
const COUNTERS = Array.from({ length: 12 }, (_, i) => i + 1);
let config: LoadedConfig;
try {
  // The same schema as production; no /etc/skr file unless SKR_CONFIG names one.
  config = loadConfig({ env: { SKR_SEED: 'demo', ...process.env } });
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exit(2);
}
const pretty = config.log.pretty ?? process.stdout.isTTY === true;
const log = createLogger('branch', { level: config.log.level, pretty });
mkdirSync(config.dataDir, { recursive: true });
const stops: (() => Promise<unknown> | unknown)[] = [];

async function startPcscd(): Promise<ChildProcess | null> {
  if (await pcscdRunning()) return null;
  if (process.getuid?.() !== 0) return null;
  const child = spawn('pcscd', ['--foreground'], { stdio: 'ignore' });
  child.on('error', () => {});
  for (let i = 0; i < 50 && !(await pcscdRunning()); i += 1)
    await new Promise((r) => setTimeout(r, 100));
  return child;
}

const pcscd = await startPcscd();
if (pcscd) stops.push(() => pcscd.kill('SIGTERM'));
const anna = DEMO_LOGINS[0]!;
const [givenName, surname] = anna.name.split(' ') as [string, string];
const emulators = await startAllEmulators({
  dataDir: config.dataDir,
  printerPort: Number(process.env.SKR_PRINTER_PORT ?? 9100),
  ledAddresses: [...COUNTERS, HALL_BOARD],
  idCard: { pin: '1234', holder: { pesel: anna.pesel, givenName, surname } },
});
stops.push(() => emulators.close());

const pue = await startPueEmulator({
  port: Number(process.env.PUE_PORT ?? 8090),
  host: '127.0.0.1',
  dbPath: join(config.dataDir, 'pue-emulator.sqlite'),
  caCertsPem: [emulators.caCertPem],
  branchKeys: { 'demo-branch': 'demo-branch-key' },
  seed: 'demo',
  log: { level: 'warn' },
  onOutboxMessage: (m) =>
    console.log(`\n[PUE ${m.channel === 'sms' ? 'SMS' : 'e-mail'}] ${m.text}\n`),
});
stops.push(() => pue.close());

// The address on tickets' QR codes. With SKR_PORT=0 (any free port) it is known only once the
// server listens: tickets then carry a relative link and the kiosk puts the real origin before
// it (a configured port would otherwise print "http://127.0.0.1:0/q/…").
const fixedOrigin =
  config.http.publicUrl ??
  (config.http.port === 0 ? undefined : `http://${config.http.host}:${config.http.port}`);
// The production wiring, with the emulators' ports and the portal stand-in put into its config.
const branch = await startBranch(
  {
    ...config,
    http: { ...config.http, ...(fixedOrigin ? { publicUrl: fixedOrigin } : {}) },
    announcer: { ...config.announcer, prerender: true },
    led: {
      serial: emulators.led.devicePath,
      baudRate: 9600,
      hallAddress: HALL_BOARD,
      counterBoards: Object.fromEntries(COUNTERS.map((c) => [String(c), c])),
    },
    portal: { url: pue.url, branchId: 'demo-branch', branchKey: 'demo-branch-key' },
  },
  { logger: log },
);
const { server, url } = branch;
stops.unshift(() => branch.close());

// Demo screen and kiosk tokens, made once and kept beside the database (only readable by us).
const tokensFile = join(config.dataDir, 'demo-devices.json');
const firstStart = !existsSync(tokensFile);
let devices: { display: string; kiosk: string };
if (!firstStart) devices = JSON.parse(readFileSync(tokensFile, 'utf8'));
else {
  devices = {
    display: server.auth.createDevice('display', 'Ekran sali (demo)').token,
    kiosk: server.auth.createDevice('kiosk', 'Biletomat (demo)').token,
  };
  writeFileSync(tokensFile, JSON.stringify(devices, null, 2));
  chmodSync(tokensFile, 0o600);
}
// On the first start a weekly plan of booked visits, so that "Umów wizytę" at the kiosk, the
// desk and the portal stand-in have days to offer (a manager changes it in the calendar view).
if (firstStart && branch.demoPassword)
  await seedDemoCalendar(url, branch.demoPassword).catch((err: unknown) =>
    log.warn({ err }, 'demo calendar plan not saved'),
  );

// The kiosk's device host (printer emulator over TCP, virtual card reader), serving the kiosk
// renderer to a browser as the Electron shell would.
const usbDir = join(config.dataDir, 'usb');
mkdirSync(usbDir, { recursive: true });
const samplePdf = join(usbDir, 'wniosek-ERP-7.pdf');
if (!existsSync(samplePdf))
  writeFileSync(samplePdf, '%PDF-1.4\n% demo document for the urzędomat\n%%EOF\n');
const kioskRuntime = await startKioskRuntime({
  branchUrl: url,
  deviceToken: devices.kiosk,
  branchName: 'ZUS Oddział (demo)',
  publicOrigin: fixedOrigin ?? url,
  printer: `tcp:127.0.0.1:${emulators.printer.tcpPort}`,
  cardReader: emulators.card ? 'Virtual PCD 00 00' : undefined,
  usbDir,
  scanDir: usbDir,
});
const kioskHost = await startKioskHost({
  services: kioskRuntime.services,
  branch: kioskRuntime.branch,
  port: Number(process.env.SKR_KIOSK_PORT ?? 0),
  log: (err, method) => log.warn({ err, method }, 'kiosk bridge call failed'),
});
stops.unshift(() => kioskRuntime.close());
stops.unshift(() => kioskHost.close());

const lines = [
  '',
  'SKR — demo branch is running',
  `  clerk desk:        ${url}/desk/`,
  `  manager:           ${url}/desk/manager.html`,
  // Screens pair by code (issue 13): no token in the URL.
  `  waiting-room screen: ${url}/display/   (shows a code: admin → Konfiguracja → Urządzenia → Sparuj kodem)`,
  `  kiosk:             ${kioskHost.url}/kiosk/   (ticket machine and urzędomat; files for drop-off in ${usbDir})`,
  `  API:               ${url}/api/v1/health   (docs/api.md)`,
  `  public status:     ${url}/status   (national list at the portal stand-in: ${pue.url}/kolejki)`,
  `  users:             admin, kierownik, urzednik1…urzednik12`,
  config.demoPassword === undefined
    ? `  password:          ${branch.demoPassword}   (generated; set SKR_DEMO_PASSWORD to choose)`
    : '  password:          from SKR_DEMO_PASSWORD',
  `  central portal stand-in: ${pue.url}  (demo logins ${DEMO_LOGINS.map((d) => d.login).join(', ')}; password ${DEMO_PASSWORD})`,
  `  PUE registrations to confirm at the desk (Profil PUE): ${DEMO_REGISTRATIONS.map((r) => `${r.login} (${r.daysAgo} d)`).join(', ')}; older than 7 days cannot be confirmed`,
  ...emulators.describe().map((l) => `  ${l}`),
  `  announcer:         ${branch.voice}`,
  `  data:              ${config.dataDir}`,
  '',
];
console.log(lines.join('\n'));

let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, async () => {
    if (stopping) return;
    stopping = true;
    // A stuck close (a speech child that never exits) must not hold Ctrl+C forever.
    setTimeout(() => process.exit(1), 10_000).unref();
    for (const stop of stops) await Promise.resolve(stop()).catch(() => {});
    process.exit(0);
  });
}
