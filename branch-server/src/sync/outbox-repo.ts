import type { Db } from '../store';

/** What the outbox carries to the portal. */
export type OutboxKind = 'document' | 'visit-outcome' | 'daily-stats' | 'profile-confirmation';

/** A row waiting for delivery. */
export interface OutboxItem {
  id: number;
  kind: OutboxKind;
  idempotencyKey: string;
  /** Document id, ticket id or day: what the row is about. */
  ref: string;
  payload: string | null;
  attempts: number;
}

/** One delivery's result, recorded with the others of its batch in one transaction. */
export type DeliveryResult =
  | { id: number; ok: true; response: unknown; at: string }
  | { id: number; ok: false; retryAtMs: number; error: string }
  | { id: number; ok: false; retryAtMs: null; error: string };

/** Backlog numbers for the manager. */
interface OutboxStats {
  pending: number;
  failed: number;
  oldestAt: string | null;
  lastError: string | null;
  lastDeliveredAt: string | null;
}

/** The outbox table. `enqueue` is meant to run inside the caller's (the change's) transaction. */
export function outboxRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO outbox (kind, idempotency_key, ref, payload, created_at, next_attempt_ms)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
  );
  const due = db.prepare(
    `SELECT id, kind, idempotency_key AS idempotencyKey, ref, payload, attempts FROM outbox
     WHERE state = 'pending' AND next_attempt_ms <= ? ORDER BY next_attempt_ms, id LIMIT ?`,
  );
  const nextDue = db.prepare(
    `SELECT MIN(next_attempt_ms) AS at FROM outbox WHERE state = 'pending'`,
  );
  const delivered = db.prepare(
    `UPDATE outbox SET state = 'delivered', delivered_at = ?, response = ?, payload = NULL,
       attempts = attempts + 1, last_error = NULL WHERE id = ? AND state = 'pending'`,
  );
  const retry = db.prepare(
    `UPDATE outbox SET attempts = attempts + 1, next_attempt_ms = ?, last_error = ? WHERE id = ?`,
  );
  const failed = db.prepare(
    `UPDATE outbox SET attempts = attempts + 1, state = 'failed', last_error = ? WHERE id = ?`,
  );
  const wake = db.prepare(
    `UPDATE outbox SET next_attempt_ms = ? WHERE state = 'pending' AND next_attempt_ms > ?`,
  );
  const stats = db.prepare(
    `SELECT
       (SELECT COUNT(*) FROM outbox WHERE state = 'pending') AS pending,
       (SELECT COUNT(*) FROM outbox WHERE state = 'failed') AS failed,
       (SELECT MIN(created_at) FROM outbox WHERE state = 'pending') AS oldestAt,
       (SELECT last_error FROM outbox WHERE state != 'delivered' AND last_error IS NOT NULL
          ORDER BY id DESC LIMIT 1) AS lastError,
       (SELECT MAX(delivered_at) FROM outbox WHERE state = 'delivered') AS lastDeliveredAt`,
  );
  return {
    /** Adds a row unless its key exists; true when added. */
    enqueue(
      kind: OutboxKind,
      key: string,
      ref: string,
      payload: unknown,
      at: Date,
      dueMs: number,
    ): boolean {
      return (
        insert.run(kind, key, ref, JSON.stringify(payload), at.toISOString(), dueMs).changes === 1
      );
    },
    /** Pending rows due at `nowMs`, soonest first. */
    due(nowMs: number, limit: number): OutboxItem[] {
      return due.all(nowMs, limit) as OutboxItem[];
    },
    /** When the next pending row falls due (ms), or undefined when none is pending. */
    nextDueMs(): number | undefined {
      return (nextDue.get() as { at: number | null }).at ?? undefined;
    },
    /** Records results; `onDelivered` runs in the same transaction for each delivered row. */
    record(results: DeliveryResult[], onDelivered: (id: number, response: unknown) => void): void {
      db.transaction(() => {
        for (const r of results) {
          if (r.ok) {
            if (delivered.run(r.at, JSON.stringify(r.response), r.id).changes === 1)
              onDelivered(r.id, r.response);
          } else if (r.retryAtMs === null) failed.run(r.error, r.id);
          else retry.run(r.retryAtMs, r.error, r.id);
        }
      })();
    },
    /** Makes every waiting row due now (the portal answered again); count of rows woken. */
    wakeAll(nowMs: number): number {
      return wake.run(nowMs, nowMs).changes;
    },
    stats(): OutboxStats {
      return stats.get() as OutboxStats;
    },
  };
}
/** Outbox table access. */
export type OutboxRepo = ReturnType<typeof outboxRepo>;
