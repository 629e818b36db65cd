// A kiosk retries a write with the same Idempotency-Key until it gets an answer. The answers
// were kept in memory only, so a retry that spanned a server restart (the answer lost in the
// crash, the kiosk still retrying) ran again and printed a second ticket. They are kept here
// too, for the same ten minutes; the key already includes the caller.

/** Step 14: answers to idempotent writes, replayed to a retry after a restart. */
export const keptAnswers = `
  CREATE TABLE kept_answers (
    key TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    kept_at INTEGER NOT NULL,
    status INTEGER NOT NULL,
    content_type TEXT,
    payload BLOB NOT NULL
  );
  CREATE INDEX kept_answers_at ON kept_answers(kept_at);
  `;
