import { randomInt, timingSafeEqual } from 'node:crypto';
import { SkrError, type DocumentReceiptStatus } from '@skr/protocol';
import type { Db } from '../store';

// Letters and digits a client cannot confuse when typing it from paper (no I, O, 0, 1).
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A fresh 6-character check code (about 30 bits; the lookup is kiosk-only besides). */
export function newReceiptCode(): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** "D-2026-000123": the year of intake and the number, zero-padded to six digits. */
function formatReceiptNo(year: string, seq: number): string {
  return `D-${year}-${String(seq).padStart(6, '0')}`;
}

/** The UPP of a stored row, when the portal has confirmed it (as the kiosk is answered). */
export function uppOf(r: { upp_id: string | null; upp_received_at: string | null }): {
  upp?: { uppId: string; receivedAt: string };
} {
  return r.upp_id && r.upp_received_at
    ? { upp: { uppId: r.upp_id, receivedAt: r.upp_received_at } }
    : {};
}

interface ReceiptRow {
  receipt_no: string;
  receipt_code: string;
  status: 'queued' | 'delivered';
  form_code: string;
  pages: number;
  sha256: string;
  received_at: string;
  upp_id: string | null;
  upp_received_at: string | null;
}

/**
 * Branch receipt numbers of dropped-off documents (never reused: an AUTOINCREMENT sequence) and
 * the lookup by number and check code, which reveals only the state and the UPP.
 */
export function documentReceipts(db: Db) {
  const nextSeq = db.prepare(`INSERT INTO document_receipt_seq (document_id) VALUES (?)`);
  const byNo = db.prepare(
    `SELECT receipt_no, receipt_code, status, form_code, pages, sha256, received_at, upp_id,
       upp_received_at FROM documents WHERE receipt_no = ?`,
  );
  return {
    /** The next receipt number for a document (call inside the document's transaction). */
    assign(documentId: string, year: string): string {
      const seq = Number(nextSeq.run(documentId).lastInsertRowid);
      return formatReceiptNo(year, seq);
    },
    /** The state by receipt; NOT_FOUND for an unknown number or a wrong code alike. */
    lookup(receiptNo: string, code: string): DocumentReceiptStatus {
      const r = byNo.get(receiptNo) as ReceiptRow | undefined;
      const expected = Buffer.from(r?.receipt_code ?? '------');
      const given = Buffer.from(code.padEnd(6).slice(0, 6));
      if (!r || !timingSafeEqual(expected, given))
        throw new SkrError('NOT_FOUND', 'no document with this receipt number and code');
      return {
        receiptNo: r.receipt_no,
        status: r.status,
        formCode: r.form_code,
        pages: r.pages,
        sha256: r.sha256,
        receivedAt: r.received_at,
        ...uppOf(r),
      };
    },
  };
}
