import { LAST_BUCKET } from '../stats-buckets';
import { FINAL_BODY, WAIT_BODY, histogramBackfill, serviceMinutes, waitMinutes } from './stats-sql';

// Owned by branch-server/src/stats and branch-server/src/config-admin. Triggers fold every
// ticket change into per-day summaries in the change's own transaction, so a 5-year report
// reads summaries, never raw tickets. The SQL text this builds must stay byte for byte what
// shipped (migrations.test.ts pins its digest).
/** Step 3: manager statistics (daily sums, histograms, hourly arrivals) and the configuration audit. */
export const statistics = `
  ALTER TABLE tickets ADD COLUMN clerk TEXT;
  -- Counts and exact sums per day x matter x counter x clerk (counter 0 / clerk '' = none yet).
  CREATE TABLE stats_daily (
    day TEXT NOT NULL,
    service_id TEXT NOT NULL,
    counter_id INTEGER NOT NULL,
    clerk TEXT NOT NULL,
    issued INTEGER NOT NULL DEFAULT 0,
    booked INTEGER NOT NULL DEFAULT 0,
    served INTEGER NOT NULL DEFAULT 0,
    no_show INTEGER NOT NULL DEFAULT 0,
    cancelled INTEGER NOT NULL DEFAULT 0,
    wait_n INTEGER NOT NULL DEFAULT 0,
    wait_sum REAL NOT NULL DEFAULT 0,
    service_n INTEGER NOT NULL DEFAULT 0,
    service_sum REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (day, service_id, counter_id, clerk)
  ) WITHOUT ROWID;
  -- 1-minute histograms (bucket ${LAST_BUCKET} = 4 h or more) of waits ('w') and service times ('s'),
  -- per matter ('s'), counter ('c') and clerk ('k') and day; the same per month under 'S', 'C',
  -- 'K' with day = YYYY-MM. One row holds a whole histogram as a JSON object (bucket -> count),
  -- so a week's report reads hundreds of rows, not one per ticket; b = the bucket last counted.
  CREATE TABLE stats_hist (
    dim TEXT NOT NULL,
    day TEXT NOT NULL,
    key TEXT NOT NULL,
    metric TEXT NOT NULL,
    b INTEGER NOT NULL,
    counts TEXT NOT NULL,
    PRIMARY KEY (dim, day, key, metric)
  ) WITHOUT ROWID;
  -- Arrivals per local day, UTC hour and matter (the reader shifts hours to local time).
  CREATE TABLE stats_hourly (
    day TEXT NOT NULL,
    utc_hour INTEGER NOT NULL,
    service_id TEXT NOT NULL,
    issued INTEGER NOT NULL,
    PRIMARY KEY (day, utc_hour, service_id)
  ) WITHOUT ROWID;

  CREATE TRIGGER stats_issue AFTER INSERT ON tickets BEGIN
    INSERT INTO stats_daily (day, service_id, counter_id, clerk, issued, booked)
      VALUES (NEW.day, NEW.service_id, COALESCE(NEW.counter_id, 0), COALESCE(NEW.clerk, ''), 1,
        NEW.booking_code IS NOT NULL)
      ON CONFLICT DO UPDATE SET issued = issued + 1, booked = booked + excluded.booked;
    INSERT INTO stats_hourly (day, utc_hour, service_id, issued)
      VALUES (NEW.day, CAST(substr(NEW.issued_at, 12, 2) AS INTEGER), NEW.service_id, 1)
      ON CONFLICT DO UPDATE SET issued = issued + 1;
  END;
  -- Whoever calls a ticket is its clerk (the last caller after a transfer).
  CREATE TRIGGER stats_clerk AFTER UPDATE OF state ON tickets
    WHEN OLD.state = 'waiting' AND NEW.state = 'called' BEGIN
    UPDATE tickets SET clerk = (SELECT clerk FROM counters WHERE id = NEW.counter_id)
      WHERE id = NEW.id;
  END;
  -- The wait until the first call, from the line entry (booked time for a punctual booking).
  CREATE TRIGGER stats_first_call AFTER UPDATE OF state ON tickets
    WHEN OLD.state = 'waiting' AND NEW.state = 'called' AND NEW.transfers = 0
      AND OLD.target_counter_id IS NULL BEGIN
${WAIT_BODY}
  END;
  CREATE TRIGGER stats_import_call AFTER INSERT ON tickets WHEN NEW.called_at IS NOT NULL BEGIN
${WAIT_BODY}
  END;
  CREATE TRIGGER stats_final AFTER UPDATE OF state ON tickets
    WHEN NEW.state IN ('done', 'no-show', 'cancelled')
      AND OLD.state NOT IN ('done', 'no-show', 'cancelled') BEGIN
${FINAL_BODY}
  END;
  CREATE TRIGGER stats_import_final AFTER INSERT ON tickets
    WHEN NEW.state IN ('done', 'no-show', 'cancelled') BEGIN
${FINAL_BODY}
  END;

  -- Tickets already there before this version (clerks unknown).
  INSERT INTO stats_daily (day, service_id, counter_id, clerk, issued, booked, served, no_show,
      cancelled, wait_n, wait_sum, service_n, service_sum)
    SELECT day, service_id, COALESCE(counter_id, 0), '', COUNT(*), SUM(booking_code IS NOT NULL),
      SUM(state = 'done'), SUM(state = 'no-show'), SUM(state = 'cancelled'),
      SUM(called_at IS NOT NULL),
      TOTAL(CASE WHEN called_at IS NOT NULL
        THEN MAX(0, ${waitMinutes('')}) END),
      SUM(state = 'done'),
      TOTAL(CASE WHEN state = 'done'
        THEN MAX(0, ${serviceMinutes('')}) END)
    FROM tickets GROUP BY 1, 2, 3;
  CREATE TEMP TABLE stats_hist_rows (dim TEXT, day TEXT, key TEXT, metric TEXT, bucket INTEGER, n INTEGER);
${histogramBackfill('s', 'w', 'called_at IS NOT NULL')}
${histogramBackfill('c', 'w', 'called_at IS NOT NULL')}
${histogramBackfill('s', 's', "state = 'done'")}
${histogramBackfill('c', 's', "state = 'done'")}
  INSERT INTO stats_hist_rows
    SELECT upper(dim), substr(day, 1, 7), key, metric, bucket, SUM(n) FROM stats_hist_rows
    GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO stats_hist (dim, day, key, metric, b, counts)
    SELECT dim, day, key, metric, 0, json_group_object(CAST(bucket AS TEXT), n) FROM stats_hist_rows
    GROUP BY 1, 2, 3, 4;
  DROP TABLE stats_hist_rows;
  INSERT INTO stats_hourly (day, utc_hour, service_id, issued)
    SELECT day, CAST(substr(issued_at, 12, 2) AS INTEGER), service_id, COUNT(*)
    FROM tickets GROUP BY 1, 2, 3;

  -- Missed bookings per period, and each counter's last state change, without a table scan.
  CREATE INDEX bookings_due ON bookings(status, booked_for);
  CREATE INDEX events_counter ON events(counter_id, seq) WHERE counter_id IS NOT NULL;

  -- Every configuration change: who, when, what (a JSON before/after per field).
  CREATE TABLE config_audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    action TEXT NOT NULL,
    diff TEXT NOT NULL
  );
  CREATE TRIGGER config_audit_append_only_update BEFORE UPDATE ON config_audit
    BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
  CREATE TRIGGER config_audit_append_only_delete BEFORE DELETE ON config_audit
    BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
  `;
