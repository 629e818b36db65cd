import { createHash, randomUUID } from 'node:crypto';
import {
  MAX_DOCUMENT_BYTES,
  SkrError,
  type DocumentStatus,
  type PueDocumentSubmission,
  type PueUpp,
  type SubmitDocumentRequest,
} from '@skr/protocol';
import { localDay } from '@skr/protocol/time-zone';
import type { Db } from '../store';
import { findForm } from './document-forms';
import { documentReceipts, newReceiptCode, uppOf } from './document-receipts';
import type { OutboxRepo } from './outbox-repo';

/** What the outbox row of a document carries (the bytes stay in `documents.content`). */
export type DocumentPayload = Omit<
  PueDocumentSubmission,
  'contentB64' | 'submitterPesel' | 'submitterName'
>;

/** Idempotency key of a document: its id, so every retry is the same submission. */
const documentKey = (documentId: string) => `doc:${documentId}`;

/** The portal accepts PDF, JPEG and PNG; the type is read from the bytes, not the file name. */
export function sniffContentType(bytes: Buffer): PueDocumentSubmission['contentType'] | undefined {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  return undefined;
}

interface DocumentRow {
  id: string;
  sha256: string;
  received_at: string;
  status: 'queued' | 'delivered';
  upp_id: string | null;
  upp_received_at: string | null;
  receipt_no: string | null;
  receipt_code: string | null;
}

/**
 * Document drop-off: each document is written with its outbox row in one transaction
 * (synchronous=FULL, so it is on disk before the kiosk prints "received"), whether or not the
 * portal is reachable. Content and submitter PESEL are erased once the portal has confirmed.
 */
export function documentStore(
  db: Db,
  outbox: OutboxRepo,
  timeZone: () => string = () => 'Europe/Warsaw',
) {
  const insert = db.prepare(
    `INSERT INTO documents (id, form_code, file_name, content_type, pages, lang, sha256, size,
       content, submitter_pesel, submitter_name, received_at, status, receipt_no, receipt_code)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)`,
  );
  const byId = db.prepare(
    `SELECT id, sha256, received_at, status, upp_id, upp_received_at, receipt_no, receipt_code
       FROM documents WHERE id = ?`,
  );
  const content = db.prepare(
    `SELECT content, submitter_pesel, submitter_name, sha256 FROM documents WHERE id = ?`,
  );
  const delivered = db.prepare(
    `UPDATE documents SET status = 'delivered', upp_id = ?, upp_received_at = ?, content = NULL,
       submitter_pesel = NULL, submitter_name = NULL WHERE id = ?`,
  );
  const receipts = documentReceipts(db);
  return {
    /**
     * Stores and queues a document with its branch receipt number; INVALID for an unknown form,
     * empty or non-PDF/JPEG/PNG content. The submitter's name is the one given without login.
     */
    submit(
      req: SubmitDocumentRequest,
      submitterPesel: string | null,
      at: Date,
      dueMs: number,
    ): DocumentStatus {
      const form = findForm(req.formCode);
      if (!form) throw new SkrError('INVALID', `unknown form ${req.formCode}`);
      const bytes = Buffer.from(req.contentB64, 'base64');
      if (bytes.length === 0) throw new SkrError('INVALID', 'the document is empty');
      if (bytes.length > MAX_DOCUMENT_BYTES)
        throw new SkrError('INVALID', 'the document is larger than 10 MB');
      const contentType = sniffContentType(bytes);
      if (!contentType) throw new SkrError('INVALID', 'only PDF, JPEG and PNG documents are taken');
      const id = randomUUID();
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const receivedAt = at.toISOString();
      const payload: DocumentPayload = {
        formCode: form.code,
        title: form.names.pl,
        fileName: req.fileName,
        contentType,
        submittedAt: receivedAt,
      };
      const receiptCode = newReceiptCode();
      const receiptNo = db.transaction(() => {
        const no = receipts.assign(id, localDay(at, timeZone()).slice(0, 4));
        insert.run(
          id,
          form.code,
          req.fileName,
          contentType,
          req.pages,
          req.lang,
          sha256,
          bytes.length,
          bytes,
          submitterPesel,
          req.submitter?.name ?? null,
          receivedAt,
          no,
          receiptCode,
        );
        outbox.enqueue('document', documentKey(id), id, payload, at, dueMs);
        return no;
      })();
      return { documentId: id, status: 'queued', sha256, receivedAt, receiptNo, receiptCode };
    },
    /** The document's state as the kiosk sees it; NOT_FOUND for an unknown id. */
    status(id: string): DocumentStatus {
      const r = byId.get(id) as DocumentRow | undefined;
      if (!r) throw new SkrError('NOT_FOUND', 'no such document');
      return {
        documentId: r.id,
        status: r.status,
        sha256: r.sha256,
        receivedAt: r.received_at,
        ...uppOf(r),
        ...(r.receipt_no && r.receipt_code
          ? { receiptNo: r.receipt_no, receiptCode: r.receipt_code }
          : {}),
      };
    },
    /** The state by branch receipt number and check code (see {@link documentReceipts}). */
    byReceipt: (receiptNo: string, code: string) => receipts.lookup(receiptNo, code),
    /** The full submission for the portal and the hash to expect, or undefined if the content is gone. */
    submission(
      id: string,
      payload: DocumentPayload,
    ): { body: PueDocumentSubmission; sha256: string } | undefined {
      const r = content.get(id) as
        | {
            content: Buffer | null;
            submitter_pesel: string | null;
            submitter_name: string | null;
            sha256: string;
          }
        | undefined;
      if (!r?.content) return undefined;
      return {
        body: {
          ...payload,
          submitterPesel: r.submitter_pesel,
          // Only when given: a retry of a document queued before step 12 sends the same body.
          ...(r.submitter_name ? { submitterName: r.submitter_name } : {}),
          contentB64: r.content.toString('base64'),
        },
        sha256: r.sha256,
      };
    },
    /** Marks delivered and erases content and PESEL (inside the outbox's transaction). */
    markDelivered(id: string, upp: PueUpp): void {
      delivered.run(upp.uppId, upp.receivedAt, id);
    },
  };
}
/** The document store. */
export type DocumentStore = ReturnType<typeof documentStore>;

/**
 * Who signed in with which portal session, learnt from the login answers the branch passes on.
 * A document dropped off while the portal is down cannot ask the portal whose session it is,
 * yet the client did sign in through this branch: the branch remembers the PESEL until the
 * session ends (logout or expiry). Memory only: nothing of it reaches the disk or the logs.
 */
export function submitterMemory(max = 1000) {
  const bySession = new Map<string, { pesel: string; expiresMs: number }>();
  return {
    /** Remembers a session's PESEL until `expiresAt` (the oldest entry goes past `max`). */
    remember(session: string, pesel: string, expiresAt: string, nowMs = Date.now()): void {
      const expiresMs = Date.parse(expiresAt);
      if (!(expiresMs > nowMs)) return;
      bySession.delete(session);
      bySession.set(session, { pesel, expiresMs });
      if (bySession.size > max) bySession.delete(bySession.keys().next().value as string);
    },
    /** The PESEL of a live session, or null if unknown, logged out or expired. */
    lookup(session: string, nowMs = Date.now()): string | null {
      const e = bySession.get(session);
      if (!e) return null;
      if (e.expiresMs <= nowMs) {
        bySession.delete(session);
        return null;
      }
      return e.pesel;
    },
    /** Forgets a session (logout). */
    forget(session: string): void {
      bySession.delete(session);
    },
  };
}
