import Database from 'better-sqlite3';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { migrate } from '../store';
import { backupDatabase } from './backup';
import { codeSchemaVersion } from './schema-version';

/** What `migrateWithBackup` did. */
interface MigrateResult {
  from: number;
  to: number;
  /** The backup taken before migrating (undefined when nothing had to change). */
  backup: string | undefined;
}

/**
 * Brings `dbPath` to this code's schema, once (the package runs it on upgrade; the server's
 * own start then finds nothing to do). A verified backup is taken first; if any migration
 * fails, the database file is put back from that backup, so the previous release still runs
 * on it, and the error is rethrown. Refuses a database newer than the code.
 */
export async function migrateWithBackup(dbPath: string, backupDir: string): Promise<MigrateResult> {
  const to = codeSchemaVersion();
  if (!existsSync(dbPath)) return { from: 0, to: 0, backup: undefined };
  let db = new Database(dbPath, { fileMustExist: true });
  const from = db.pragma('user_version', { simple: true }) as number;
  db.close();
  if (from > to)
    throw new Error(`baza ma schemat v${from}, nowszy niż v${to} tego programu (downgrade?)`);
  if (from === to) return { from, to, backup: undefined };
  const { file } = await backupDatabase(dbPath, backupDir, { tag: `pre-migrate-v${from}` });
  db = new Database(dbPath, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    migrate(db);
    db.close();
  } catch (e) {
    db.close();
    for (const side of ['-wal', '-shm']) rmSync(dbPath + side, { force: true });
    copyFileSync(file, dbPath);
    throw new Error(
      `migracja v${from}→v${to} nie powiodła się (${(e as Error).message}); ` +
        `przywrócono bazę sprzed migracji z ${file}`,
      { cause: e },
    );
  }
  return { from, to, backup: file };
}
