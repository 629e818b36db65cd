import type { PueContext } from './context';
import { openDb } from './db';
import { createFaultSwitches } from './faults';
import { buildServer } from './server';

/**
 * A portal stand-in on a fresh in-memory database that listens nowhere (for reading its routes
 * and document, or `inject()`); `close()` closes the server, then the database.
 */
export function inMemoryPortal() {
  const db = openDb(':memory:');
  const ctx: PueContext = {
    db,
    now: () => new Date(),
    caCertsPem: [],
    branchKeys: {},
    sessionTtlMs: 1,
    loginAttemptTtlMs: 1,
    cardChallengeTtlMs: 1,
    maxCodeTries: 3,
    deliveries: { received: 0, replays: 0 },
  };
  const app = buildServer(ctx, createFaultSwitches(), { level: 'silent' });
  return {
    app,
    async close(): Promise<void> {
      await app.close();
      db.close();
    },
  };
}
