import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** A checkpoint's kind: PASSIVE never waits for the writer; TRUNCATE also empties the WAL file. */
export type CheckpointMode = 'PASSIVE' | 'TRUNCATE';

/** What one checkpoint did: frames in the WAL, frames copied, or the failure. */
export type CheckpointResult =
  | { ok: true; busy: number; log: number; checkpointed: number }
  | { ok: false; code: string; message: string };

/** Runs checkpoints somewhere (a worker's connection or the writer's own) one at a time. */
export interface CheckpointRunner {
  run(mode: CheckpointMode): Promise<CheckpointResult>;
  stop(): Promise<void>;
}

// Plain JavaScript run with `eval`, so the worker starts the same under tsx, vitest and the
// compiled server. Its connection sets synchronous=FULL: a checkpoint's own fsyncs (WAL before
// copying, database before the WAL may be reused) follow the checkpointing connection's level.
// It never writes a row and never runs migrations.
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.lib);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
parentPort.on('message', (m) => {
  if (m.op === 'stop') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [r] = db.pragma('wal_checkpoint(' + m.mode + ')');
    parentPort.postMessage({ ok: true, busy: r.busy, log: r.log, checkpointed: r.checkpointed });
  } catch (e) {
    parentPort.postMessage({ ok: false, code: String(e.code || 'ERROR'), message: String(e.message) });
  }
});
`;

/**
 * Starts a worker thread with its own connection to `path` that runs the checkpoints it is
 * sent, one at a time. `onGone` is called once if the worker fails or ends before `stop()`:
 * pending runs then answer a failure. `stop()` closes the worker's connection and waits for
 * the thread; one that does not answer within `stopTimeoutMs` (stuck in a checkpoint on a slow
 * disk) is terminated, so closing the server never hangs on it.
 */
export function workerRunner(
  path: string,
  onGone: (e: Error) => void,
  opts: { busyTimeoutMs?: number; stopTimeoutMs?: number } = {},
): CheckpointRunner {
  const lib = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { lib, path, busyTimeoutMs: opts.busyTimeoutMs ?? 1000 },
  });
  // The server's close stops it; an unclosed server must still let its process end.
  worker.unref();
  const waiting: ((r: CheckpointResult) => void)[] = [];
  let stopping = false;
  let gone = false;
  const fail = (e: Error) => {
    if (gone) return;
    gone = true;
    for (const w of waiting.splice(0)) w({ ok: false, code: 'WORKER_GONE', message: e.message });
    if (!stopping) onGone(e);
  };
  worker.on('message', (r: CheckpointResult) => waiting.shift()?.(r));
  worker.on('error', (e) => fail(e));
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      fail(new Error(`checkpoint worker exited (${code})`));
      resolve();
    }),
  );
  return {
    run(mode) {
      if (gone || stopping)
        return Promise.resolve({ ok: false, code: 'WORKER_GONE', message: 'worker stopped' });
      return new Promise((resolve) => {
        waiting.push(resolve);
        worker.postMessage({ op: 'checkpoint', mode });
      });
    },
    async stop() {
      if (stopping) return exited;
      stopping = true;
      if (gone) return;
      worker.postMessage({ op: 'stop' });
      const timer = setTimeout(() => void worker.terminate(), opts.stopTimeoutMs ?? 2000);
      await exited;
      clearTimeout(timer);
    },
  };
}
