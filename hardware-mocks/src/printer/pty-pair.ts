import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A socat null-modem pair: bytes written to one end come out of the other. */
export interface PtyPair {
  /** The end the emulator opens. */
  deviceEnd: string;
  /** The end handed to the driver. */
  hostEnd: string;
  pid: number;
  /** Kills socat by its PID and removes the links. */
  close(): Promise<void>;
}

/** Spawns `socat pty,raw,echo=0,link=A pty,raw,echo=0,link=B` and waits for both links. */
export async function openPtyPair(hostEnd?: string, timeoutMs = 5000): Promise<PtyPair> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'skr-printer-pty-'));
  const deviceEnd = path.join(dir, 'printer');
  const host = hostEnd ?? path.join(dir, 'host');
  const child: ChildProcess = spawn(
    'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${deviceEnd}`, `pty,raw,echo=0,link=${host}`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let exited = false;
  child.once('exit', () => (exited = true));
  child.once('error', () => (exited = true)); // e.g. socat missing: reported below
  if (child.pid === undefined) {
    await rm(dir, { recursive: true, force: true });
    throw new Error('cannot spawn socat (is it installed?)');
  }
  child.stderr?.resume(); // socat -d -d is chatty; reading keeps its pipe from filling
  const pid = child.pid;
  const deadline = Date.now() + timeoutMs;
  while (!(existsSync(deviceEnd) && existsSync(host))) {
    if (exited || Date.now() > deadline) {
      if (!exited) process.kill(pid, 'SIGTERM');
      await rm(dir, { recursive: true, force: true });
      throw new Error('socat did not create the pty pair (is socat installed?)');
    }
    await sleep(20);
  }
  return {
    deviceEnd,
    hostEnd: host,
    pid,
    async close() {
      if (!exited) {
        const gone = new Promise((r) => child.once('exit', r));
        process.kill(pid, 'SIGTERM');
        await Promise.race([gone, sleep(2000)]);
        if (!exited) process.kill(pid, 'SIGKILL');
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
