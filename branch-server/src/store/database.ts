import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate';

/** The branch database handle (better-sqlite3, synchronous). */
export type Db = Database.Database;

/**
 * Opens (creating if needed) the branch database: WAL with synchronous=FULL, so a commit is
 * on disk before the caller answers anyone; migrations applied.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // FULL: the WAL is fsynced at every commit; an acknowledged ticket survives power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
