import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What a finished backup is. */
interface BackupResult {
  file: string;
  bytes: number;
  schemaVersion: number;
  /** Older backups deleted by retention. */
  removed: string[];
}

/** Backups this tool writes (and retention may delete); nothing else in the folder is touched. */
const BACKUP_NAME = /^branch-\d{8}-\d{6}(-[a-z0-9.-]+)?\.sqlite$/;

function stamp(d: Date): string {
  const iso = d.toISOString(); // UTC: names sort in time order whatever the zone.
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

/** Checks a database file: PRAGMA integrity_check must say ok. Returns its schema version. */
export function verifyDatabase(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const result = rows.map((r) => r.integrity_check).join('; ');
    if (result !== 'ok') throw new Error(`${file}: integrity_check: ${result}`);
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

/** Deletes the oldest of this tool's backups in `dir` beyond the newest `keep`. */
function pruneBackups(dir: string, keep: number): string[] {
  const names = readdirSync(dir)
    .filter((n) => BACKUP_NAME.test(n))
    .sort(
      (a, b) => statSync(join(dir, b)).mtimeMs - statSync(join(dir, a)).mtimeMs || (a < b ? 1 : -1),
    );
  const removed = names.slice(Math.max(keep, 1)).map((n) => join(dir, n));
  for (const f of removed) rmSync(f, { force: true });
  return removed;
}

/**
 * Copies a database file through SQLite's online backup API, not as bytes: a source in WAL
 * mode, or one a server is writing to, still comes out whole and consistent.
 */
export async function copyDatabase(from: string, to: string): Promise<void> {
  const src = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await src.backup(to);
  } finally {
    src.close();
  }
}

/**
 * Online backup of `dbPath` into `dir` with SQLite's backup API on a separate read-only
 * connection (the server keeps running and writing), verified with integrity_check before it
 * gets its final name; then keeps the newest `keep` backups.
 */
export async function backupDatabase(
  dbPath: string,
  dir: string,
  opts: { keep?: number; tag?: string; now?: Date } = {},
): Promise<BackupResult> {
  mkdirSync(dir, { recursive: true, mode: 0o750 });
  const tag = opts.tag ? `-${opts.tag.toLowerCase().replace(/[^a-z0-9.-]+/g, '-')}` : '';
  const file = join(dir, `branch-${stamp(opts.now ?? new Date())}${tag}.sqlite`);
  const part = `${file}.part`;
  await copyDatabase(dbPath, part);
  let schemaVersion: number;
  try {
    // A backup is one self-contained file: out of WAL mode (the server turns WAL back on).
    const copy = new Database(part, { fileMustExist: true });
    copy.pragma('journal_mode = DELETE');
    copy.close();
    schemaVersion = verifyDatabase(part);
  } catch (e) {
    rmSync(part, { force: true });
    throw e;
  }
  renameSync(part, file);
  const removed = opts.keep === undefined ? [] : pruneBackups(dir, opts.keep);
  return { file, bytes: statSync(file).size, schemaVersion, removed };
}
