import type { ProfileConfirmationRecord } from '../domain/profile-confirmation';
import type { Db } from './database';

interface ConfirmationRow {
  id: string;
  registration_id: string;
  login: string;
  decision: 'confirm' | 'refuse';
  decided_at: string;
  actor: string;
  document_type: NonNullable<ProfileConfirmationRecord['document']>['type'] | null;
  document_masked: string | null;
  document_valid_until: string | null;
  reason: string | null;
}

const toRecord = (r: ConfirmationRow): ProfileConfirmationRecord => ({
  id: r.id,
  registrationId: r.registration_id,
  login: r.login,
  decision: r.decision,
  decidedAt: r.decided_at,
  actor: r.actor,
  document:
    r.document_type && r.document_masked
      ? {
          type: r.document_type,
          maskedNumber: r.document_masked,
          validUntil: r.document_valid_until,
        }
      : null,
  reason: r.reason,
});

/** The append-only audit of profile confirmations (table `profile_confirmations`, step 11). */
export function profileConfirmationRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO profile_confirmations (id, registration_id, login, decision, decided_at, actor,
       document_type, document_masked, document_valid_until, reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const byRegistration = db.prepare(
    'SELECT * FROM profile_confirmations WHERE registration_id = ?',
  );
  const all = db.prepare('SELECT * FROM profile_confirmations ORDER BY decided_at, rowid');
  return {
    /** Appends inside the caller's transaction; a second decision on a registration throws. */
    save(r: ProfileConfirmationRecord): void {
      insert.run(
        r.id,
        r.registrationId,
        r.login,
        r.decision,
        r.decidedAt,
        r.actor,
        r.document?.type ?? null,
        r.document?.maskedNumber ?? null,
        r.document?.validUntil ?? null,
        r.reason,
      );
    },
    /** The branch's decision on a registration, if it made one. */
    forRegistration(registrationId: string): ProfileConfirmationRecord | undefined {
      const row = byRegistration.get(registrationId) as ConfirmationRow | undefined;
      return row && toRecord(row);
    },
    /** Every decision, oldest first. */
    list(): ProfileConfirmationRecord[] {
      return (all.all() as ConfirmationRow[]).map(toRecord);
    },
  };
}
/** Profile confirmation audit access. */
export type ProfileConfirmationRepo = ReturnType<typeof profileConfirmationRepo>;
