import type { Ticket, TicketState } from '@skr/protocol';
import { SkrError } from '@skr/protocol';
import type { Db } from './database';

interface TicketRow {
  id: string;
  number: string;
  service_id: string;
  day: string;
  state: string;
  priority: string | null;
  booking_code: string | null;
  booked_for: string | null;
  lang: string;
  issued_at: string;
  line_at: string;
  target_counter_id: number | null;
  counter_id: number | null;
  called_at: string | null;
  started_at: string | null;
  finished_at: string | null;
  recalls: number;
  transfers: number;
}

function fromRow(r: TicketRow): Ticket {
  return {
    id: r.id,
    number: r.number,
    serviceId: r.service_id,
    day: r.day,
    state: r.state as Ticket['state'],
    priority: r.priority as Ticket['priority'],
    bookingCode: r.booking_code,
    bookedFor: r.booked_for,
    lang: r.lang as Ticket['lang'],
    issuedAt: r.issued_at,
    lineAt: r.line_at,
    targetCounterId: r.target_counter_id,
    counterId: r.counter_id,
    calledAt: r.called_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    recalls: r.recalls,
    transfers: r.transfers,
  };
}

const columns = `id, number, service_id, day, state, priority, booking_code, booked_for, lang, issued_at,
  line_at, target_counter_id, counter_id, called_at, started_at, finished_at, recalls, transfers`;
const values = `@id, @number, @serviceId, @day, @state, @priority, @bookingCode, @bookedFor, @lang, @issuedAt,
  @lineAt, @targetCounterId, @counterId, @calledAt, @startedAt, @finishedAt, @recalls, @transfers`;

/** Tickets table access; every write is meant to run inside the caller's transaction. */
export function ticketRepo(db: Db) {
  const maxNumber = db.prepare(
    `SELECT MAX(CAST(substr(number, 2) AS INTEGER)) AS last FROM tickets WHERE day = ? AND number LIKE ? || '%'`,
  );
  // Last number per day and prefix, read once from the tickets themselves (the insert of the
  // ticket is the durable record of its number), then counted in memory: no extra page to
  // write per ticket.
  const last = new Map<string, number>();
  const insert = db.prepare(`INSERT INTO tickets (${columns}) VALUES (${values})`);
  // The state guard makes a lost race visible instead of silently overwriting.
  const update = db.prepare(
    `UPDATE tickets SET service_id=@serviceId, state=@state, line_at=@lineAt, target_counter_id=@targetCounterId,
       counter_id=@counterId, called_at=@calledAt, started_at=@startedAt, finished_at=@finishedAt,
       recalls=@recalls, transfers=@transfers
     WHERE id=@id AND state=@expectedState`,
  );
  const byId = db.prepare(`SELECT ${columns} FROM tickets WHERE id = ?`);
  const active = db.prepare(
    `SELECT ${columns} FROM tickets WHERE state IN ('waiting','called','serving','parked') ORDER BY line_at`,
  );
  const durations = db.prepare(
    `SELECT service_id, (julianday(finished_at) - julianday(started_at)) * 1440 AS minutes
     FROM tickets WHERE day = ? AND state = 'done' AND started_at IS NOT NULL
     ORDER BY finished_at`,
  );
  const recentCalled = db.prepare(
    `SELECT ${columns} FROM tickets WHERE day = ? AND called_at IS NOT NULL ORDER BY called_at DESC LIMIT ?`,
  );
  return {
    /**
     * The next number of a prefix for a day (1, 2, …). Call inside the transaction that
     * inserts the ticket; `insert` makes it taken, so a failed transaction reuses it.
     */
    nextSequence(day: string, prefix: string): number {
      const key = `${day}/${prefix}`;
      let n = last.get(key);
      if (n === undefined) {
        n = (maxNumber.get(day, prefix) as { last: number | null }).last ?? 0;
        last.set(key, n);
      }
      return n + 1;
    },
    /**
     * Forgets the remembered last numbers (re-read from the tickets on the next issue): after a
     * rolled-back transaction whose inserts bumped them, so no number is burned.
     */
    forgetNumbers(): void {
      last.clear();
    },
    insert(t: Ticket): void {
      insert.run(t);
      const m = /^([A-Z])(\d+)$/.exec(t.number);
      if (m) {
        const key = `${t.day}/${m[1]}`;
        last.set(key, Math.max(last.get(key) ?? 0, Number(m[2])));
      }
    },
    /** Writes the new state; throws CONFLICT if the stored state is not `expected`. */
    update(t: Ticket, expected: TicketState): void {
      const r = update.run({ ...t, expectedState: expected });
      if (r.changes !== 1) {
        throw new SkrError('CONFLICT', `ticket ${t.number} changed meanwhile`, {
          details: { id: t.id },
        });
      }
    },
    get(id: string): Ticket | undefined {
      const r = byId.get(id) as TicketRow | undefined;
      return r && fromRow(r);
    },
    active(): Ticket[] {
      return (active.all() as TicketRow[]).map(fromRow);
    },
    /** Service durations (minutes) of the day, oldest first, per service. */
    serviceDurations(day: string): Map<string, number[]> {
      const out = new Map<string, number[]>();
      for (const r of durations.all(day) as { service_id: string; minutes: number }[]) {
        const list = out.get(r.service_id) ?? [];
        list.push(r.minutes);
        out.set(r.service_id, list);
      }
      return out;
    },
    /** The day's most recent calls, newest first. */
    recentCalls(day: string, limit: number): Ticket[] {
      return (recentCalled.all(day, limit) as TicketRow[]).map(fromRow);
    },
  };
}
export type TicketRepo = ReturnType<typeof ticketRepo>;
