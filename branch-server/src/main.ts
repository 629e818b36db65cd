// The branch server's one production entry (`npm run branch-server`, the packaged service):
// one validated configuration (a JSON file named by SKR_CONFIG, /etc/skr/branch.json by default,
// plus SKR_* overrides) starts every output — HTTP API and web apps, announcer, LED boards,
// portal sync. `npm start` (scripts/start-branch.ts) calls startBranch() with emulators added.
import { removeRuntimeFile, writeRuntimeFile } from './runtime-file';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { LedBus } from '@skr/led-board-driver';
import type { Counter } from '@skr/protocol';
import { createAnnouncer, pickEngine, type Announcer } from './announcer';
import {
  ConfigError,
  defaultConfigFile,
  loadConfig,
  type BranchConfig,
  type LoadedConfig,
} from './config';
import { buildServer, type BranchServer } from './http/server';
import { createLogger } from './logger';
import { loadTls } from './tls';
import { notifyOptionsOf } from './notify';
import { generateDemoPassword } from './seed/seed';

/** Config engine names → the announcer's engine ids, in order of preference. */
const ENGINE_IDS: Record<BranchConfig['announcer']['engine'], string[]> = {
  auto: ['espeak-ng', 'say', 'text2wav'],
  espeak: ['espeak-ng'],
  say: ['say'],
  text2wav: ['text2wav'],
  off: [],
};

/** A running branch: the server and every output it drives. */
export interface RunningBranch {
  server: BranchServer;
  url: string;
  /** The speech engine in use, or why there is none. */
  voice: string;
  announcer: Announcer | undefined;
  bus: LedBus | undefined;
  /** The demo password when the config asked for a generated one. */
  demoPassword: string | undefined;
  /** Stops the server, the announcer and the LED bus, in that order. */
  close(): Promise<void>;
}

async function startAnnouncer(
  config: LoadedConfig,
  log: Logger,
): Promise<{ announcer: Announcer | undefined; voice: string }> {
  const ids = ENGINE_IDS[config.announcer.engine];
  if (ids.length === 0) return { announcer: undefined, voice: 'off (configured)' };
  try {
    const engine = await pickEngine(ids);
    const announcer = createAnnouncer({
      engine,
      cacheDir: resolve(config.dataDir, 'audio'),
      langs: config.announcer.langs,
      log: log.child({ name: 'announcer' }),
    });
    return { announcer, voice: engine.id };
  } catch (err) {
    // A missing engine must not stop the queue: the branch runs silent and says why.
    log.error({ err, engines: ids }, 'announcer off: no speech engine available');
    return { announcer: undefined, voice: `off (${ids.join(', ')} not available)` };
  }
}

/** Starts the branch server with every output `config` names; resolves once it listens. */
export async function startBranch(
  config: LoadedConfig,
  opts: { logger?: Logger } = {},
): Promise<RunningBranch> {
  const log = opts.logger ?? createLogger('branch-server', config.log);
  // Read and checked before anything starts: a wrong key or an expired certificate stops here.
  const tls = config.tls ? await loadTls(config.tls.cert, config.tls.key) : undefined;
  if (tls && config.tls)
    log.info(
      { cert: config.tls.cert, notAfter: tls.notAfter, hosts: tls.subjectAltName },
      'tls on',
    );
  const { announcer, voice } = await startAnnouncer(config, log);
  const led = config.led;
  const boards = led?.counterBoards ?? {};
  // Loaded only when boards are configured: serialport's native binding costs start time.
  const driver = led ? await import('@skr/led-board-driver') : undefined;
  const bus =
    led && driver
      ? driver.createLedBus({
          transport: driver.serialLedTransport({ path: led.serial, baudRate: led.baudRate }),
          addresses: [...new Set([...Object.values(boards), led.hallAddress])],
        })
      : undefined;
  const demoPassword =
    config.seed === 'demo' ? (config.demoPassword ?? generateDemoPassword()) : undefined;
  let server: BranchServer;
  try {
    server = await buildServer({
      dbPath: config.dbPath,
      demoPassword,
      logger: log,
      announcer,
      led:
        bus && led
          ? {
              bus,
              layout: {
                hallAddress: led.hallAddress,
                // Listed boards only, when a list is given: a counter without one stays dark
                // instead of being probed (and reported OFFLINE) forever.
                ...(led.counterBoards
                  ? {
                      counterAddress: (c: Counter) => boards[String(c.id)],
                      boards: Object.values(boards),
                    }
                  : {}),
              },
            }
          : undefined,
      publicBaseUrl: config.http.publicUrl,
      sync: config.portal,
      notify: notifyOptionsOf(config.notify),
      ...(tls ? { https: tls } : {}),
      ...(tls && config.tls?.redirectPort !== undefined
        ? { httpRedirect: { port: config.tls.redirectPort } }
        : {}),
    });
  } catch (err) {
    await bus?.close();
    await announcer?.close();
    throw err;
  }
  const url = await server.listen(config.http.port, config.http.host);
  writeRuntimeFile(config.dbPath, { pid: process.pid, url });
  if (announcer && config.announcer.prerender) {
    const prefixes = server.branch.services().map((s) => s.prefix);
    const counters = server.branch.counters().map(({ number, label }) => ({ number, label }));
    void announcer.prerender({
      prefixes,
      maxNumber: config.announcer.maxNumber,
      counters,
      langs: ['pl'],
    });
  }
  log.info({ url, dataDir: config.dataDir, voice, led: led?.serial }, 'branch server listening');
  return {
    server,
    url,
    voice,
    announcer,
    bus,
    demoPassword,
    async close() {
      removeRuntimeFile(config.dbPath);
      await server.close();
      await announcer?.close();
      await bus?.close();
    },
  };
}

/** `main`: load, validate (exit 2 on a bad value), start, stop cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let config: LoadedConfig;
  try {
    config = loadConfig({ defaultFile: defaultConfigFile() });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`SKR branch server: ${err.message}`);
    process.exit(2);
  }
  const pretty = config.log.pretty ?? process.stdout.isTTY === true;
  const running = await startBranch({ ...config, log: { ...config.log, pretty } });
  // One write, so a reader of the first line has the second too.
  console.log(
    `SKR branch server: ${running.url}  (data: ${config.dbPath})\n` +
      `  voice: ${running.voice}; LED boards: ${config.led?.serial ?? 'none'}; ` +
      `portal: ${config.portal?.url ?? 'none'}${config.configFile ? `; config: ${config.configFile}` : ''}`,
  );
  if (config.seed === 'demo') {
    console.log(`Demo users: admin, kierownik, urzednik1…urzednik12`);
    if (!config.demoPassword)
      console.log(`Demo password (generated, shown once): ${running.demoPassword}`);
  }
  let stopping = false;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      if (stopping) return;
      stopping = true;
      // A stuck close (a speech child that never exits) must not hold the stop forever.
      setTimeout(() => process.exit(1), 10_000).unref();
      void running.close().then(() => process.exit(0));
    });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
