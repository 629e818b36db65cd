// Owned by branch-server/src/notify. A contact lives only in notify_contacts, until its visit
// ends or its day passes; outbox rows carry no address, so erasing the contact is the whole
// erasure. One row per event per client and channel.
/** Step 6: client notifications (contacts and their outbox). */
export const notifications = `
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
  `;
