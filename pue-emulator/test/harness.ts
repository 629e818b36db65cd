// Shared test harness: a real emulator on 127.0.0.1 port 0 with a temp SQLite file, a clock the
// test moves by hand, captured pino output, and a tiny JSON client over fetch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach } from 'vitest';
import { startPueEmulator, type PueEmulator, type PueEmulatorOptions } from '../src/index';

// Response bodies are checked with the protocol's zod schemas where the shape services; a loose
// type keeps assertions on error bodies short.
type Body = any;

/** A running emulator plus the test's handles on it. */
export interface Harness {
  emu: PueEmulator;
  /** Moves the emulator's clock forward. */
  advance(ms: number): void;
  /** Everything the emulator logged so far. */
  logs(): string;
  /** JSON request; answers status and parsed body (undefined when empty). */
  call(
    method: string,
    path: string,
    opts?: { body?: unknown; token?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; body: Body }>;
  stop(): Promise<void>;
}

/** Monday 10 March 2025, 08:00 UTC (09:00 in Warsaw). */
export const T0 = new Date('2025-03-10T08:00:00.000Z');
export const BRANCH = 'o-101';
export const BRANCH_KEY = 'test-branch-key-101';

/** Starts an emulator with demo data and the given extra options. */
export async function startHarness(extra: Partial<PueEmulatorOptions> = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'pue-emu-'));
  let now = T0.getTime();
  let logText = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      logText += String(chunk);
      done();
    },
  });
  const emu = await startPueEmulator({
    port: 0,
    host: '127.0.0.1',
    dbPath: join(dir, 'pue.sqlite'),
    caCertsPem: [],
    branchKeys: { [BRANCH]: BRANCH_KEY, 'o-202': 'other-branch-key-202' },
    seed: 'demo',
    now: () => new Date(now),
    log: { level: 'info', stream },
    ...extra,
  });
  return {
    emu,
    advance: (ms) => {
      now += ms;
    },
    logs: () => logText,
    call: async (method, path, opts = {}) => {
      const headers: Record<string, string> = { ...opts.headers };
      if (opts.body !== undefined) headers['content-type'] = 'application/json';
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      const res = await fetch(`${emu.url}${path}`, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    stop: async () => {
      await emu.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Logs in with password + code (read from the outbox) and returns the session token. */
export async function passwordLogin(h: Harness, login: string): Promise<string> {
  const started = await h.call('POST', '/v1/auth/password', {
    body: { login, password: 'Demo-Haslo-2024!' },
  });
  if (started.status !== 200) throw new Error(`login failed: ${JSON.stringify(started.body)}`);
  const code = h.emu.outbox().at(-1)?.code;
  const done = await h.call('POST', '/v1/auth/password/verify', {
    body: { attemptId: started.body.attemptId, code },
  });
  if (done.status !== 200) throw new Error(`verify failed: ${JSON.stringify(done.body)}`);
  return done.body.token as string;
}

/** A document as a branch outbox would send it. */
export function sampleDocument(text = 'Wniosek o zasiłek chorobowy — treść testowa ąęłóż') {
  const bytes = Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`);
  return {
    bytes,
    body: {
      formCode: 'ZUS-Z-3',
      title: 'Zaświadczenie płatnika składek',
      submitterPesel: '85010112345',
      fileName: 'z3.pdf',
      contentType: 'application/pdf',
      contentB64: bytes.toString('base64'),
      submittedAt: '2025-03-09T19:30:00.000Z',
    },
  };
}

/**
 * A fresh emulator for every test of the enclosing block: started in `beforeEach`, stopped in
 * `afterEach`. The returned object forwards to the current one.
 */
export function harnessPerTest(extra: Partial<PueEmulatorOptions> = {}): Harness {
  let current: Harness | undefined;
  beforeEach(async () => {
    current = await startHarness(extra);
  });
  afterEach(async () => {
    await current?.stop();
    current = undefined;
  });
  // A proxy because each test's emulator exists only once beforeEach has run.
  return new Proxy({} as Harness, {
    get(_target, key) {
      if (!current) throw new Error('the harness starts in beforeEach');
      return Reflect.get(current, key);
    },
  });
}
