import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './database';

/** Pages the WAL may grow to before the writing connection checkpoints itself (the safety net). */
const SAFETY_NET_PAGES = 10_000;

/**
 * Runs the WAL checkpoints on a second connection in a worker thread. SQLite's automatic
 * checkpoint runs inside the commit that crosses 1,000 pages: about one ticket in 120 paid an
 * extra fsync of the database file (1.5–15 ms on a loaded disk), which was the p99 of
 * issue → ack. A PASSIVE checkpoint never blocks the writer; the writing connection keeps an
 * automatic checkpoint only as a safety net (SAFETY_NET_PAGES) should the worker stop.
 * The worker is plain JavaScript (eval) so that it runs the same under tsx and in a build;
 * it loads the same better-sqlite3 as the server.
 */
export function startCheckpointer(
  db: Db,
  intervalMs = 1000,
  onError: (e: Error) => void = () => undefined,
): { stop(): Promise<void> } {
  if (db.memory) return { stop: async () => undefined };
  db.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
  const lib = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(
    `
    const { workerData, parentPort } = require('node:worker_threads');
    const Database = require(workerData.lib);
    const db = new Database(workerData.path);
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = FULL');
    const timer = setInterval(() => {
      try {
        db.pragma('wal_checkpoint(PASSIVE)');
      } catch {
        // Busy or the file went away during shutdown: the next round (or the safety net) does it.
      }
    }, workerData.intervalMs);
    parentPort.on('message', () => {
      clearInterval(timer);
      db.close();
      parentPort.close();
    });
    `,
    { eval: true, workerData: { lib, path: db.name, intervalMs } },
  );
  // A worker that fails leaves the safety net in place; the server goes on.
  worker.on('error', (e) => {
    onError(e);
    try {
      db.pragma('wal_autocheckpoint = 1000');
    } catch {
      // Already closed: nothing left to checkpoint.
    }
  });
  worker.unref();
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  return {
    async stop() {
      if (exited) return;
      worker.postMessage('stop');
      // A worker stuck in a checkpoint (a busy disk) must not hold up shutdown for long.
      const timer = setTimeout(() => void worker.terminate(), 2000);
      await exit;
      clearTimeout(timer);
    },
  };
}
