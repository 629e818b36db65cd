import type { BranchEvent, BranchEventType, DeviceStatus } from '@skr/protocol';
import type { DomainEvent } from '../domain/records';
import type { Db } from './database';

/** What a change records; the log assigns `seq`. */
export type NewEvent = DomainEvent;

interface EventRow {
  seq: number;
  at: string;
  type: BranchEventType;
  actor: string | null;
  payload: string;
}

/** The append-only event log: audit trail and resume point for every screen. */
export function eventLog(db: Db) {
  const append = db.prepare(
    `INSERT INTO events (at, type, ticket_id, counter_id, actor, payload) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const since = db.prepare(
    `SELECT seq, at, type, actor, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?`,
  );
  const last = db.prepare(`SELECT COALESCE(MAX(seq), 0) AS seq FROM events`);
  return {
    /** Appends inside the caller's transaction and returns the full event. */
    append(e: NewEvent): BranchEvent {
      const payload = JSON.stringify({
        ticket: e.ticket,
        counter: e.counter,
        device: e.device,
        booking: e.booking,
      });
      const r = append.run(
        e.at,
        e.type,
        e.ticket?.id ?? null,
        e.counter?.id ?? null,
        e.actor,
        payload,
      );
      return { seq: Number(r.lastInsertRowid), ...e };
    },
    /** Events after `seq`, oldest first, at most `limit`. */
    since(seq: number, limit = 1000): BranchEvent[] {
      return (since.all(seq, limit) as EventRow[]).map((r) => ({
        seq: r.seq,
        at: r.at,
        type: r.type,
        actor: r.actor,
        ...(JSON.parse(r.payload) as Pick<
          BranchEvent,
          'ticket' | 'counter' | 'device' | 'booking'
        >),
      }));
    },
    /** The latest `device.status` event per device and component (for the monitor after a restart). */
    latestDeviceStatus(): DeviceStatus[] {
      const rows = db
        .prepare(
          `SELECT payload FROM events WHERE seq IN (
             SELECT MAX(seq) FROM events WHERE type = 'device.status'
             GROUP BY json_extract(payload, '$.device.deviceId'), json_extract(payload, '$.device.component'))`,
        )
        .all() as { payload: string }[];
      return rows.map((r) => (JSON.parse(r.payload) as { device: DeviceStatus }).device);
    },
    lastSeq(): number {
      return (last.get() as { seq: number }).seq;
    },
  };
}
export type EventLog = ReturnType<typeof eventLog>;
