import Database from 'better-sqlite3';

/** SQL that makes a migration step fail, and SQL that takes the obstacle away again. */
export interface MigrationFault {
  step: number;
  plant: string;
  clear: string;
}

/**
 * An obstacle for the last of the migrations an upgrade from `fromVersion` runs: an object of
 * the same name (or the column it adds) created beforehand, so that step fails with "already
 * exists" after the earlier steps have committed. The upgrade must then put the whole
 * pre-migration database back, not just roll back the failing step.
 */
export function lastStepFault(
  migrations: readonly string[],
  fromVersion: number,
): MigrationFault | undefined {
  for (let step = migrations.length; step > fromVersion; step -= 1) {
    const sql = migrations[step - 1]!;
    const create =
      /CREATE\s+(?:UNIQUE\s+)?(TABLE|TRIGGER|INDEX|VIEW)\s+(?:IF NOT EXISTS\s+)?(\w+)/i.exec(sql);
    const alter = /ALTER\s+TABLE\s+(\w+)\s+ADD\s+COLUMN\s+(\w+)/i.exec(sql);
    const first = [create, alter]
      .filter((m): m is RegExpExecArray => m !== null)
      .sort((a, b) => a.index - b.index)[0];
    if (!first) continue;
    if (first === alter)
      return {
        step,
        plant: `ALTER TABLE ${alter[1]} ADD COLUMN ${alter[2]} TEXT`,
        clear: `ALTER TABLE ${alter[1]} DROP COLUMN ${alter[2]}`,
      };
    const [, kind, name] = create!;
    if (kind!.toUpperCase() === 'TRIGGER')
      return {
        step,
        plant: `CREATE TRIGGER ${name} AFTER INSERT ON settings BEGIN SELECT 1; END`,
        clear: `DROP TRIGGER ${name}`,
      };
    return { step, plant: `CREATE TABLE ${name} (x)`, clear: `DROP TABLE ${name}` };
  }
  return undefined;
}

/** Runs one statement on a database file (the server is stopped). */
export function execOn(dbPath: string, sql: string): void {
  const db = new Database(dbPath);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

/** The schema version (`user_version`) of a database file. */
export function schemaVersion(dbPath: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}
