// Owned by the branch day (branch-server/src/domain/end-of-day.ts): tickets left waiting, called
// or parked when the day ends get their own final state, 'expired', counted apart from
// cancellations and no-shows. No service time and no histogram: nobody was served.
const EXPIRED_ROW = `INSERT INTO stats_daily (day, service_id, counter_id, clerk, expired)
      VALUES (NEW.day, NEW.service_id, COALESCE(NEW.counter_id, 0), COALESCE(NEW.clerk, ''), 1)
      ON CONFLICT DO UPDATE SET expired = expired + 1;`;

/** Step 8: the 'expired' outcome of a branch day's leftovers in the daily statistics. */
export const expiredOutcome = `
  ALTER TABLE stats_daily ADD COLUMN expired INTEGER NOT NULL DEFAULT 0;
  CREATE TRIGGER stats_expired AFTER UPDATE OF state ON tickets
    WHEN NEW.state = 'expired' AND OLD.state <> 'expired' BEGIN
    ${EXPIRED_ROW}
  END;
  CREATE TRIGGER stats_import_expired AFTER INSERT ON tickets WHEN NEW.state = 'expired' BEGIN
    ${EXPIRED_ROW}
  END;
  `;
