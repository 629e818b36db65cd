import type { DeviceKind, Principal, Role } from '@skr/protocol';
import type { Db } from './database';

import type { Device, User } from '../domain/records';
export type { Device, User };

/** Whom a token stands for. */
export interface TokenGrant {
  subject: string;
  principal: Principal;
  expiresAt: string | null;
}

/** Users, devices and token hashes (tokens themselves are never stored). */
export function authRepo(db: Db) {
  const getUser = db.prepare(`SELECT * FROM users WHERE username = ?`);
  const putUser = db.prepare(
    `INSERT INTO users (username, role, password_hash, active) VALUES (@username, @role, @passwordHash, @active)
     ON CONFLICT (username) DO UPDATE SET role=excluded.role, password_hash=excluded.password_hash, active=excluded.active`,
  );
  const putDevice = db.prepare(
    `INSERT INTO devices (id, kind, name, created_at, revoked_at) VALUES (@id, @kind, @name, @createdAt, @revokedAt)`,
  );
  const putToken = db.prepare(
    `INSERT INTO tokens (token_hash, subject, principal, expires_at) VALUES (?, ?, ?, ?)`,
  );
  const getToken = db.prepare(
    `SELECT subject, principal, expires_at FROM tokens WHERE token_hash = ? AND revoked = 0`,
  );
  return {
    user(username: string): User | undefined {
      const r = getUser.get(username) as
        { username: string; role: Role; password_hash: string; active: number } | undefined;
      return (
        r && {
          username: r.username,
          role: r.role,
          passwordHash: r.password_hash,
          active: r.active === 1,
        }
      );
    },
    saveUser(u: User): void {
      putUser.run({ ...u, active: u.active ? 1 : 0 });
    },
    addDevice(d: Device): void {
      putDevice.run(d);
    },
    devices(): Device[] {
      return (
        db.prepare(`SELECT * FROM devices ORDER BY created_at`).all() as {
          id: string;
          kind: DeviceKind;
          name: string;
          created_at: string;
          revoked_at: string | null;
        }[]
      ).map((r) => ({
        id: r.id,
        kind: r.kind,
        name: r.name,
        createdAt: r.created_at,
        revokedAt: r.revoked_at,
      }));
    },
    /** Revokes a device and every token it holds. */
    revokeDevice(id: string, at: string): boolean {
      const r = db
        .prepare(`UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`)
        .run(at, id);
      db.prepare(`UPDATE tokens SET revoked = 1 WHERE subject = ?`).run(`device:${id}`);
      return r.changes === 1;
    },
    addToken(hash: string, grant: TokenGrant): void {
      putToken.run(hash, grant.subject, grant.principal, grant.expiresAt);
    },
    token(hash: string): TokenGrant | undefined {
      const r = getToken.get(hash) as
        { subject: string; principal: Principal; expires_at: string | null } | undefined;
      return r && { subject: r.subject, principal: r.principal, expiresAt: r.expires_at };
    },
    /** Whether `subject` (e.g. `user:jan`) holds a token that is neither revoked nor expired at `nowIso`. */
    hasLiveToken(subject: string, nowIso: string): boolean {
      return (
        db
          .prepare(
            `SELECT 1 FROM tokens WHERE subject = ? AND revoked = 0 AND (expires_at IS NULL OR expires_at > ?) LIMIT 1`,
          )
          .get(subject, nowIso) !== undefined
      );
    },
    revokeToken(hash: string): void {
      db.prepare(`UPDATE tokens SET revoked = 1 WHERE token_hash = ?`).run(hash);
    },
    /** Moves a token's expiry earlier to `at` (never later): device credential rotation. */
    shortenToken(hash: string, at: string): void {
      db.prepare(
        `UPDATE tokens SET expires_at = ? WHERE token_hash = ? AND (expires_at IS NULL OR expires_at > ?)`,
      ).run(at, hash, at);
    },
  };
}
export type AuthRepo = ReturnType<typeof authRepo>;
