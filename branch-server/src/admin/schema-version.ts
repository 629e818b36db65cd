import Database from 'better-sqlite3';
import { migrate } from '../store';

let cached: number | undefined;

/** The schema version this code migrates to (the number of migrations it knows). */
export function codeSchemaVersion(): number {
  if (cached === undefined) {
    // The store keeps its migration list private; running it on an empty in-memory database
    // is how we learn its length without reaching into it.
    const db = new Database(':memory:');
    try {
      cached = migrate(db);
    } finally {
      db.close();
    }
  }
  return cached;
}

/** `PRAGMA user_version` of a database file (opened read-only). */
export function fileSchemaVersion(path: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}
