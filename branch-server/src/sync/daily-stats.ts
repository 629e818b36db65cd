import type { PueDailyServiceStats, PueDailyStats } from '@skr/protocol';
import type { Db } from '../store';
import type { OutboxRepo } from './outbox-repo';

/** Idempotency key of a day's statistics report. */
const statsKey = (day: string) => `stats:${day}`;

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/**
 * A day's numbers per service: the day's aggregate rows (`stats_daily`, kept by the database's
 * triggers), the same figures the manager's statistics show. Final once the day has ended.
 */
function dailyStats(db: Db, day: string): PueDailyStats {
  const rows = db
    .prepare(
      `SELECT service_id AS serviceId, SUM(issued) AS issued, SUM(booked) AS booked,
         SUM(served) AS served, SUM(no_show) AS noShow, SUM(cancelled) AS cancelled,
         SUM(expired) AS expired,
         CASE WHEN SUM(wait_n) > 0 THEN SUM(wait_sum) / SUM(wait_n) END AS avgWaitMinutes,
         CASE WHEN SUM(service_n) > 0 THEN SUM(service_sum) / SUM(service_n) END
           AS avgServiceMinutes
       FROM stats_daily WHERE day = ? GROUP BY service_id ORDER BY service_id`,
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
 * Queues the statistics of every closed day: before `today`, with tickets, none of them still
 * active (the end of the day has resolved its leftovers, so the aggregate is final), and no
 * report yet. Each day once, in one transaction with its outbox row. Returns the days queued.
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
             (SELECT 1 FROM outbox WHERE idempotency_key = 'stats:' || tickets.day)
           EXCEPT SELECT day FROM tickets
             WHERE state IN ('waiting', 'called', 'serving', 'parked') AND day < ?
           ORDER BY day`,
        )
        .all(today, today) as { day: string }[]
    ).map((r) => r.day);
    for (const day of days)
      outbox.enqueue('daily-stats', statsKey(day), day, dailyStats(db, day), at, dueMs);
    return days;
  })();
}
