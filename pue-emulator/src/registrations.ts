// Online registrations waiting for confirmation at a branch (issue 16). Someone without a
// trusted profile registers online (login, password, contact) and has 7 days to show an
// identity document at a branch; the clerk's decision arrives from the branch's outbox, once
// per the branch's confirmation id. Confirming creates the profile (with the password chosen
// at registration), so the ordinary password login (auth-password.ts) accepts it from then on;
// until then findProfileByLogin does not see the person at all.
import {
  confirmationLastDay,
  type PueRegistration,
  type PueRegistrationDecision,
  type PueRegistrationDecisionReceipt,
  type RegistrationLookup,
} from '@skr/protocol/profile-confirmation';
import { SkrError } from '@skr/protocol';
import { localDay } from '@skr/protocol/time-zone';
import { nowIso, type PueContext } from './context';
import { PORTAL_TIME_ZONE } from './portal-zone';
import { insertProfile, type ProfileRow } from './profiles';
import { newId, sha256Hex } from './secrets';

/** The registrations table (opened with the others in db.ts). */
export const REGISTRATIONS_SCHEMA = `
CREATE TABLE IF NOT EXISTS registrations (
  id TEXT PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  pesel TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  email TEXT,
  phone TEXT,
  recovery_channel TEXT NOT NULL CHECK (recovery_channel IN ('sms','email')),
  registered_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','confirmed','refused')),
  decided_at TEXT,
  reason TEXT,
  document_type TEXT,
  document_masked TEXT,
  branch_id TEXT,
  decision_key TEXT,
  decision_hash TEXT,
  received_at TEXT,
  profile_id TEXT REFERENCES profiles(id),
  UNIQUE (branch_id, decision_key)
);
CREATE INDEX IF NOT EXISTS registrations_pesel ON registrations (pesel);
`;

/** A registration row: the profile-to-be (same columns as a profile) and its confirmation. */
interface RegistrationRow extends ProfileRow {
  registered_at: string;
  status: 'pending' | 'confirmed' | 'refused';
  decided_at: string | null;
  reason: string | null;
  branch_id: string | null;
  decision_key: string | null;
  decision_hash: string | null;
  received_at: string | null;
  profile_id: string | null;
}

/** A registration as made online (demo data and tests place them directly). */
export interface NewRegistration {
  id?: string;
  login: string;
  pesel: string;
  passwordHash: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  recoveryChannel: 'sms' | 'email';
  registeredAt: string;
}

