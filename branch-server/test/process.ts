import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));

/** A branch server in its own process (so it can be killed with SIGKILL). */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `branch-server/src/main.ts` on a random port with the given data dir and demo seed. */
export function startServerProcess(dataDir: string, password: string): Promise<ServerProcess> {
  // One process (node + tsx loader), so the PID we kill is the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: {
      ...process.env,
      SKR_DATA_DIR: dataDir,
      SKR_PORT: '0',
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
    }, 20_000);
    child.stderr!.on('data', (d) => (out += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /SKR branch server: (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          child,
          async kill(signal = 'SIGKILL') {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
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
