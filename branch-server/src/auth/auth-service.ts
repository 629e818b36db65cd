import { randomUUID } from 'node:crypto';
import { SkrError, type DeviceKind, type Principal, type Role } from '@skr/protocol';
import type { AuthRepo } from '../store';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';
import { newToken, tokenHash } from './tokens';

/** Staff sessions last one working day. */
const SESSION_HOURS = 12;

/** The caller behind a valid token. */
export interface Caller {
  subject: string;
  principal: Principal;
}

/** Logins, device pairing and token checks. */
export function authService(repo: AuthRepo, now: () => Date) {
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
    async createUser(username: string, role: Role, password: string): Promise<void> {
      if (password.length < 12)
        throw new SkrError('INVALID', 'password needs at least 12 characters');
      repo.saveUser({ username, role, passwordHash: await hashPassword(password), active: true });
    },
    /** Pairs a device; its token is shown once and never stored. */
    createDevice(kind: DeviceKind, name: string) {
      const id = randomUUID();
      const token = newToken();
      repo.addDevice({ id, kind, name, createdAt: now().toISOString(), revokedAt: null });
      repo.addToken(tokenHash(token), {
        subject: `device:${id}`,
        principal: kind,
        expiresAt: null,
      });
      return { id, token };
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
    authenticate(token: string | undefined): Caller {
      if (!token) throw new SkrError('UNAUTHORIZED', 'a token is required');
      const grant = repo.token(tokenHash(token));
      if (!grant || (grant.expiresAt !== null && grant.expiresAt <= now().toISOString())) {
        throw new SkrError('UNAUTHORIZED', 'the token is invalid or expired');
      }
      return { subject: grant.subject, principal: grant.principal };
    },
  };
}
export type AuthService = ReturnType<typeof authService>;

/** Who may do what; checked at every HTTP route and socket namespace. */
export const allowed = {
  issueTicket: ['kiosk', 'clerk', 'manager', 'admin'],
  counterControl: ['clerk', 'manager', 'admin'],
  ticketAction: ['clerk', 'manager', 'admin'],
  readQueue: ['clerk', 'manager', 'admin', 'display', 'kiosk', 'board'],
  manageDevices: ['admin'],
  manageBookings: ['manager', 'admin'],
  reportDeviceStatus: ['kiosk', 'display', 'board'],
  monitor: ['manager', 'admin'],
  displayChannel: ['display', 'manager', 'admin'],
  counterChannel: ['clerk', 'manager', 'admin'],
  kioskChannel: ['kiosk', 'admin'],
} as const satisfies Record<string, readonly Principal[]>;

/** FORBIDDEN unless the caller's principal is in `who`. */
export function requireRole(caller: Caller, who: readonly Principal[]): void {
  if (!who.includes(caller.principal)) {
    throw new SkrError('FORBIDDEN', `${caller.principal} may not do this`);
  }
}
