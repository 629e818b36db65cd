import type { AuditEntry } from '@skr/protocol/manager';
import type { Db } from '../store';
import type { NewAuditEntry } from '../domain/records';
export type { NewAuditEntry };

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  entity: AuditEntry['entity'];
  entity_id: string;
  action: AuditEntry['action'];
  diff: string;
}

/** The append-only configuration audit (table `config_audit`, migration 3). */
export function auditRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO config_audit (at, actor, entity, entity_id, action, diff) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const page = db.prepare(`SELECT * FROM config_audit WHERE id < ? ORDER BY id DESC LIMIT ?`);
  return {
    /** Appends inside the caller's transaction. */
    append(e: NewAuditEntry): number {
      return Number(
        insert.run(e.at, e.actor, e.entity, e.entityId, e.action, JSON.stringify(e.diff))
          .lastInsertRowid,
      );
    },
    /** Newest first, entries older than `before` (an id), at most `limit`. */
    list(limit: number, before = Number.MAX_SAFE_INTEGER): AuditEntry[] {
      return (page.all(before, limit) as AuditRow[]).map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        entity: r.entity,
        entityId: r.entity_id,
        action: r.action,
        diff: JSON.parse(r.diff) as AuditEntry['diff'],
      }));
    },
  };
}
