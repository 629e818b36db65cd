/** Step 1: the queue, the event log, users, devices, tokens, bookings and settings. */
export const initialSchema = `
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
  `;
