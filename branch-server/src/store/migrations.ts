import type Database from 'better-sqlite3';

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
