import type { Db } from './database';

/** One kept answer to an idempotent write (table `kept_answers`, step 14). */
export interface KeptAnswerRecord {
  key: string;
  fingerprint: string;
  /** Epoch milliseconds. */
  keptAt: number;
  status: number;
  contentType: string | undefined;
  payload: string | Buffer;
}

interface Row {
  key: string;
  fingerprint: string;
  kept_at: number;
  status: number;
  content_type: string | null;
  payload: Buffer;
}

/**
 * Answers to idempotent writes, so that a retry after a restart gets the first answer. Written
 * in batches (one transaction, one sync to disk) rather than one by one on the request path.
 */
export function keptAnswerRepo(db: Db) {
  const select = db.prepare('SELECT * FROM kept_answers WHERE key = ?');
  const insert = db.prepare(
    `INSERT OR REPLACE INTO kept_answers (key, fingerprint, kept_at, status, content_type, payload)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const prune = db.prepare('DELETE FROM kept_answers WHERE kept_at < ?');
  const putAll = db.transaction((records: readonly KeptAnswerRecord[], olderThan: number) => {
    for (const r of records) {
      const payload = typeof r.payload === 'string' ? Buffer.from(r.payload) : r.payload;
      insert.run(r.key, r.fingerprint, r.keptAt, r.status, r.contentType ?? null, payload);
    }
    prune.run(olderThan);
  });
  return {
    get(key: string): KeptAnswerRecord | undefined {
      const r = select.get(key) as Row | undefined;
      if (!r) return undefined;
      return {
        key: r.key,
        fingerprint: r.fingerprint,
        keptAt: r.kept_at,
        status: r.status,
        contentType: r.content_type ?? undefined,
        payload: r.payload,
      };
    },
    /** Keeps `records` and drops what was kept before `olderThan` (epoch ms), in one transaction. */
    putAll(records: readonly KeptAnswerRecord[], olderThan: number): void {
      putAll(records, olderThan);
    },
  };
}
