import Database from 'better-sqlite3';

/** What a branch database must always satisfy, whatever was thrown at the server. */
export interface DbCheck {
  integrity: string;
  tickets: number;
  events: number;
  problems: string[];
}

/**
 * Opens the database read-only and checks: SQLite integrity and foreign keys; the event log's
 * sequence numbers contiguous from 1; each day's ticket numbers unique; every ticket issued in
 * the log, and its row in the state its last logged event says; no counter with two tickets
 * in hand. Used by the fuzz, power-loss and soak suites.
 */
export function checkBranchDb(path: string): DbCheck {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const problems: string[] = [];
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? '';
    if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length) problems.push(`foreign_key_check: ${fk.length} rows`);
    const ev = db
      .prepare('SELECT COUNT(*) AS n, COALESCE(MAX(seq), 0) AS max FROM events')
      .get() as {
      n: number;
      max: number;
    };
    if (ev.n !== ev.max)
      problems.push(`event seq not contiguous: ${ev.n} events, max seq ${ev.max}`);
    const dup = db
      .prepare('SELECT day, number, COUNT(*) AS n FROM tickets GROUP BY day, number HAVING n > 1')
      .all() as { day: string; number: string }[];
    for (const d of dup.slice(0, 5)) problems.push(`number ${d.number} repeated on ${d.day}`);
    const mismatch = db
      .prepare(
        `SELECT t.id, t.number, t.state, json_extract(e.payload, '$.ticket.state') AS logged
         FROM tickets t LEFT JOIN events e ON e.seq = (SELECT MAX(seq) FROM events WHERE ticket_id = t.id)
         WHERE logged IS NULL OR logged <> t.state LIMIT 5`,
      )
      .all() as { number: string; state: string; logged: string | null }[];
    for (const m of mismatch)
      problems.push(`ticket ${m.number} is ${m.state}, log says ${m.logged}`);
    const unissued = db
      .prepare(
        `SELECT COUNT(*) AS n FROM tickets t WHERE NOT EXISTS
           (SELECT 1 FROM events e WHERE e.ticket_id = t.id AND e.type = 'ticket.issued')`,
      )
      .get() as { n: number };
    if (unissued.n) problems.push(`${unissued.n} tickets without ticket.issued`);
    const twice = db
      .prepare(
        `SELECT counter_id, COUNT(*) AS n FROM tickets WHERE state IN ('called','serving')
         GROUP BY counter_id HAVING n > 1`,
      )
      .all() as { counter_id: number }[];
    for (const t of twice) problems.push(`counter ${t.counter_id} holds two tickets`);
    const tickets = (db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;
    return { integrity, tickets, events: ev.n, problems };
  } finally {
    db.close();
  }
}
