import { statSync } from 'node:fs';
import {
  workerRunner,
  type CheckpointMode,
  type CheckpointResult,
  type CheckpointRunner,
} from './checkpoint-worker';
import type { Db } from './database';
import { walProbe } from './wal-probe';

/**
 * Where WAL checkpoints run. `worker`: a worker thread's own connection, off the event loop.
 * `main`: the writer's connection from a timer, between requests. `commit`: SQLite's default,
 * inside the commit that crosses 1,000 WAL pages (an extra fsync of the database file in that
 * commit: the p99 of issue → ack).
 */
export type CheckpointPlace = 'worker' | 'main' | 'commit';
// `commit` stays the default: measured against it in the same minutes (bench core, 2026-11-30),
// the worker gave no clear gain in issue → ack p99 (10.1–12.5 ms vs 11.2–13.4 ms) and lowered
// the one-kiosk durable ratio (0.28–0.35 vs 0.40–0.47): its database fsyncs compete with the
// commits' own. It is proven safe under kill -9 and stays selectable for quieter measurements.

/** When checkpoints run (defaults in brackets). */
interface CheckpointerOptions {
  place?: CheckpointPlace;
  /** A PASSIVE checkpoint once this many WAL frames wait [200]. */
  minFrames?: number;
  /** At most one checkpoint per this many ms [100]. */
  minIntervalMs?: number;
  /** How often the WAL index is looked at [50 ms]. */
  pollMs?: number;
  /** A TRUNCATE once no frame was added for this long [30 s]… */
  idleMs?: number;
  /** …and the WAL file is larger than this [16 MB]. */
  truncateBytes?: number;
  /** Told about failed checkpoints (once per error code in a row) and a worker that died. */
  log?: (msg: string, detail: Record<string, unknown>) => void;
}

/** A running checkpointer. */
interface Checkpointer {
  readonly place: CheckpointPlace;
  /** Checkpoints run and failed so far. */
  stats(): { runs: number; failures: number; degraded: boolean };
  /** Stops the timer and the worker; awaited before the database is closed. */
  stop(): Promise<void>;
}

/** Pages the WAL may grow to before the writer checkpoints inside a commit (the safety net). */
export const SAFETY_NET_FRAMES = 10_000;
/** SQLite's default automatic checkpoint, which the writer falls back to. */
const SQLITE_DEFAULT_FRAMES = 1000;

/**
 * Options from the environment: SKR_WAL_CHECKPOINT (`commit`, default; `worker`; `main`) to
 * measure one place against another, SKR_WAL_CHECKPOINT_FRAMES for `minFrames`.
 */
function checkpointerEnv(env: NodeJS.ProcessEnv = process.env): CheckpointerOptions {
  const v = env.SKR_WAL_CHECKPOINT;
  const frames = Number(env.SKR_WAL_CHECKPOINT_FRAMES);
  return {
    place: v === 'main' || v === 'worker' ? v : 'commit',
    ...(Number.isInteger(frames) && frames > 0 ? { minFrames: frames } : {}),
  };
}

/**
 * Takes WAL checkpoints off the commit path. The writer's automatic checkpoint is raised to
 * {@link SAFETY_NET_FRAMES}; a timer reads the WAL index and asks for a PASSIVE checkpoint
 * (which never blocks the writer) once `minFrames` wait, and a TRUNCATE on the writer's own
 * connection only after `idleMs` without a new frame. Durability is unchanged: commits are still fsynced in the WAL
 * (synchronous=FULL) and a checkpoint only copies committed pages. If the worker fails, the
 * writer's own automatic checkpoint at SQLite's default takes over and the branch goes on.
 */
