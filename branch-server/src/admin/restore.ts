import { chownSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { copyDatabase, verifyDatabase } from './backup';
import { codeSchemaVersion } from './schema-version';

/** A restore that cannot be done; `code` for the exit status. */
export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

/** What a restore did. */
interface RestoreResult {
  schemaVersion: number;
  /** Where the database that was replaced now lies (undefined if there was none). */
  previous: string | undefined;
}

// The database files of one SQLite database in WAL mode.
const SIDE_FILES = ['', '-wal', '-shm'];

/**
 * Replaces `dbPath` with the verified backup `file` (the server must be stopped). Refuses a
 * backup with a newer schema than this code knows. The replaced database (with its WAL) is
 * moved aside into `asideDir`, never deleted. The new file gets the data folder's owner.
 */
export async function restoreDatabase(
  file: string,
  dbPath: string,
  asideDir: string,
  now = new Date(),
): Promise<RestoreResult> {
  if (!existsSync(file)) throw new RestoreRefused(`nie ma pliku ${file}`);
  const schemaVersion = verifyDatabase(file);
  const code = codeSchemaVersion();
  if (schemaVersion > code)
    throw new RestoreRefused(
      `kopia ma schemat v${schemaVersion}, a ten program zna v${code}: zainstaluj nowszą wersję SKR`,
    );
  const stampText = now.toISOString().replace(/[:.]/g, '-');
  let previous: string | undefined;
  if (existsSync(dbPath)) {
    mkdirSync(asideDir, { recursive: true, mode: 0o750 });
    previous = join(asideDir, `before-restore-${stampText}.sqlite`);
    for (const side of SIDE_FILES)
      if (existsSync(dbPath + side)) renameSync(dbPath + side, previous + side);
  }
  mkdirSync(dirname(dbPath), { recursive: true, mode: 0o750 });
  const part = `${dbPath}.restore`;
  await copyDatabase(file, part);
  renameSync(part, dbPath);
  if (process.getuid?.() === 0) {
    const owner = statSync(dirname(dbPath));
    chownSync(dbPath, owner.uid, owner.gid);
  }
  return { schemaVersion, previous };
}
