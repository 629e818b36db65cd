import { SkrError } from '@skr/protocol';
import { EndDayResponse } from '@skr/protocol/routes';
import { createBranch } from '../app';
import type { EndDayResult } from '../app/use-cases';
import { newToken, tokenHash } from '../auth/tokens';
import { authRepo, openDatabase } from '../store';
import { createSync } from '../sync';

/** Who `skr-admin end-day` is recorded as, on every counter and ticket it resolves. */
export const ADMIN_END_DAY_ACTOR = 'system:skr-admin';

/** How the day was ended: through the running server, or on the database with it stopped. */
export interface AdminEndDay extends EndDayResult {
  via: 'server' | 'database';
}

/**
 * Ends the branch day. With the server running, through its API (`POST /api/v1/manager/end-day`)
 * so its screens, desks and memory follow at once: the command, which may write the database
 * anyway, grants itself a one-minute admin credential there and revokes it after the call. With
 * the server stopped, the same use case runs on the database, with the portal outbox wired as
 * in the server, so booked visits' outcomes are still reported when the server starts again.
 */
export async function endDayCommand(
  dbPath: string,
  serverUrl: string | undefined,
  now: () => Date = () => new Date(),
): Promise<AdminEndDay> {
  if (serverUrl) return { ...(await viaServer(dbPath, serverUrl, now)), via: 'server' };
  const db = openDatabase(dbPath);
  try {
    const sync = createSync({ db, now });
    const branch = createBranch({ db, now, onCommit: (events, tx) => sync.onCommit(events, tx) });
    return { ...branch.endDay(ADMIN_END_DAY_ACTOR), via: 'database' };
  } finally {
    db.close();
  }
}

async function viaServer(dbPath: string, url: string, now: () => Date): Promise<EndDayResult> {
  const token = newToken();
  const db = openDatabase(dbPath);
  const repo = authRepo(db);
  try {
    const expiresAt = new Date(now().getTime() + 60_000).toISOString();
    repo.addToken(tokenHash(token), {
      subject: ADMIN_END_DAY_ACTOR,
      principal: 'admin',
      expiresAt,
    });
    const res = await fetch(`${url}/api/v1/manager/end-day`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(15_000),
    });
    const body = (await res.json()) as unknown;
    if (!res.ok) {
      const e = body as { error?: { code?: string; message?: string } };
      throw new SkrError(
        'INTERNAL',
        `serwer odpowiedział ${res.status}: ${e.error?.message ?? ''}`,
      );
    }
    return EndDayResponse.parse(body);
  } finally {
    repo.revokeToken(tokenHash(token));
    db.close();
  }
}
