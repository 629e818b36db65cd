// Issue 16: a clerk confirms (or refuses) an online PUE registration against an identity
// document, and the decision travels to the portal through the outbox. The outbox's `kind` is a
// CHECK constraint (step 2), which SQLite cannot alter: the table is rebuilt with the new kind,
// rows and ids kept (AUTOINCREMENT continues after the highest id copied). The confirmations
// table is append-only, the audit of who confirmed whom against which document; the document
// number is kept masked, the PESEL not at all (the portal has it; the registration id names it).

import { portalSync } from './002-portal-sync';

const KINDS_BEFORE = "CHECK (kind IN ('document', 'visit-outcome', 'daily-stats'))";
const KINDS_AFTER =
  "CHECK (kind IN ('document', 'visit-outcome', 'daily-stats', 'profile-confirmation'))";

/**
 * The outbox as step 2 made it, under a new name and with the new kind: taken from step 2's
 * text (which never changes, see migrations.test.ts) so the rebuilt table cannot drift from it.
 */
function rebuiltOutbox(): string {
  const create = /CREATE TABLE outbox \([\s\S]*?\n {2}\);/.exec(portalSync)?.[0];
  if (!create?.includes(KINDS_BEFORE)) throw new Error('step 2 no longer creates the outbox');
  return create
    .replace('CREATE TABLE outbox (', 'CREATE TABLE outbox_new (')
    .replace(KINDS_BEFORE, KINDS_AFTER);
}

/** Step 11: the 'profile-confirmation' outbox kind and the audit of profile confirmations. */
export const profileConfirmations = `
  ${rebuiltOutbox()}
  -- Same columns in the same order (one text, above), so * copies each to its place.
  INSERT INTO outbox_new SELECT * FROM outbox;
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
