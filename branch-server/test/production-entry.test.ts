import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLedBoardEmulator, type LedBoardEmulator } from '@skr/hardware-mocks/led-board/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, loginAt, TEST_PASSWORD, until } from './harness';

// The production entry (src/main.ts) as its own process, configured by a file alone: the LED
// bus on one end of a socat pty pair (the board emulator on the other) and espeak-ng voice.
const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'skr-entry-'));
const HALL = 200;

/** The environment without SKR_* variables, so only the config file speaks. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('SKR_')),
  ) as NodeJS.ProcessEnv;
  return { ...env, ...extra };
}

/** Runs main.ts to completion; resolves with its exit code and output. */
function runToExit(env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', main], { env, stdio: 'pipe' });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    }),
  );
}

let emu: LedBoardEmulator;
let child: ChildProcess;
let url = '';
let log = '';
beforeAll(async () => {
  emu = await startLedBoardEmulator({ addresses: [1, 2, 3, HALL] });
  const config = {
    dataDir: join(dir, 'data'),
    http: { host: '127.0.0.1', port: 0 },
    announcer: { engine: 'espeak', langs: ['pl'] },
    led: { serial: emu.devicePath, hallAddress: HALL },
    log: { level: 'warn' },
    seed: 'demo',
    demoPassword: TEST_PASSWORD,
  };
  writeFileSync(join(dir, 'branch.json'), JSON.stringify(config));
  child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: cleanEnv({ SKR_CONFIG: join(dir, 'branch.json') }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  await until(
    () => /SKR branch server: (http:\/\/\S+)/.test(log) || child.exitCode !== null,
    90_000,
  );
  url = /SKR branch server: (http:\/\/\S+)/.exec(log)?.[1] ?? '';
}, 100_000);
afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null && child.pid) {
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(child.pid, 'SIGTERM');
    await exited;
  }
  await emu?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the production entry, from its configuration alone', () => {
  it('speaks and drives the LED boards', async () => {
    expect(url, log).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(log).toContain('voice: espeak-ng');
    const admin = (await loginAt(url, 'admin')).body.token as string;
    const device = async (kind: string) =>
      (await callApi(url, 'POST', '/api/v1/devices', admin, { kind, name: kind })).body
        .token as string;
    const display = await device('display');
    const kiosk = await device('kiosk');

    const chime = await fetch(`${url}/api/v1/audio/chime.wav`, {
      headers: { authorization: `Bearer ${display}` },
    });
    expect(chime.status).toBe(200);
    expect(chime.headers.get('content-type')).toBe('audio/wav');
    expect(
      Buffer.from(await chime.arrayBuffer())
        .subarray(0, 4)
        .toString(),
    ).toBe('RIFF');

    const clerk = (await loginAt(url, 'urzednik2')).body.token as string;
    expect((await callApi(url, 'POST', '/api/v1/counters/2/open', clerk)).status).toBe(200);
    const ticket = await callApi(url, 'POST', '/api/v1/tickets', kiosk, { serviceId: 'emerytury' });
    expect(ticket.status).toBe(201);
    const number = ticket.body.number as string;
    expect((await callApi(url, 'POST', '/api/v1/counters/2/call-next', clerk)).status).toBe(200);
    await until(
      () => emu.boards.get(2)!.text === number && emu.boards.get(HALL)!.text.includes(number),
      10_000,
    );
    expect(emu.boards.get(2)!.blinking).toBe(true);

    // The call's announcement, spoken by espeak-ng (longer than the chime alone).
    const speech = await fetch(`${url}/api/v1/audio/pl-${number}-2.wav`, {
      headers: { authorization: `Bearer ${display}` },
    });
    expect(speech.status).toBe(200);
    expect((await speech.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
  }, 40_000);

  it('exits 2 naming each bad value of the file and of the environment', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ http: { port: 'osiemdziesiąt' }, led: { serial: '' } }));
    const file = await runToExit(cleanEnv({ SKR_CONFIG: bad }));
    expect(file.code).toBe(2);
    expect(file.out).toContain('http.port');
    expect(file.out).toContain('led.serial');
    const env = await runToExit(cleanEnv({ SKR_CONFIG: '', SKR_ANNOUNCER: 'loud' }));
    expect(env.code).toBe(2);
    expect(env.out).toMatch(/announcer\.engine \(from SKR_ANNOUNCER\)/);
  }, 130_000);
});
