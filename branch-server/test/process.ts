import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));

/** A branch server in its own process (so it can be killed with SIGKILL). */
export interface ServerProcess {
  url: string;
  pid: number;
  /** performance.now() when the server printed that it listens. */
  readyAt: number;
  child: ChildProcess;
  /** SIGKILL (default) or SIGTERM, then waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Resident memory of the process in MB (Linux /proc), or NaN. */
  rssMb(): Promise<number>;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
}

/**
 * Starts `branch-server/src/main.ts` with the demo seed and its data in `dataDir`, on `port`
 * (0 = any free port; a fixed one lets clients reconnect to the same address); `env` adds to or
 * overrides the server's environment (an undefined value removes a variable).
 */
export function startServerProcess(
  dataDir: string,
  password: string,
  opts: { port?: number; startTimeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<ServerProcess> {
  // One process (node + tsx loader), so the PID we kill is the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: {
      ...process.env,
      SKR_DATA_DIR: dataDir,
      SKR_PORT: String(opts.port ?? 0),
      SKR_SEED: 'demo',
      SKR_DEMO_PASSWORD: password,
      SKR_LOG_LEVEL: 'warn',
      // Crash and sync tests do not listen; speech would only load the machine they time.
      SKR_ANNOUNCER: process.env.SKR_ANNOUNCER ?? 'off',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => {
        child.kill('SIGKILL');
        reject(new Error(`server did not start: ${out}`));
      },
      // SKR_TEST_START_TIMEOUT_MS: more time for a start when other work loads the machine.
      opts.startTimeoutMs ?? Number(process.env.SKR_TEST_START_TIMEOUT_MS ?? 40_000),
    );
    child.stderr!.on('data', (d) => (out += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /SKR branch server: (https?:\/\/\S+)/.exec(out);
      if (m && child.pid !== undefined) {
        clearTimeout(timer);
        const pid = child.pid;
        resolve({
          url: m[1]!,
          pid,
          readyAt: performance.now(),
          child,
          async kill(signal = 'SIGKILL') {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
          },
          output: () => out,
          async rssMb() {
            try {
              const s = await readFile(`/proc/${pid}/status`, 'utf8');
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
