import { createServer } from 'node:net';
import { startServerProcess, type ServerProcess } from '../branch-server/test/process';

/** A branch server process on a fixed loopback port (so clients reconnect to the same address). */
export type SoakServer = ServerProcess;

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
  return startServerProcess(dataDir, password, { port, startTimeoutMs: 30_000 });
}
