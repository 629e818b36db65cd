// Profiles and the accounts a profile may enter: its own individual and payer accounts plus
// the individual accounts it holds a proxy for (shown as kind `proxy`).
import type { PueAccount, PueProfile, PueRole } from '@skr/protocol';
import { SkrError } from '@skr/protocol';
import type { PueContext } from './context';

/** A profile row as stored. */
export interface ProfileRow {
  id: string;
  pesel: string;
  login: string;
  password_hash: string;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  recovery_channel: 'sms' | 'email';
}

/** Stores a profile; PESEL and login are unique, so a taken one throws (other fields are ignored). */
export function insertProfile(ctx: PueContext, p: ProfileRow): void {
  ctx.db
    .prepare(
      `INSERT INTO profiles (id, pesel, login, password_hash, first_name, last_name, email, phone,
         recovery_channel) VALUES (@id, @pesel, @login, @password_hash, @first_name, @last_name,
         @email, @phone, @recovery_channel)`,
    )
    .run(p);
}

/** An account row joined with its owner's name. */
export interface AccountRow {
  id: string;
  kind: 'individual' | 'payer';
  owner_profile_id: string;
  label: string;
  nip: string | null;
  roles: string;
  balance_gr: number;
  initial_capital_gr: number | null;
  owner_name: string;
}

const ACCOUNT_SELECT = `SELECT a.*, p.first_name || ' ' || p.last_name AS owner_name
  FROM accounts a JOIN profiles p ON p.id = a.owner_profile_id`;

/** Roles column (`general,insured`) as a list. */
export function parseRoles(roles: string): PueRole[] {
  return roles ? (roles.split(',') as PueRole[]) : [];
}

/** The profile row by id, or NOT_FOUND. */
export function getProfileRow(ctx: PueContext, profileId: string): ProfileRow {
  const row = ctx.db.prepare('SELECT * FROM profiles WHERE id = ?').get(profileId) as
    ProfileRow | undefined;
  if (!row) throw new SkrError('NOT_FOUND', 'Profile not found');
  return row;
}

/** Finds the profile a login name or PESEL belongs to. */
export function findProfileByLogin(ctx: PueContext, login: string): ProfileRow | undefined {
  return ctx.db
    .prepare('SELECT * FROM profiles WHERE login = ? OR pesel = ?')
    .get(login.trim().toLowerCase(), login.trim()) as ProfileRow | undefined;
}

/** Every account `profileId` may enter, with how it may enter it. */
export function accessibleAccounts(
  ctx: PueContext,
  profileId: string,
): { row: AccountRow; kind: PueAccount['kind'] }[] {
  const own = ctx.db
    .prepare(`${ACCOUNT_SELECT} WHERE a.owner_profile_id = ? ORDER BY a.kind, a.id`)
    .all(profileId) as AccountRow[];
  const proxied = ctx.db
    .prepare(
      `${ACCOUNT_SELECT} JOIN proxies x ON x.account_id = a.id WHERE x.profile_id = ? ORDER BY a.id`,
    )
    .all(profileId) as AccountRow[];
  return [
    ...own.map((row) => ({ row, kind: row.kind })),
    ...proxied.map((row) => ({ row, kind: 'proxy' as const })),
  ];
}

/** The full profile as the API answers it. */
export function loadProfile(ctx: PueContext, profileId: string): PueProfile {
  const p = getProfileRow(ctx, profileId);
  const accounts: PueAccount[] = accessibleAccounts(ctx, profileId).map(({ row, kind }) => ({
    id: row.id,
    kind,
    label: kind === 'proxy' ? `Pełnomocnictwo: ${row.owner_name}` : row.label,
    ownerName: row.owner_name,
    ...(row.nip ? { nip: row.nip } : {}),
    roles: parseRoles(row.roles),
  }));
  return {
    id: p.id,
    pesel: p.pesel,
    firstName: p.first_name,
    lastName: p.last_name,
    email: p.email,
    phone: p.phone,
    recoveryChannel: p.recovery_channel,
    accounts,
  };
}
