import type { Db } from '../store';

/** Keys of the booking pull's state in sync_state. */
export const BOOKING_KEYS = {
  cursor: 'bookings.cursor',
  lastPullAt: 'bookings.lastPullAt',
  lastError: 'bookings.lastError',
} as const;

/** Small persistent key/value state of the sync (booking cursor, last pull, last error). */
export function syncState(db: Db) {
  const get = db.prepare(`SELECT value FROM sync_state WHERE key = ?`);
  const put = db.prepare(
    `INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  const del = db.prepare(`DELETE FROM sync_state WHERE key = ?`);
  return {
    get(key: string): string | null {
      return (get.get(key) as { value: string } | undefined)?.value ?? null;
    },
    /** Sets (or with null removes) a key; runs inside the caller's transaction if any. */
    set(key: string, value: string | null): void {
      if (value === null) del.run(key);
      else put.run(key, value);
    },
  };
}
/** Sync state access. */
export type SyncStateRepo = ReturnType<typeof syncState>;
