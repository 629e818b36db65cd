import type { UserConfig } from '@skr/protocol/manager';
import { hashPassword } from '../../auth/password';
import { assertStaffPassword } from '../../auth/password-policy';
import { decideSaveUser, type FieldDiff } from '../../domain';
import type { UseCaseContext } from './context';

/** Creates or changes a staff account (audited); a role change or lock ends its sessions. */
export async function saveUser(
  ctx: UseCaseContext,
  username: string,
  next: UserConfig,
  actor: string,
): Promise<FieldDiff> {
  // Strength policy (issue 13): refused with a Polish reason before any slow hashing.
  if (next.password) assertStaffPassword(next.password, username);
  // Hashing is slow and asynchronous: done before the change, which then reads afresh.
  const newHash = next.password ? await hashPassword(next.password) : undefined;
  const admins = ctx.db.prepare(
    `SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND active = 1`,
  );
  return ctx.uow.run(() =>
    decideSaveUser(
      {
        username,
        next,
        before: ctx.users.user(username),
        newHash,
        activeAdmins: (admins.get() as { n: number }).n,
      },
      { actor, now: ctx.now() },
    ),
  ).decision.diff;
}
