// Issue 16: a clerk confirms (or refuses) an online PUE registration against an identity
// document, and the decision travels to the portal through the outbox. The outbox's `kind` is a
// CHECK constraint (step 2), which SQLite cannot alter: the table is rebuilt with the new kind,
// rows and ids kept (AUTOINCREMENT continues after the highest id copied). The confirmations
// table is append-only, the audit of who confirmed whom against which document; the document
// number is kept masked, the PESEL not at all (the portal has it; the registration id names it).

/** Step 11: the 'profile-confirmation' outbox kind and the audit of profile confirmations. */
export const profileConfirmations = `
  CREATE TABLE outbox_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL
      CHECK (kind IN ('document', 'visit-outcome', 'daily-stats', 'profile-confirmation')),
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
  INSERT INTO outbox_new (id, kind, idempotency_key, ref, payload, created_at, attempts,
      next_attempt_ms, last_error, state, delivered_at, response)
    SELECT id, kind, idempotency_key, ref, payload, created_at, attempts, next_attempt_ms,
      last_error, state, delivered_at, response FROM outbox;
  DROP TABLE outbox;
  ALTER TABLE outbox_new RENAME TO outbox;
  CREATE INDEX outbox_due ON outbox(next_attempt_ms) WHERE state = 'pending';
  CREATE TABLE profile_confirmations (
    id TEXT PRIMARY KEY,
    registration_id TEXT NOT NULL UNIQUE,
    login TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('confirm', 'refuse')),
    decided_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    document_type TEXT CHECK (document_type IN ('dowod-osobisty', 'paszport', 'karta-pobytu')),
    document_masked TEXT,
    document_valid_until TEXT,
    reason TEXT
  );
  `;
