// Client sessions: a bearer token handed out once, stored only as its SHA-256, valid until an
// absolute expiry (no sliding renewal: a kiosk left logged in must not stay so by being used).
import { SkrError } from '@skr/protocol';
import { isoIn, nowIso, type PueContext } from './context';
import { newSessionToken, sha256Hex } from './secrets';

/** Opens a session for `profileId`; the token is returned once and never stored in clear. */
export function createSession(
  ctx: PueContext,
  profileId: string,
): { token: string; expiresAt: string } {
  const token = newSessionToken();
  const expiresAt = isoIn(ctx, ctx.sessionTtlMs);
  ctx.db
    .prepare(
      'INSERT INTO sessions (token_hash, profile_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
    )
    .run(sha256Hex(token), profileId, nowIso(ctx), expiresAt);
  return { token, expiresAt };
}

/** The profile id of a live session for `Authorization: Bearer <token>`, else UNAUTHORIZED. */
export function authenticate(ctx: PueContext, authorization: string | undefined): string {
  const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(authorization ?? '');
  if (!match?.[1]) throw new SkrError('UNAUTHORIZED', 'Missing or malformed bearer token');
  const row = ctx.db
    .prepare('SELECT profile_id, expires_at, revoked FROM sessions WHERE token_hash = ?')
    .get(sha256Hex(match[1])) as
    { profile_id: string; expires_at: string; revoked: number } | undefined;
  if (!row || row.revoked) throw new SkrError('UNAUTHORIZED', 'Session not found or logged out');
  if (row.expires_at <= nowIso(ctx)) throw new SkrError('UNAUTHORIZED', 'Session expired');
  return row.profile_id;
}

/** Ends the session of this token (logout); unknown tokens are ignored. */
export function revokeSession(ctx: PueContext, authorization: string | undefined): void {
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  if (token) {
    ctx.db.prepare('UPDATE sessions SET revoked = 1 WHERE token_hash = ?').run(sha256Hex(token));
  }
}
