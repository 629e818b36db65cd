import type { Db } from '../store';

interface Job<T> {
  work: () => T;
  afterStep: (value: T) => void;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: changes that arrive in the same turn of the event loop (several kiosks at
 * once) share one transaction and so one fsync of the WAL, with synchronous=FULL kept. Each
 * change runs in its own savepoint, so a refused change rolls back alone; `afterStep` lets the
 * next change see the previous one (memory state). Promises settle only after the outer
 * commit, i.e. once everything is on disk. If that commit fails, `onFailure` must rebuild the
 * memory state from the database, and every change of the group is rejected.
 */
export class GroupCommit {
  private pending: Job<unknown>[] = [];
  private scheduled = false;
  /** One savepoint wrapper for every change: building one per change was a measurable share. */
  private readonly step: (job: Job<unknown>) => unknown;

  constructor(
    private readonly db: Db,
    private readonly onFailure: () => void,
  ) {
    // A nested better-sqlite3 transaction is a SAVEPOINT.
    this.step = db.transaction((job: Job<unknown>) => job.work());
  }

  /** Queues a change; resolves with its result once it is durable. */
  run<T>(work: () => T, afterStep: (value: T) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, afterStep, resolve, reject } as Job<unknown>);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const jobs = this.pending;
    this.pending = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.db.transaction(() => {
        for (const job of jobs) {
          try {
            const value = this.step(job);
            job.afterStep(value);
            outcomes.push({ ok: true, value });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      })();
    } catch (error) {
      this.onFailure();
      for (const job of jobs) job.reject(error);
      return;
    }
    jobs.forEach((job, i) => {
      const o = outcomes[i]!;
      if (o.ok) job.resolve(o.value);
      else job.reject(o.error);
    });
  }
}
