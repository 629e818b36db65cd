import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../branch-server/src/main.ts', import.meta.url));

/** A branch server process on a fixed loopback port (so clients reconnect to the same address). */
export interface SoakServer {
  url: string;
  pid: number;
  /** performance.now() when the server printed that it listens. */
  readyAt: number;
  child: ChildProcess;
  /** SIGKILL (default) or SIGTERM, then waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Resident memory of the process in MB (Linux /proc), or NaN. */
  rssMb(): Promise<number>;
}

/** A free loopback port, found by binding port 0 and letting it go. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Starts `branch-server/src/main.ts` (demo seed) on `port` with its data in `dataDir`. */
export function startSoakServer(
  dataDir: string,
  port: number,
  password: string,
): Promise<SoakServer> {
  // One process (node + tsx loader), so the PID we kill is the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: {
      ...process.env,
      SKR_DATA_DIR: dataDir,
      SKR_PORT: String(port),
      SKR_SEED: 'demo',
      SKR_DEMO_PASSWORD: password,
      SKR_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start: ${out}`));
    }, 30_000);
    child.stderr!.on('data', (d) => (out += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /SKR branch server: (http:\/\/\S+)/.exec(out);
      if (m && child.pid !== undefined) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          pid: child.pid,
          readyAt: performance.now(),
          child,
          async kill(signal = 'SIGKILL') {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
          },
          async rssMb() {
            try {
              const { readFile } = await import('node:fs/promises');
              const s = await readFile(`/proc/${child.pid}/status`, 'utf8');
              return Number(/VmRSS:\s+(\d+)/.exec(s)?.[1]) / 1024;
            } catch {
              return NaN;
            }
          },
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${out}`));
    });
  });
}
