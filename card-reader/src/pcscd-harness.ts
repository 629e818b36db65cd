import { spawn, type ChildProcess } from 'node:child_process';
import { open, readFile, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SkrError } from '@skr/protocol/errors';
import { openPcsclite, type PcscCardReader } from './pcsc-binding';

// Test harness: pcscd + vpcd are machine-wide (one socket, fixed TCP slots), so test files
// running in parallel processes take turns through a lock file; whoever starts pcscd stops it.

/** vpcd readers and the TCP port where each slot waits for its virtual card. */
export const VIRTUAL_READERS = [
  { name: 'Virtual PCD 00 00', port: 35963 },
  { name: 'Virtual PCD 00 01', port: 35964 },
] as const;

/** pcscd's client socket (Debian's pcsc-lite). */
export const PCSCD_SOCKET = '/run/pcscd/pcscd.comm';

/** Exclusive use of pcscd + the vpcd slots for one test file. */
export interface VirtualPcscd {
  /** PID of the pcscd we started, or null when one was already running. */
  readonly pid: number | null;
  /** What our pcscd printed (empty when we reuse one), for failing tests to show. */
  log(): string;
  /** Stops our pcscd (by PID) if we started it, then frees the lock. */
  release(): Promise<void>;
}

const LOCK = join(tmpdir(), 'skr-vpcd.lock');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function takeLock(deadline: number): Promise<void> {
  for (;;) {
    try {
      const fh = await open(LOCK, 'wx');
      await fh.writeFile(String(process.pid));
      await fh.close();
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = Number(await readFile(LOCK, 'utf8').catch(() => ''));
    // A holder that died (or a lock being written this instant: pid 0) — only the former is stale.
    if (holder > 0 && !alive(holder)) await rm(LOCK, { force: true });
    else if (Date.now() > deadline)
      throw new SkrError('TIMEOUT', `pcscd lock ${LOCK} held by pid ${holder}`);
    else await sleep(100);
  }
}

/** True when something answers on pcscd's socket. */
export function pcscdRunning(socketPath = PCSCD_SOCKET): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(socketPath);
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** Waits (bounded) until pcscd answers, then until pcsclite lists every vpcd reader. */
async function waitForVirtualReaders(deadline: number): Promise<void> {
  while (!(await pcscdRunning())) {
    if (Date.now() > deadline) throw new SkrError('TIMEOUT', `${PCSCD_SOCKET} did not come up`);
    await sleep(50);
  }
  const ctx = openPcsclite();
  const seen = new Set<string>();
  const readers: PcscCardReader[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new SkrError(
              'TIMEOUT',
              `vpcd readers did not appear (saw: ${[...seen].join(', ') || 'none'})`,
            ),
          ),
        Math.max(0, deadline - Date.now()),
      );
      ctx.on('error', () => undefined); // retried by pcsclite until the deadline
      ctx.on('reader', (r) => {
        // Each reader object polls on its own; it must be closed and never error unheard.
        readers.push(r);
        r.on('error', () => undefined);
        seen.add(r.name);
        if (VIRTUAL_READERS.every((v) => seen.has(v.name))) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  } finally {
    for (const r of readers) r.close();
    ctx.close();
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(t);
}

/**
 * Takes the machine-wide vpcd lock, starts `pcscd --foreground` unless one already runs
 * (needs root), and waits until both virtual readers are listed. Always `release()` it.
 */
export async function acquireVirtualPcscd(
  opts: { timeoutMs?: number } = {},
): Promise<VirtualPcscd> {
  const deadline = Date.now() + (opts.timeoutMs ?? 45_000);
  await takeLock(deadline);
  let child: ChildProcess | null = null;
  let output = '';
  try {
    if (!(await pcscdRunning())) {
      child = spawn('pcscd', ['--foreground'], { stdio: ['ignore', 'pipe', 'pipe'] });
      const append = (b: Buffer) => {
        output = (output + b.toString()).slice(-20_000);
      };
      child.stdout?.on('data', append);
      child.stderr?.on('data', append);
      const spawned = child;
      await new Promise<void>((resolve, reject) => {
        spawned.once('spawn', resolve);
        spawned.once('error', reject);
      });
    }
    await waitForVirtualReaders(deadline);
  } catch (e) {
    if (child) await stop(child);
    await rm(LOCK, { force: true });
    throw new SkrError(
      'UNAVAILABLE',
      `pcscd + vpcd not ready: ${(e as Error).message}\n${output}`,
      { cause: e },
    );
  }
  const started = child;
  return {
    pid: started?.pid ?? null,
    log: () => output,
    async release() {
      if (started) await stop(started);
      await rm(LOCK, { force: true });
    },
  };
}
