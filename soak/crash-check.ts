import Database from 'better-sqlite3';
import { checkBranchDb } from '../branch-server/test/fuzz-invariants';
import type { Acked } from './workload';

/** What was lost or wrong after all the crashes (empty lists: nothing). */
export interface LossReport {
  dbProblems: string[];
  lostTickets: string[];
  wrongNumbers: string[];
  lostCalls: string[];
  lostDocuments: string[];
  tickets: number;
  events: number;
}

/** Compares everything the server acknowledged with what its database holds now (server stopped). */
export function checkAcked(dbPath: string, acked: Acked): LossReport {
  const check = checkBranchDb(dbPath);
  const db = new Database(dbPath, { readonly: true });
  try {
    const ticket = db.prepare('SELECT number, state, called_at FROM tickets WHERE id = ?');
    const doc = db.prepare('SELECT 1 FROM documents WHERE id = ?');
    const out: LossReport = {
      dbProblems: check.problems,
      lostTickets: [],
      wrongNumbers: [],
      lostCalls: [],
      lostDocuments: [],
      tickets: check.tickets,
      events: check.events,
    };
    for (const [id, number] of acked.tickets) {
      const row = ticket.get(id) as { number: string } | undefined;
      if (!row) out.lostTickets.push(number);
      else if (row.number !== number) out.wrongNumbers.push(`${number} is now ${row.number}`);
    }
    for (const [id, calledAt] of acked.calls) {
      const row = ticket.get(id) as
        { number: string; state: string; called_at: string | null } | undefined;
      if (!row || row.state === 'waiting' || row.called_at !== calledAt) out.lostCalls.push(id);
    }
    for (const id of acked.documents) if (!doc.get(id)) out.lostDocuments.push(id);
    return out;
  } finally {
    db.close();
  }
}
