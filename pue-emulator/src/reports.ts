// Reports a branch sends from its outbox besides documents: visit outcomes and daily
// statistics. Same idempotency rules as document intake: one row per (branch, kind, key),
// lookup and insert in one SQLite transaction behind a UNIQUE index; the same key with another
// body is CONFLICT.
import type { PueReportReceipt } from '@skr/protocol';
import { SkrError } from '@skr/protocol';
import { nowIso, type PueContext } from './context';
import { newId, sha256Hex } from './secrets';

/** What a branch reports. */
export type ReportKind = 'visit-outcome' | 'daily-stats';

/** Schema of the reports table (created with the rest of the database). */
export const REPORTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS branch_reports (
  id TEXT PRIMARY KEY,
  branch_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  body TEXT NOT NULL,
  received_at TEXT NOT NULL,
  UNIQUE (branch_id, kind, idempotency_key)
);
`;

interface ReportRow {
  id: string;
  idempotency_key: string;
  request_hash: string;
  body: string;
  received_at: string;
}

/** Takes in a report once per (branch, kind, key); the same key answers the same receipt. */
export function submitReport(
  ctx: PueContext,
  branchId: string,
  kind: ReportKind,
  idempotencyKey: string,
  body: unknown,
): { receipt: PueReportReceipt; created: boolean } {
  const text = JSON.stringify(body);
  const hash = sha256Hex(text);
  return ctx.db.transaction(() => {
    const existing = ctx.db
      .prepare(
        'SELECT * FROM branch_reports WHERE branch_id = ? AND kind = ? AND idempotency_key = ?',
      )
      .get(branchId, kind, idempotencyKey) as ReportRow | undefined;
    if (existing) {
      if (existing.request_hash !== hash)
        throw new SkrError('CONFLICT', 'This idempotency key was used for a different report');
      return {
        receipt: {
          receiptId: existing.id,
          idempotencyKey,
          receivedAt: existing.received_at,
        },
        created: false,
      };
    }
    const id = newId(kind === 'visit-outcome' ? 'vis' : 'day');
    const receivedAt = nowIso(ctx);
    ctx.db
      .prepare(
        `INSERT INTO branch_reports (id, branch_id, kind, idempotency_key, request_hash, body,
           received_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, branchId, kind, idempotencyKey, hash, text, receivedAt);
    return { receipt: { receiptId: id, idempotencyKey, receivedAt }, created: true };
  })();
}

/** A stored report as tests see it. */
export interface StoredReport {
  receiptId: string;
  branchId: string;
  idempotencyKey: string;
  receivedAt: string;
  body: unknown;
}

/** Every report of a kind, oldest first. */
export function listReports(ctx: PueContext, kind: ReportKind): StoredReport[] {
  const rows = ctx.db
    .prepare('SELECT * FROM branch_reports WHERE kind = ? ORDER BY rowid')
    .all(kind) as (ReportRow & { branch_id: string })[];
  return rows.map((r) => ({
    receiptId: r.id,
    branchId: r.branch_id,
    idempotencyKey: r.idempotency_key,
    receivedAt: r.received_at,
    body: JSON.parse(r.body) as unknown,
  }));
}