export function startCheckpointer(db: Db, options: CheckpointerOptions = {}): Checkpointer {
  const opts = { ...checkpointerEnv(), ...options };
  const place = opts.place ?? 'commit';
  let runs = 0;
  let failures = 0;
  let degraded = false;
  const stats = () => ({ runs, failures, degraded });
  if (db.memory || place === 'commit') return { place, stats, stop: async () => undefined };
  const log = opts.log ?? (() => undefined);
  const probe = walProbe(db.name);
  const degrade = (e: Error) => {
    degraded = true;
    log('WAL checkpoint worker failed; the writer checkpoints itself again', { err: e.message });
    try {
      db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_FRAMES}`);
    } catch {
      // Already closed: nothing is left to checkpoint.
    }
  };
  const onWriter = mainRunner(db);
  const runner: CheckpointRunner = place === 'worker' ? workerRunner(db.name, degrade) : onWriter;
  db.pragma(`wal_autocheckpoint = ${SAFETY_NET_FRAMES}`);

  const minFrames = opts.minFrames ?? 200;
  const minIntervalMs = opts.minIntervalMs ?? 100;
  const idleMs = opts.idleMs ?? 30_000;
  const truncateBytes = opts.truncateBytes ?? 16 * 1024 * 1024;
  let busy = false;
  let lastRunAt = 0;
  let lastFrames = -1;
  let lastGrowthAt = Date.now();
  let lastError = '';

  function due(now: number): CheckpointMode | undefined {
    const frames = probe.frames();
    const unchecked = probe.unchecked();
    if (frames !== lastFrames) {
      lastFrames = frames ?? -1;
      lastGrowthAt = now;
    }
    if (now - lastRunAt < minIntervalMs) return undefined;
    // No wal-index to read (an unusual file system): checkpoint on time alone, every second.
    if (unchecked === undefined) return now - lastRunAt >= 1000 ? 'PASSIVE' : undefined;
    if (unchecked >= minFrames) return 'PASSIVE';
    if (now - lastGrowthAt >= idleMs && walBytes(db.name) > truncateBytes) return 'TRUNCATE';
    return undefined;
  }

  function record(mode: CheckpointMode, r: CheckpointResult): void {
    runs += 1;
    if (r.ok) {
      lastError = '';
      return;
    }
    failures += 1;
    // A full or failing disk fails every round: say so once, not every 100 ms.
    if (r.code !== lastError) log('WAL checkpoint failed', { mode, code: r.code, err: r.message });
    lastError = r.code;
  }

  const timer = setInterval(() => {
    if (busy || degraded) return;
    const now = Date.now();
    const mode = due(now);
    if (!mode) return;
    busy = true;
    lastRunAt = now;
    // A TRUNCATE takes the write lock: from another connection it would make a change that
    // already read in its transaction fail with SQLITE_BUSY, so it runs on the writer's own.
    void (mode === 'TRUNCATE' ? onWriter : runner).run(mode).then((r) => {
      busy = false;
      // After a failure, wait a second before the next try (lastRunAt is in the future).
      if (!r.ok) lastRunAt = Date.now() + 1000 - minIntervalMs;
      record(mode, r);
    });
  }, opts.pollMs ?? 50);
  timer.unref();

  let stopped: Promise<void> | undefined;
  return {
    place,
    stats,
    stop() {
      stopped ??= (async () => {
        clearInterval(timer);
        await runner.stop();
        probe.close();
      })();
      return stopped;
    },
  };
}

/** The WAL file's size in bytes (0 when there is none). */
function walBytes(dbPath: string): number {
  try {
    return statSync(`${dbPath}-wal`).size;
  } catch {
    return 0;
  }
}

/** Checkpoints on the writer's own connection (the event loop waits for them). */
function mainRunner(db: Db): CheckpointRunner {
  return {
    run(mode) {
      try {
        const [r] = db.pragma(`wal_checkpoint(${mode})`) as {
          busy: number;
          log: number;
          checkpointed: number;
        }[];
        return Promise.resolve({ ok: true, ...r! });
      } catch (e) {
        const code = String((e as { code?: unknown }).code ?? 'ERROR');
        return Promise.resolve({ ok: false, code, message: (e as Error).message });
      }
    },
    stop: async () => undefined,
  };
}
