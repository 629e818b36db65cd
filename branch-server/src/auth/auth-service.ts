import { access } from '@skr/protocol/routes';
import { randomUUID } from 'node:crypto';
import { SkrError, type DeviceKind, type Principal, type Role } from '@skr/protocol';
import type { AuthRepo } from '../store';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';
import { assertStaffPassword } from './password-policy';
import { newToken, tokenHash } from './tokens';

/** Staff sessions last one working day. */
const SESSION_HOURS = 12;
/** A device credential lives 30 days unless the device refreshes it first. */
export const DEVICE_TOKEN_TTL_MS = 30 * 24 * 3600_000;
/** After a refresh the previous credential keeps working this long (requests in flight). */
export const DEVICE_TOKEN_OVERLAP_MS = 10 * 60_000;

/** When a device credential issued at `now` expires (for pairing paths outside this service). */
function deviceTokenExpiresAt(now: Date, ttlMs = DEVICE_TOKEN_TTL_MS): string {
  return new Date(now.getTime() + ttlMs).toISOString();
}

/** Lifetimes of credentials (defaults above; tests shorten them). */
interface AuthOptions {
  deviceTokenTtlMs?: number;
  deviceTokenOverlapMs?: number;
}

/** A device credential as handed to the device: shown once, only its hash is kept. */
export interface DeviceCredential {
  token: string;
  /** When the token stops working (ISO). */
  expiresAt: string;
  /** When the device should refresh it (two thirds into its life, ISO). */
  refreshAfter: string;
}

/** The caller behind a valid token. */
export interface Caller {
  subject: string;
  principal: Principal;
}

/** Logins, device pairing and token checks. */
export function authService(repo: AuthRepo, now: () => Date, opts: AuthOptions = {}) {
  const ttl = opts.deviceTokenTtlMs ?? DEVICE_TOKEN_TTL_MS;
  const overlap = opts.deviceTokenOverlapMs ?? DEVICE_TOKEN_OVERLAP_MS;
  const at = (ms: number) => new Date(now().getTime() + ms).toISOString();
  /** The caller of a token, or UNAUTHORIZED. */
  function authenticate(token: string | undefined): Caller {
    if (!token) throw new SkrError('UNAUTHORIZED', 'a token is required');
    const hash = tokenHash(token);
    const grant = repo.token(hash);
    if (!grant || (grant.expiresAt !== null && grant.expiresAt <= now().toISOString())) {
      throw new SkrError('UNAUTHORIZED', 'the token is invalid or expired');
    }
    // A device token without an expiry (paired before credentials expired, or by a path that
    // does not set one) gets one lifetime from its first use, so none lives for ever.
    if (grant.expiresAt === null && grant.subject.startsWith('device:'))
      repo.shortenToken(hash, at(ttl));
    return { subject: grant.subject, principal: grant.principal };
  }
  /** Issues a fresh credential for a device subject. */
  function issueDevice(subject: string, principal: Principal): DeviceCredential {
    const token = newToken();
    const expiresAt = deviceTokenExpiresAt(now(), ttl);
    repo.addToken(tokenHash(token), { subject, principal, expiresAt });
    return { token, expiresAt, refreshAfter: at((ttl * 2) / 3) };
  }
  return {
    /** Checks the password (slowly, also for unknown users) and opens a session. */
    async login(username: string, password: string) {
      const user = repo.user(username);
      const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !user.active || !ok) {
        throw new SkrError('UNAUTHORIZED', 'wrong username or password');
      }
      const token = newToken();
      const expiresAt = new Date(now().getTime() + SESSION_HOURS * 3600_000).toISOString();
      repo.addToken(tokenHash(token), {
        subject: `user:${user.username}`,
        principal: user.role,
        expiresAt,
      });
      return { token, role: user.role, username: user.username, expiresAt };
    },
    /** Creates a staff account; INVALID (Polish reason) unless the password passes the policy. */
    async createUser(username: string, role: Role, password: string): Promise<void> {
      assertStaffPassword(password, username);
      repo.saveUser({ username, role, passwordHash: await hashPassword(password), active: true });
    },
    /** Pairs a device; its token is shown once and never stored, and expires unless refreshed. */
    createDevice(kind: DeviceKind, name: string): { id: string } & DeviceCredential {
      const id = randomUUID();
      repo.addDevice({ id, kind, name, createdAt: now().toISOString(), revokedAt: null });
      return { id, ...issueDevice(`device:${id}`, kind) };
    },
    /**
     * Rotates a device credential: a new token with a full lifetime; the presented one keeps
     * working only for the overlap. UNAUTHORIZED for an expired or revoked token (revoking the
     * device revokes every token it was ever given), FORBIDDEN for a staff session.
     */
    refreshDevice(token: string | undefined): DeviceCredential {
      const caller = authenticate(token);
      if (!caller.subject.startsWith('device:'))
        throw new SkrError('FORBIDDEN', 'only device credentials are refreshed');
      const next = issueDevice(caller.subject, caller.principal);
      repo.shortenToken(tokenHash(token!), at(overlap));
      return next;
    },
    /** The paired devices (revoked ones included, with their revocation time). */
    devices: () => repo.devices(),
    revokeDevice(id: string): void {
      if (!repo.revokeDevice(id, now().toISOString()))
        throw new SkrError('NOT_FOUND', `no active device ${id}`);
    },
    logout(token: string): void {
      repo.revokeToken(tokenHash(token));
    },
    /** The caller of a token, or UNAUTHORIZED. */
    authenticate,
  };
}
export type AuthService = ReturnType<typeof authService>;

/** Who may do what: the route table's roles, also checked on every socket namespace. */
export const allowed = access;

/** FORBIDDEN unless the caller's principal is in `who`. */
export function requireRole(caller: Caller, who: readonly Principal[]): void {
  if (!who.includes(caller.principal)) {
    throw new SkrError('FORBIDDEN', `${caller.principal} may not do this`);
  }
}
