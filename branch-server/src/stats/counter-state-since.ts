import type { Db } from '../store';

const sinceCache = new WeakMap<Db, () => Map<number, string>>();

/** Time of each counter's last state change (open, break, close), from the event log index. */
export function counterStateSince(db: Db): Map<number, string> {
  let read = sinceCache.get(db);
  if (!read) {
    const stmt = db.prepare(
      `SELECT counter_id AS id, at FROM events WHERE seq IN
         (SELECT MAX(seq) FROM events WHERE counter_id IS NOT NULL GROUP BY counter_id)`,
    );
    read = () => new Map((stmt.all() as { id: number; at: string }[]).map((r) => [r.id, r.at]));
    sinceCache.set(db, read);
  }
  return read();
}
