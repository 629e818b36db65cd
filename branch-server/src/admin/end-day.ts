import { SkrError } from '@skr/protocol';
import { EndDayResponse } from '@skr/protocol/routes';
import { createBranch } from '../app';
import type { EndDayResult } from '../app/use-cases';
import { newToken, tokenHash } from '../auth/tokens';
import { authRepo, openDatabase } from '../store';
import { createSync } from '../sync';
import type { ServerCall, ServerLocation } from './server-locator';

/** Who `skr-admin end-day` is recorded as, on every counter and ticket it resolves. */
const ADMIN_END_DAY_ACTOR = 'system:skr-admin';

/** How the day was ended: through the running server, or on the database with it stopped. */
interface AdminEndDay extends EndDayResult {
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
  server: ServerLocation,
  now: () => Date = () => new Date(),
): Promise<AdminEndDay> {
  if (server.running) {
    // Writing the database under a running server would leave its memory behind the data.
    if (!server.call)
      throw new SkrError(
        'UNAVAILABLE',
        `serwer działa (PID ${server.pid ?? '?'}), ale nie odpowiada — zakończ dzień w panelu ` +
          'kierownika albo zatrzymaj serwer i powtórz polecenie',
      );
    return { ...(await viaServer(dbPath, server.call, now)), via: 'server' };
  }
  const db = openDatabase(dbPath);
  try {
    const sync = createSync({ db, now });
    const branch = createBranch({ db, now, onCommit: (events, tx) => sync.onCommit(events, tx) });
    return { ...branch.endDay(ADMIN_END_DAY_ACTOR), via: 'database' };
  } finally {
    db.close();
  }
}

async function viaServer(dbPath: string, call: ServerCall, now: () => Date): Promise<EndDayResult> {
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
    const res = await call('/api/v1/manager/end-day', token);
    if (res.status !== 200) {
      const e = res.body as { error?: { message?: string } } | null;
      throw new SkrError(
        'INTERNAL',
        `serwer odpowiedział ${res.status}: ${e?.error?.message ?? ''}`,
      );
    }
    const body = res.body;
    return EndDayResponse.parse(body);
  } finally {
    repo.revokeToken(tokenHash(token));
    db.close();
  }
}
