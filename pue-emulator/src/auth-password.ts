// Password login in two steps, like PUE since 2024: login + password (≥ 12 characters), then a
// 6-digit code sent by SMS or e-mail. Wrong login and wrong password answer the same and take
// the same time (one scrypt either way): neither the answer nor its timing reveals a login.
import { randomBytes } from 'node:crypto';
import type {
  PuePasswordLoginRequest,
  PuePasswordLoginStarted,
  PueVerifyCodeRequest,
} from '@skr/protocol';
import { SkrError } from '@skr/protocol';
import { isoIn, nowIso, type PueContext } from './context';
import { sendVerificationCode } from './outbox';
import { maskDestination } from './pesel';
import { findProfileByLogin } from './profiles';
import {
  hashPassword,
  newId,
  newVerificationCode,
  sameHash,
  sha256Hex,
  verifyPassword,
} from './secrets';

// Made once at load (~30 ms) so that the first unknown login is not slower than the rest.
const UNKNOWN_LOGIN_HASH = hashPassword(randomBytes(18).toString('base64'));

/** Checks login and password and sends a verification code; UNAUTHORIZED when they are wrong. */
export function startPasswordLogin(
  ctx: PueContext,
  req: PuePasswordLoginRequest,
): PuePasswordLoginStarted {
  const profile = findProfileByLogin(ctx, req.login);
  // The same scrypt runs for an unknown login (or a profile without a password) as for a known
  // one: 61 ms against 4 ms used to tell an attacker which logins exist.
  const stored = profile?.password_hash || UNKNOWN_LOGIN_HASH;
  const matches = verifyPassword(req.password, stored);
  if (!profile?.password_hash || !matches) {
    throw new SkrError('UNAUTHORIZED', 'Wrong login or password');
  }
  const channel = req.channel ?? profile.recovery_channel;
  const to = channel === 'sms' ? profile.phone : profile.email;
  if (!to) throw new SkrError('INVALID', `The profile has no ${channel} contact`);
  const code = newVerificationCode();
  const attemptId = newId('att');
  const expiresAt = isoIn(ctx, ctx.loginAttemptTtlMs);
  ctx.db
    .prepare(
      `INSERT INTO login_attempts (id, kind, profile_id, secret_hash, expires_at)
       VALUES (?, 'password', ?, ?, ?)`,
    )
    .run(attemptId, profile.id, sha256Hex(`${attemptId}:${code}`), expiresAt);
  sendVerificationCode(ctx, channel, to, code);
  return { attemptId, channel, destination: maskDestination(to), expiresAt };
}

interface AttemptRow {
  profile_id: string;
  secret_hash: string;
  tries: number;
  used: number;
  expires_at: string;
}

/** Confirms the code of a password login attempt and returns its profile id (single use). */
export function verifyLoginCode(ctx: PueContext, req: PueVerifyCodeRequest): string {
  // The outcome is decided and recorded in one transaction, and thrown only after it commits:
  // throwing inside would roll back the count of wrong tries.
  const outcome = ctx.db.transaction((): { profileId: string } | SkrError => {
    const row = ctx.db
      .prepare(
        `SELECT profile_id, secret_hash, tries, used, expires_at FROM login_attempts
         WHERE id = ? AND kind = 'password'`,
      )
      .get(req.attemptId) as AttemptRow | undefined;
    if (!row || row.used) return new SkrError('UNAUTHORIZED', 'Login attempt not found or used');
    if (row.expires_at <= nowIso(ctx)) {
      return new SkrError('UNAUTHORIZED', 'Verification code expired; log in again');
    }
    if (!sameHash(sha256Hex(`${req.attemptId}:${req.code}`), row.secret_hash)) {
      const tries = row.tries + 1;
      const spent = tries >= ctx.maxCodeTries;
      ctx.db
        .prepare('UPDATE login_attempts SET tries = ?, used = ? WHERE id = ?')
        .run(tries, spent ? 1 : 0, req.attemptId);
      return new SkrError(
        'UNAUTHORIZED',
        spent ? 'Wrong code, attempt void; log in again' : 'Wrong verification code',
        { details: { triesLeft: ctx.maxCodeTries - tries } },
      );
    }
    ctx.db.prepare('UPDATE login_attempts SET used = 1 WHERE id = ?').run(req.attemptId);
    return { profileId: row.profile_id };
  })();
  if (outcome instanceof SkrError) throw outcome;
  return outcome.profileId;
}
