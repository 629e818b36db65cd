import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, rmSync, writeSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLedBus, decodeFrames, serialLedTransport } from '@skr/led-board-driver';
import { createPrinter, printerModels, tcpTransport } from '@skr/printer-drivers';
import { isSkrError } from '@skr/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../src/sim/prng';
import { randomBytes } from './fuzz-gen';
import { until } from './harness';

// Random bytes into the device links the branch and the kiosk read from: the RS-485 LED bus
// (serial, over a socat pty pair) and the ticket printer (TCP 9100). Every call must settle
// with a coded error or a result; nothing may throw out of a listener or hang.
const SEED = Number(process.env.SKR_FUZZ_SEED ?? 20261123);
const dir = mkdtempSync(join(tmpdir(), 'skr-fuzz-links-'));
let socat: ChildProcess | undefined;
let server: Server | undefined;
afterAll(async () => {
  if (socat && socat.exitCode === null) {
    const gone = new Promise((r) => socat!.once('exit', r));
    socat.kill('SIGTERM');
    await gone;
  }
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  rmSync(dir, { recursive: true, force: true });
});

/** Settles `p` and says how: ok, or the error's code (a non-coded error fails the test). */
async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (!isSkrError(e)) throw new Error(`uncoded failure: ${String(e)}`);
    return e.code;
  }
}

describe('device links under random bytes', () => {
  it('the LED frame decoder takes 10,000 random chunks without throwing', () => {
    const rng = createRng(SEED);
    let events = 0;
    for (let i = 0; i < 10_000; i += 1) {
      const r = decodeFrames(randomBytes(rng, 64)) as unknown as { events?: unknown[] };
      events += r.events?.length ?? 0;
    }
    expect(events).toBeGreaterThanOrEqual(0);
  });

  it('the LED bus over a serial link answered with noise rejects with codes and recovers', async () => {
    // A folder per attempt: on CI's retry the first attempt's pty links (and its socat) would
    // still be there. The first attempt's socat goes.
    socat?.kill('SIGTERM');
    const attempt = mkdtempSync(join(dir, 'attempt-'));
    const a = join(attempt, 'ttyA');
    const b = join(attempt, 'ttyB');
    socat = spawn('socat', [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], {
      stdio: 'ignore',
    });
    await until(() => existsSync(a) && existsSync(b), 5000);
    const bus = createLedBus({
      transport: serialLedTransport({ path: a }),
      ackTimeoutMs: 40,
      retries: 1,
      probeIntervalMs: 60_000,
    });
    const board = openSync(b, 'r+');
    const rng = createRng(SEED + 1);
    let noisy = true;
    const noise = (async () => {
      while (noisy) {
        writeSync(board, randomBytes(rng, 40));
        await new Promise((r) => setTimeout(r, rng.int(15)));
      }
    })();
    const seen = new Map<string, number>();
    for (let i = 0; i < 60; i += 1) {
      const o = await outcome(bus.show(1 + rng.int(5), `A${100 + i}`, { blink: rng.next() < 0.5 }));
      seen.set(o, (seen.get(o) ?? 0) + 1);
    }
    noisy = false;
    await noise;
    expect([...seen.keys()].every((k) => ['ok', 'OFFLINE', 'NAK', 'TIMEOUT'].includes(k))).toBe(
      true,
    );
    await bus.close();
    closeSync(board);
  }, 30_000);

  it('the printer driver over TCP answered with noise, silence and drops rejects with codes', async () => {
    const rng = createRng(SEED + 2);
    const clients = new Set<Socket>();
    server = createServer((sock) => {
      clients.add(sock);
      sock.on('error', () => {});
      sock.on('close', () => clients.delete(sock));
      sock.on('data', () => {
        const roll = rng.next();
        if (roll < 0.6) sock.write(randomBytes(rng, 8));
        else if (roll < 0.65) sock.destroy();
        // otherwise: silence
      });
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    const printer = createPrinter({
      transport: tcpTransport({ host: '127.0.0.1', port, connectTimeoutMs: 500 }),
      model: printerModels['epson-tm-t88'],
      statusTimeoutMs: 60,
      jobTimeoutMs: 150,
    });
    const seen = new Map<string, number>();
    for (let i = 0; i < 150; i += 1) {
      const o = await outcome(
        rng.next() < 0.5 ? printer.status() : printer.print(randomBytes(rng, 100)),
      );
      seen.set(o, (seen.get(o) ?? 0) + 1);
    }
    expect(seen.size).toBeGreaterThan(1);
    for (const k of seen.keys())
      expect([
        'ok',
        'TIMEOUT',
        'DISCONNECTED',
        'PAPER_OUT',
        'COVER_OPEN',
        'OFFLINE',
        'NAK',
      ]).toContain(k);
    await printer.close();
    for (const c of clients) c.destroy();
  }, 30_000);
});
