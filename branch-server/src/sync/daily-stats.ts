import type { PueDailyServiceStats, PueDailyStats } from '@skr/protocol';
import type { Db } from '../store';
import type { OutboxRepo } from './outbox-repo';

/** Idempotency key of a day's statistics report. */
export const statsKey = (day: string) => `stats:${day}`;

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/** A day's numbers per service, from the tickets table. */
export function dailyStats(db: Db, day: string): PueDailyStats {
  const rows = db
    .prepare(
      `SELECT service_id AS serviceId,
         COUNT(*) AS issued,
         SUM(booking_code IS NOT NULL) AS booked,
         SUM(state = 'done') AS served,
         SUM(state = 'no-show') AS noShow,
         SUM(state = 'cancelled') AS cancelled,
         AVG(CASE WHEN called_at IS NOT NULL
           THEN MAX(0, (julianday(called_at) - julianday(line_at)) * 1440) END) AS avgWaitMinutes,
         AVG(CASE WHEN state = 'done' AND started_at IS NOT NULL
           THEN (julianday(finished_at) - julianday(started_at)) * 1440 END) AS avgServiceMinutes
       FROM tickets WHERE day = ? GROUP BY service_id ORDER BY service_id`,
    )
    .all(day) as PueDailyServiceStats[];
  return {
    day,
    services: rows.map((r) => ({
      ...r,
      avgWaitMinutes: round1(r.avgWaitMinutes),
      avgServiceMinutes: round1(r.avgServiceMinutes),
    })),
  };
}

/**
 * Queues the statistics of every day before `today` that has tickets and no report yet
 * (each day once, in one transaction with its outbox row). Returns the days queued.
 */
export function enqueueClosedDays(
  db: Db,
  outbox: OutboxRepo,
  today: string,
  at: Date,
  dueMs: number,
): string[] {
  return db.transaction(() => {
    const days = (
      db
        .prepare(
          `SELECT DISTINCT day FROM tickets WHERE day < ? AND NOT EXISTS
             (SELECT 1 FROM outbox WHERE idempotency_key = 'stats:' || tickets.day) ORDER BY day`,
        )
        .all(today) as { day: string }[]
    ).map((r) => r.day);
    for (const day of days)
      outbox.enqueue('daily-stats', statsKey(day), day, dailyStats(db, day), at, dueMs);
    return days;
  })();
}
