import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A virtual null-modem cable: two pty ends joined by socat. */
export interface PtyPair {
  /** The end a driver opens. */
  devicePath: string;
  /** The end the emulator opens. */
  emulatorPath: string;
  /** Stops socat (by its PID) and removes the temporary folder. */
  close(): Promise<void>;
}

/**
 * Spawns `socat pty,raw,echo=0 pty,raw,echo=0` and waits until both links exist.
 * `devicePath` may be given (e.g. /tmp/ttyLED) so an app can be pointed at a fixed name.
 */
export async function openPtyPair(devicePath?: string, timeoutMs = 5000): Promise<PtyPair> {
  const dir = mkdtempSync(join(tmpdir(), 'skr-led-'));
  const device = devicePath ?? join(dir, 'driver');
  const emulator = join(dir, 'board');
  const child = spawn(
    'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${device}`, `pty,raw,echo=0,link=${emulator}`],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let spawnError: Error | undefined;
  child.once('error', (e) => (spawnError = e));

  // If our process exits without close(), do not leave socat running behind it.
  const killOnExit = () => {
    if (child.exitCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGTERM');
  };
  process.once('exit', killOnExit);

  const close = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      process.kill(child.pid, 'SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (!(
    stderr.includes('starting data transfer loop') &&
    existsSync(device) &&
    existsSync(emulator)
  )) {
    if (spawnError || child.exitCode !== null || Date.now() > deadline) {
      await close();
      throw new Error(`socat did not start a pty pair: ${spawnError?.message ?? stderr.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return { devicePath: device, emulatorPath: emulator, close };
}
