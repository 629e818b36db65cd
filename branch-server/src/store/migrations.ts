import type Database from 'better-sqlite3';
import { LAST_BUCKET, bucketSql } from './stats-buckets';

/** Schema changes in order; index + 1 is the schema version stored in `user_version`. */
const migrations: string[] = [
  `
  CREATE TABLE services (
    id TEXT PRIMARY KEY,
    prefix TEXT NOT NULL,
    names TEXT NOT NULL,
    descriptions TEXT,
    grp TEXT NOT NULL,
    ord INTEGER NOT NULL,
    target_wait_minutes INTEGER NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
  );
  CREATE TABLE counters (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    skills TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'closed',
    pause_reason TEXT,
    clerk TEXT
  );
  -- Last number issued per prefix per local day: the numbering survives restarts.
  CREATE TABLE day_sequences (
    day TEXT NOT NULL,
    prefix TEXT NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (day, prefix)
  ) WITHOUT ROWID;
  CREATE TABLE tickets (
    id TEXT PRIMARY KEY,
    number TEXT NOT NULL,
    service_id TEXT NOT NULL REFERENCES services(id),
    day TEXT NOT NULL,
    state TEXT NOT NULL,
    priority TEXT,
    booking_code TEXT,
    booked_for TEXT,
    lang TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    line_at TEXT NOT NULL,
    target_counter_id INTEGER,
    counter_id INTEGER,
    called_at TEXT,
    started_at TEXT,
    finished_at TEXT,
    recalls INTEGER NOT NULL DEFAULT 0,
    transfers INTEGER NOT NULL DEFAULT 0,
    UNIQUE (day, number)
  );
  CREATE INDEX tickets_active ON tickets(state) WHERE state IN ('waiting', 'called', 'serving', 'parked');
  CREATE INDEX tickets_day ON tickets(day, service_id);
  -- Append-only: every state change, in order. The resume point of every screen.
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    type TEXT NOT NULL,
    ticket_id TEXT,
    counter_id INTEGER,
    actor TEXT,
    payload TEXT NOT NULL
  );
  CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
  CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
  CREATE TABLE users (
    username TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
  );
  CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT
  );
  -- Only a hash of each token is kept.
  CREATE TABLE tokens (
    token_hash TEXT PRIMARY KEY,
    subject TEXT NOT NULL,
    principal TEXT NOT NULL,
    expires_at TEXT,
    revoked INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE bookings (
    code TEXT PRIMARY KEY,
    service_id TEXT NOT NULL,
    booked_for TEXT NOT NULL,
    status TEXT NOT NULL,
    ticket_id TEXT,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  // 2: portal sync (owned by branch-server/src/sync). The outbox row of a change is written in
  // the change's own transaction; delivery is at least once under a stable idempotency key.
  `
  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('document', 'visit-outcome', 'daily-stats')),
    idempotency_key TEXT NOT NULL UNIQUE,
    ref TEXT NOT NULL,
    payload TEXT,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_ms INTEGER NOT NULL,
    last_error TEXT,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
    delivered_at TEXT,
    response TEXT
  );
  CREATE INDEX outbox_due ON outbox(next_attempt_ms) WHERE state = 'pending';
  -- Dropped-off documents; content and submitter are erased once the portal has them.
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    form_code TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    pages INTEGER NOT NULL,
    lang TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB,
    submitter_pesel TEXT,
    received_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'delivered')),
    upp_id TEXT,
    upp_received_at TEXT
  );
  CREATE TABLE sync_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  ALTER TABLE bookings ADD COLUMN portal_id TEXT;
  ALTER TABLE bookings ADD COLUMN portal_version INTEGER;
  ALTER TABLE bookings ADD COLUMN portal_status TEXT;
  `,
  // 3: manager statistics (owned by branch-server/src/stats) and the configuration audit
  // (branch-server/src/config-admin). Triggers fold every ticket change into per-day summaries
  // in the change's own transaction, so a 5-year report reads summaries, never raw tickets.
  `
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
    INSERT INTO stats_daily (day, service_id, counter_id, clerk, wait_n, wait_sum)
      SELECT NEW.day, NEW.service_id, COALESCE(NEW.counter_id, 0),
        COALESCE(NEW.clerk, (SELECT clerk FROM counters WHERE id = NEW.counter_id), ''), 1,
        MAX(0, (julianday(NEW.called_at) - julianday(NEW.line_at)) * 1440) WHERE true
      ON CONFLICT DO UPDATE SET wait_n = wait_n + 1, wait_sum = wait_sum + excluded.wait_sum;
    INSERT INTO stats_hist (dim, day, key, metric, b, counts)
      SELECT CASE WHEN p.monthly THEN upper(d.dim) ELSE d.dim END,
        CASE WHEN p.monthly THEN substr(NEW.day, 1, 7) ELSE NEW.day END, d.key, 'w',
        w.b, json_object(CAST(w.b AS TEXT), 1)
      FROM (SELECT 's' AS dim, NEW.service_id AS key
        UNION ALL SELECT 'c', CAST(COALESCE(NEW.counter_id, 0) AS TEXT)
        UNION ALL SELECT 'k', COALESCE(NEW.clerk, (SELECT clerk FROM counters WHERE id = NEW.counter_id), '')) d,
        (SELECT 0 AS monthly UNION ALL SELECT 1) p,
        (SELECT ${bucketSql('(julianday(NEW.called_at) - julianday(NEW.line_at)) * 1440')} AS b) w
      WHERE true
      ON CONFLICT DO UPDATE SET b = excluded.b, counts = json_set(counts, '$."' || excluded.b || '"',
        COALESCE(json_extract(counts, '$."' || excluded.b || '"'), 0) + 1);
  END;
  CREATE TRIGGER stats_import_call AFTER INSERT ON tickets WHEN NEW.called_at IS NOT NULL BEGIN
    INSERT INTO stats_daily (day, service_id, counter_id, clerk, wait_n, wait_sum)
      SELECT NEW.day, NEW.service_id, COALESCE(NEW.counter_id, 0),
        COALESCE(NEW.clerk, (SELECT clerk FROM counters WHERE id = NEW.counter_id), ''), 1,
        MAX(0, (julianday(NEW.called_at) - julianday(NEW.line_at)) * 1440) WHERE true
      ON CONFLICT DO UPDATE SET wait_n = wait_n + 1, wait_sum = wait_sum + excluded.wait_sum;
    INSERT INTO stats_hist (dim, day, key, metric, b, counts)
      SELECT CASE WHEN p.monthly THEN upper(d.dim) ELSE d.dim END,
        CASE WHEN p.monthly THEN substr(NEW.day, 1, 7) ELSE NEW.day END, d.key, 'w',
        w.b, json_object(CAST(w.b AS TEXT), 1)
      FROM (SELECT 's' AS dim, NEW.service_id AS key
        UNION ALL SELECT 'c', CAST(COALESCE(NEW.counter_id, 0) AS TEXT)
        UNION ALL SELECT 'k', COALESCE(NEW.clerk, (SELECT clerk FROM counters WHERE id = NEW.counter_id), '')) d,
        (SELECT 0 AS monthly UNION ALL SELECT 1) p,
        (SELECT ${bucketSql('(julianday(NEW.called_at) - julianday(NEW.line_at)) * 1440')} AS b) w
      WHERE true
      ON CONFLICT DO UPDATE SET b = excluded.b, counts = json_set(counts, '$."' || excluded.b || '"',
        COALESCE(json_extract(counts, '$."' || excluded.b || '"'), 0) + 1);
  END;
  CREATE TRIGGER stats_final AFTER UPDATE OF state ON tickets
    WHEN NEW.state IN ('done', 'no-show', 'cancelled')
      AND OLD.state NOT IN ('done', 'no-show', 'cancelled') BEGIN
    INSERT INTO stats_daily (day, service_id, counter_id, clerk, served, no_show, cancelled,
        service_n, service_sum)
      SELECT NEW.day, NEW.service_id, COALESCE(NEW.counter_id, 0),
        COALESCE(NEW.clerk, (SELECT clerk FROM counters WHERE id = NEW.counter_id), ''),
        NEW.state = 'done', NEW.state = 'no-show', NEW.state = 'cancelled', NEW.state = 'done',
        CASE WHEN NEW.state = 'done'
          THEN MAX(0, (julianday(NEW.finished_at) - julianday(NEW.started_at)) * 1440) ELSE 0 END
      WHERE true
      ON CONFLICT DO UPDATE SET served = served + excluded.served, no_show = no_show + excluded.no_show,
        cancelled = cancelled + excluded.cancelled, service_n = service_n + excluded.service_n,
        service_sum = service_sum + excluded.service_sum;
    INSERT INTO stats_hist (dim, day, key, metric, b, counts)
      SELECT CASE WHEN p.monthly THEN upper(d.dim) ELSE d.dim END,
        CASE WHEN p.monthly THEN substr(NEW.day, 1, 7) ELSE NEW.day END, d.key, 's',
        w.b, json_object(CAST(w.b AS TEXT), 1)
      FROM (SELECT 's' AS dim, NEW.service_id AS key
        UNION ALL SELECT 'c', CAST(COALESCE(NEW.counter_id, 0) AS TEXT)
        UNION ALL SELECT 'k', COALESCE(NEW.clerk, (SELECT clerk FROM counters WHERE id = NEW.counter_id), '')) d,
        (SELECT 0 AS monthly UNION ALL SELECT 1) p,
        (SELECT ${bucketSql('(julianday(NEW.finished_at) - julianday(NEW.started_at)) * 1440')} AS b) w
      WHERE NEW.state = 'done'
      ON CONFLICT DO UPDATE SET b = excluded.b, counts = json_set(counts, '$."' || excluded.b || '"',
        COALESCE(json_extract(counts, '$."' || excluded.b || '"'), 0) + 1);
  END;
  CREATE TRIGGER stats_import_final AFTER INSERT ON tickets
    WHEN NEW.state IN ('done', 'no-show', 'cancelled') BEGIN
    INSERT INTO stats_daily (day, service_id, counter_id, clerk, served, no_show, cancelled,
        service_n, service_sum)
      SELECT NEW.day, NEW.service_id, COALESCE(NEW.counter_id, 0),
        COALESCE(NEW.clerk, (SELECT clerk FROM counters WHERE id = NEW.counter_id), ''),
        NEW.state = 'done', NEW.state = 'no-show', NEW.state = 'cancelled', NEW.state = 'done',
        CASE WHEN NEW.state = 'done'
          THEN MAX(0, (julianday(NEW.finished_at) - julianday(NEW.started_at)) * 1440) ELSE 0 END
      WHERE true
      ON CONFLICT DO UPDATE SET served = served + excluded.served, no_show = no_show + excluded.no_show,
        cancelled = cancelled + excluded.cancelled, service_n = service_n + excluded.service_n,
        service_sum = service_sum + excluded.service_sum;
    INSERT INTO stats_hist (dim, day, key, metric, b, counts)
      SELECT CASE WHEN p.monthly THEN upper(d.dim) ELSE d.dim END,
        CASE WHEN p.monthly THEN substr(NEW.day, 1, 7) ELSE NEW.day END, d.key, 's',
        w.b, json_object(CAST(w.b AS TEXT), 1)
      FROM (SELECT 's' AS dim, NEW.service_id AS key
        UNION ALL SELECT 'c', CAST(COALESCE(NEW.counter_id, 0) AS TEXT)
        UNION ALL SELECT 'k', COALESCE(NEW.clerk, (SELECT clerk FROM counters WHERE id = NEW.counter_id), '')) d,
        (SELECT 0 AS monthly UNION ALL SELECT 1) p,
        (SELECT ${bucketSql('(julianday(NEW.finished_at) - julianday(NEW.started_at)) * 1440')} AS b) w
      WHERE NEW.state = 'done'
      ON CONFLICT DO UPDATE SET b = excluded.b, counts = json_set(counts, '$."' || excluded.b || '"',
        COALESCE(json_extract(counts, '$."' || excluded.b || '"'), 0) + 1);
  END;

  -- Tickets already there before this version (clerks unknown).
  INSERT INTO stats_daily (day, service_id, counter_id, clerk, issued, booked, served, no_show,
      cancelled, wait_n, wait_sum, service_n, service_sum)
    SELECT day, service_id, COALESCE(counter_id, 0), '', COUNT(*), SUM(booking_code IS NOT NULL),
      SUM(state = 'done'), SUM(state = 'no-show'), SUM(state = 'cancelled'),
      SUM(called_at IS NOT NULL),
      TOTAL(CASE WHEN called_at IS NOT NULL
        THEN MAX(0, (julianday(called_at) - julianday(line_at)) * 1440) END),
      SUM(state = 'done'),
      TOTAL(CASE WHEN state = 'done'
        THEN MAX(0, (julianday(finished_at) - julianday(started_at)) * 1440) END)
    FROM tickets GROUP BY 1, 2, 3;
  CREATE TEMP TABLE stats_hist_rows (dim TEXT, day TEXT, key TEXT, metric TEXT, bucket INTEGER, n INTEGER);
  INSERT INTO stats_hist_rows
    SELECT 's', day, service_id, 'w',
      ${bucketSql('(julianday(called_at) - julianday(line_at)) * 1440')} AS b,
      COUNT(*) FROM tickets WHERE called_at IS NOT NULL GROUP BY 2, 3, 5;
  INSERT INTO stats_hist_rows
    SELECT 'c', day, CAST(counter_id AS TEXT), 'w',
      ${bucketSql('(julianday(called_at) - julianday(line_at)) * 1440')} AS b,
      COUNT(*) FROM tickets WHERE called_at IS NOT NULL AND counter_id IS NOT NULL GROUP BY 2, 3, 5;
  INSERT INTO stats_hist_rows
    SELECT 's', day, service_id, 's',
      ${bucketSql('(julianday(finished_at) - julianday(started_at)) * 1440')} AS b,
      COUNT(*) FROM tickets WHERE state = 'done' GROUP BY 2, 3, 5;
  INSERT INTO stats_hist_rows
    SELECT 'c', day, CAST(counter_id AS TEXT), 's',
      ${bucketSql('(julianday(finished_at) - julianday(started_at)) * 1440')} AS b,
      COUNT(*) FROM tickets WHERE state = 'done' AND counter_id IS NOT NULL GROUP BY 2, 3, 5;
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
  `,
  // 4: check-in by ID card (owned by branch-server/src/sync). The branch keeps only a keyed
  // hash of the PESEL from the bookings feed; the key ('pesel-hmac-key' in settings) is made
  // lazily by sync/pesel-hash.ts with Node's CSPRNG.
  `
  ALTER TABLE bookings ADD COLUMN pesel_hash TEXT;
  CREATE INDEX bookings_pesel ON bookings(pesel_hash) WHERE pesel_hash IS NOT NULL;
  `,
  // 5: one b-tree less to write per ticket: every query by day is served by UNIQUE (day, number).
  `
  DROP INDEX tickets_day;
  `,
  // 6: client notifications (owned by branch-server/src/notify). A contact lives only in
  // notify_contacts, until its visit ends or its day passes; outbox rows carry no address, so
  // erasing the contact is the whole erasure. One row per event per client and channel.
  `
  CREATE TABLE notify_contacts (
    ref TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
    address TEXT NOT NULL,
    lang TEXT NOT NULL,
    day TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (ref, channel)
  );
  CREATE TABLE notify_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    idempotency_key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    ref TEXT NOT NULL,
    channel TEXT NOT NULL,
    payload TEXT,
    state TEXT NOT NULL DEFAULT 'pending'
      CHECK (state IN ('pending', 'sent', 'failed', 'dropped')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_ms INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    last_error TEXT
  );
  CREATE INDEX notify_outbox_due ON notify_outbox(next_attempt_ms) WHERE state = 'pending';
  CREATE INDEX notify_outbox_ref ON notify_outbox(ref) WHERE state = 'pending';
  `,
  // Issue 14: the branch calendar (plan, visits, escrow ledger of moved places).
  `
  CREATE TABLE calendar_plan (id INTEGER PRIMARY KEY CHECK (id = 1), plan TEXT NOT NULL);
  CREATE TABLE calendar_visits (
    code TEXT PRIMARY KEY,
    person_key TEXT NOT NULL,
    service_id TEXT NOT NULL,
    start TEXT NOT NULL,
    day TEXT NOT NULL,
    side TEXT NOT NULL CHECK (side IN ('branch', 'portal')),
    channel TEXT NOT NULL CHECK (channel IN ('portal', 'kiosk', 'desk', 'manager')),
    status TEXT NOT NULL CHECK (status IN ('booked', 'cancelled')),
    booked_at TEXT NOT NULL
  );
  CREATE INDEX calendar_visits_day ON calendar_visits(day);
  CREATE INDEX calendar_visits_start ON calendar_visits(start) WHERE status = 'booked';
  CREATE TABLE calendar_ledger (
    unit_key TEXT PRIMARY KEY,
    day TEXT NOT NULL,
    owner TEXT NOT NULL CHECK (owner IN ('walk-in', 'branch', 'portal'))
  );
  CREATE INDEX calendar_ledger_day ON calendar_ledger(day);
  `,
];

/** Brings the schema to the newest version, one transaction per step. */
export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < migrations.length; v += 1) {
    db.transaction(() => {
      db.exec(migrations[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return migrations.length;
}