/** Stores a pending registration; answers its id. */
export function insertRegistration(ctx: PueContext, r: NewRegistration): string {
  const id = r.id ?? newId('reg');
  ctx.db
    .prepare(
      `INSERT INTO registrations (id, login, pesel, password_hash, first_name, last_name, email,
         phone, recovery_channel, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      r.login.toLowerCase(),
      r.pesel,
      r.passwordHash,
      r.firstName,
      r.lastName,
      r.email,
      r.phone,
      r.recoveryChannel,
      r.registeredAt,
    );
  return id;
}

/** True when a registration made at `registeredAt` may still be confirmed at `at`. */
function withinDeadline(registeredAt: string, at: string): boolean {
  return localDay(at, PORTAL_TIME_ZONE) <= confirmationLastDay(registeredAt, PORTAL_TIME_ZONE);
}

function toRegistration(ctx: PueContext, r: RegistrationRow): PueRegistration {
  const expired = r.status === 'pending' && !withinDeadline(r.registered_at, nowIso(ctx));
  return {
    registrationId: r.id,
    login: r.login,
    pesel: r.pesel,
    firstName: r.first_name,
    lastName: r.last_name,
    registeredAt: r.registered_at,
    status: expired ? 'expired' : r.status,
    decidedAt: r.decided_at,
    reason: r.reason,
  };
}

/** The newest registration of a PESEL or login (or the one with that id); NOT_FOUND otherwise. */
export function findRegistration(ctx: PueContext, q: RegistrationLookup): PueRegistration {
  const [column, value] =
    'pesel' in q
      ? ['pesel', q.pesel]
      : 'login' in q
        ? ['login', q.login]
        : ['id', q.registrationId];
  const row = ctx.db
    .prepare(
      `SELECT * FROM registrations WHERE ${column} = ? ORDER BY registered_at DESC, rowid DESC
       LIMIT 1`,
    )
    .get(value) as RegistrationRow | undefined;
  if (!row) throw new SkrError('NOT_FOUND', 'No online registration found');
  return toRegistration(ctx, row);
}

/** A CONFLICT whose `details.reason` the branch and the desk tell apart. */
const conflict = (reason: 'already-decided' | 'expired', message: string, status?: string) =>
  new SkrError('CONFLICT', message, { details: { reason, ...(status ? { status } : {}) } });

/** Creates the profile (and its individual account) from a confirmed registration. */
function activateProfile(ctx: PueContext, r: RegistrationRow): string {
  const taken = ctx.db
    .prepare('SELECT id FROM profiles WHERE pesel = ? OR login = ?')
    .get(r.pesel, r.login) as { id: string } | undefined;
  if (taken) throw conflict('already-decided', 'A profile with this PESEL or login exists');
  const profileId = newId('prf');
  insertProfile(ctx, { ...r, id: profileId });
  ctx.db
    .prepare(
      `INSERT INTO accounts (id, kind, owner_profile_id, label, roles) VALUES (?, 'individual', ?,
         'Konto indywidualne', 'general')`,
    )
    .run(newId('acc'), profileId);
  return profileId;
}

const receiptOf = (r: RegistrationRow): PueRegistrationDecisionReceipt => ({
  registrationId: r.id,
  status: r.status === 'confirmed' ? 'confirmed' : 'refused',
  profileId: r.profile_id,
  idempotencyKey: r.decision_key ?? '',
  receivedAt: r.received_at ?? '',
});

// A branch clock may run a little ahead; a decision from further in the future is refused.
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Applies a branch's decision once per (branch, key): the same key again answers the first
 * receipt. The 7-day rule is judged at `decidedAt` (when the clerk saw the document), so a
 * decision that waited in the outbox while the portal was down does not expire on the way.
 */
export function decideRegistration(
  ctx: PueContext,
  branchId: string,
  key: string,
  d: PueRegistrationDecision,
): { receipt: PueRegistrationDecisionReceipt; created: boolean } {
  const hash = sha256Hex(JSON.stringify(d));
  if (Date.parse(d.decidedAt) > ctx.now().getTime() + CLOCK_SKEW_MS)
    throw new SkrError('INVALID', 'decidedAt lies in the future');
  return ctx.db.transaction(() => {
    const replay = ctx.db
      .prepare('SELECT * FROM registrations WHERE branch_id = ? AND decision_key = ?')
      .get(branchId, key) as RegistrationRow | undefined;
    if (replay) {
      if (replay.decision_hash !== hash)
        throw new SkrError('CONFLICT', 'This idempotency key was used for a different decision');
      return { receipt: receiptOf(replay), created: false };
    }
    const r = ctx.db.prepare('SELECT * FROM registrations WHERE id = ?').get(d.registrationId) as
      RegistrationRow | undefined;
    if (!r) throw new SkrError('NOT_FOUND', 'No online registration found');
    if (r.status !== 'pending')
      throw conflict('already-decided', `The registration is already ${r.status}`, r.status);
    if (!withinDeadline(r.registered_at, d.decidedAt))
      throw conflict('expired', 'The registration is older than 7 days; register again online');
    const profileId = d.decision === 'confirm' ? activateProfile(ctx, r) : null;
    ctx.db
      .prepare(
        `UPDATE registrations SET status = ?, decided_at = ?, reason = ?, document_type = ?,
           document_masked = ?, branch_id = ?, decision_key = ?, decision_hash = ?,
           received_at = ?, profile_id = ? WHERE id = ?`,
      )
      .run(
        d.decision === 'confirm' ? 'confirmed' : 'refused',
        d.decidedAt,
        d.reason,
        d.document?.type ?? null,
        d.document?.maskedNumber ?? null,
        branchId,
        key,
        hash,
        nowIso(ctx),
        profileId,
        r.id,
      );
    const done = ctx.db.prepare('SELECT * FROM registrations WHERE id = ?').get(r.id);
    return { receipt: receiptOf(done as RegistrationRow), created: true };
  })();
}

/** Every registration as tests see it (status derived as the API answers it), oldest first. */
export function listRegistrations(
  ctx: PueContext,
): (PueRegistration & { branchId: string | null })[] {
  const rows = ctx.db
    .prepare('SELECT * FROM registrations ORDER BY registered_at, rowid')
    .all() as RegistrationRow[];
  return rows.map((r) => ({ ...toRegistration(ctx, r), branchId: r.branch_id }));
}
