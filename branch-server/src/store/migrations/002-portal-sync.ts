// Owned by branch-server/src/sync. The outbox row of a change is written in the change's own
// transaction; delivery is at least once under a stable idempotency key.
/** Step 2: portal sync (outbox, dropped-off documents, sync state, portal columns of bookings). */
export const portalSync = `
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
  `;
