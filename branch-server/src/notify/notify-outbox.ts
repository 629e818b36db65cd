import type { Db } from '../store';
import type { Channel, MessageKind, RenderedMessage } from './types';

/** The one key of a message: per event, per client (visit) and channel. */
export const keyOf = (kind: string, ref: string, channel: Channel) => `${kind}|${ref}|${channel}`;

/** A notification waiting to be sent; the address is read from the contact at send time. */
export interface NotifyItem {
  id: number;
  idempotencyKey: string;
  kind: MessageKind;
  ref: string;
  channel: Channel;
  payload: string | null;
  attempts: number;
}

/** One send's outcome; recorded with the others of its round in one transaction. */
export type NotifyResult =
  | { id: number; state: 'sent'; at: string }
  | { id: number; state: 'retry'; retryAtMs: number; error: string; counts: boolean }
  | { id: number; state: 'failed' | 'dropped'; error: string };

/** Counts for the manager: never addresses, never texts. */
export interface NotifyCounts {
  sent: number;
  failed: number;
  pending: number;
  dropped: number;
}

/** The notification outbox: `enqueue` runs inside the change's transaction. */
export function notifyOutbox(db: Db) {
  const insert = db.prepare(
    `INSERT INTO notify_outbox (idempotency_key, kind, ref, channel, payload, created_at, next_attempt_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
  );
  const due = db.prepare(
    `SELECT id, idempotency_key AS idempotencyKey, kind, ref, channel, payload, attempts
     FROM notify_outbox WHERE state = 'pending' AND next_attempt_ms <= ?
     ORDER BY next_attempt_ms, id LIMIT ?`,
  );
  const nextDue = db.prepare(
    `SELECT MIN(next_attempt_ms) AS at FROM notify_outbox WHERE state = 'pending'`,
  );
  // Payload (the text, with names and times) goes once the message has left. A message dropped
  // while it was in flight (the visit ended during the send) did leave: it counts as sent.
  const sent = db.prepare(
    `UPDATE notify_outbox SET state = 'sent', sent_at = ?, payload = NULL, attempts = attempts + 1,
       last_error = NULL WHERE id = ? AND state IN ('pending', 'dropped')`,
  );
  const retry = db.prepare(
    `UPDATE notify_outbox SET attempts = attempts + ?, next_attempt_ms = ?, last_error = ?
     WHERE id = ? AND state = 'pending'`,
  );
  const close = db.prepare(
    `UPDATE notify_outbox SET state = ?, payload = NULL, last_error = ? WHERE id = ? AND state = 'pending'`,
  );
  const dropRef = db.prepare(
    `UPDATE notify_outbox SET state = 'dropped', payload = NULL, last_error = ?
     WHERE ref = ? AND state = 'pending' AND (? IS NULL OR kind = ?)`,
  );
  const counts = db.prepare(`SELECT state, COUNT(*) AS n FROM notify_outbox GROUP BY state`);
  const exists = db.prepare(`SELECT 1 FROM notify_outbox WHERE idempotency_key = ?`);
  return {
    /** Adds the message of `kind` about `ref` on `channel` unless queued before; true when added. */
    enqueue(
      kind: MessageKind,
      ref: string,
      channel: Channel,
      message: RenderedMessage,
      at: Date,
      dueMs: number,
    ): boolean {
      return (
        insert.run(
          keyOf(kind, ref, channel),
          kind,
          ref,
          channel,
          JSON.stringify(message),
          at.toISOString(),
          dueMs,
        ).changes === 1
      );
    },
    has(key: string): boolean {
      return exists.get(key) !== undefined;
    },
    due(nowMs: number, limit: number): NotifyItem[] {
      return due.all(nowMs, limit) as NotifyItem[];
    },
    nextDueMs(): number | undefined {
      return (nextDue.get() as { at: number | null }).at ?? undefined;
    },
    /** Records a round's outcomes in one transaction. */
    record(results: NotifyResult[]): void {
      db.transaction(() => {
        for (const r of results) {
          if (r.state === 'sent') sent.run(r.at, r.id);
          else if (r.state === 'retry') retry.run(r.counts ? 1 : 0, r.retryAtMs, r.error, r.id);
          else close.run(r.state, r.error, r.id);
        }
      })();
    },
    /** Drops what is still pending for `ref` (all kinds, or one); answers how many. */
    drop(ref: string, why: string, kind?: MessageKind): number {
      return dropRef.run(why, ref, kind ?? null, kind ?? null).changes;
    },
    counts(): NotifyCounts {
      const out: NotifyCounts = { sent: 0, failed: 0, pending: 0, dropped: 0 };
      for (const r of counts.all() as { state: keyof NotifyCounts; n: number }[])
        out[r.state] = r.n;
      return out;
    },
  };
}
