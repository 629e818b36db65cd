// Document intake with an idempotency key. The branch delivers from an outbox at least once;
// the portal must keep each document once. The lookup and the insert run in one synchronous
// SQLite transaction, so two concurrent deliveries of the same key cannot both insert, and a
// UNIQUE (branch_id, idempotency_key) constraint backs that up.
import type { PueDocumentSubmission, PueUpp } from '@skr/protocol';
import { SkrError } from '@skr/protocol';
import { nowIso, type PueContext } from './context';
import { newId, sha256Hex } from './secrets';
import { hasPdfSignature, verifyPdfSignature } from './signature-check';

interface DocumentRow {
  id: string;
  upp_id: string;
  branch_id: string;
  idempotency_key: string;
  request_hash: string;
  sha256: string;
  form_code: string;
  title: string;
  file_name: string;
  content_type: string;
  submitter_pesel?: string | null;
  submitter_name?: string | null;
  received_at: string;
}

const toUpp = (r: DocumentRow): PueUpp => ({
  uppId: r.upp_id,
  documentId: r.id,
  receivedAt: r.received_at,
  sha256: r.sha256,
  idempotencyKey: r.idempotency_key,
});

/** Takes in a document once per (branch, key) and answers its UPP; the same key gives the same UPP. */
export function submitDocument(
  ctx: PueContext,
  branchId: string,
  idempotencyKey: string,
  doc: PueDocumentSubmission,
): { upp: PueUpp; created: boolean } {
  const content = Buffer.from(doc.contentB64, 'base64');
  if (content.length === 0) throw new SkrError('INVALID', 'contentB64 decodes to nothing');
  const requestHash = sha256Hex(JSON.stringify(doc));
  return ctx.db.transaction(() => {
    const existing = ctx.db
      .prepare('SELECT * FROM documents WHERE branch_id = ? AND idempotency_key = ?')
      .get(branchId, idempotencyKey) as DocumentRow | undefined;
    if (existing) {
      if (existing.request_hash !== requestHash) {
        throw new SkrError('CONFLICT', 'This idempotency key was used for a different document');
      }
      return { upp: toUpp(existing), created: false };
    }
    // A signed PDF gets its UPP only if the signature holds; unsigned ones (a password session,
    // whose portal profile vouches for it) are taken as before.
    // The signer must be the submitter the branch names; an anonymous drop-off signed with a
    // card is kept under the signer.
    let submitterPesel = doc.submitterPesel;
    if (doc.contentType === 'application/pdf' && hasPdfSignature(content)) {
      const signer = verifyPdfSignature(content, ctx.caCertsPem, ctx.now());
      if (signer.pesel !== null && submitterPesel !== null && signer.pesel !== submitterPesel)
        throw new SkrError(
          'INVALID',
          'The document signature is not valid: the signer is not the submitter',
          { details: { reason: 'BAD_SIGNATURE' } },
        );
      submitterPesel ??= signer.pesel;
    }
    const receivedAt = nowIso(ctx);
    // MAX(rowid) is a lookup, COUNT(*) a scan of every stored document (quadratic over a day);
    // documents are never deleted, so both give the same next number.
    const { n } = ctx.db
      .prepare('SELECT COALESCE(MAX(rowid), 0) + 1 AS n FROM documents')
      .get() as {
      n: number;
    };
    const uppId = `UPP/${receivedAt.slice(0, 4)}/${String(n).padStart(8, '0')}`;
    const id = newId('doc');
    ctx.db
      .prepare(
        `INSERT INTO documents (id, upp_id, branch_id, idempotency_key, request_hash, sha256,
           form_code, title, submitter_pesel, submitter_name, file_name, content_type, content,
           submitted_at, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        uppId,
        branchId,
        idempotencyKey,
        requestHash,
        sha256Hex(content),
        doc.formCode,
        doc.title,
        submitterPesel,
        doc.submitterName ?? null,
        doc.fileName,
        doc.contentType,
        content,
        doc.submittedAt,
        receivedAt,
      );
    const row = ctx.db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow;
    return { upp: toUpp(row), created: true };
  })();
}

/** A stored document as tests see it (without the content bytes). */
export interface StoredDocument {
  upp: PueUpp;
  branchId: string;
  formCode: string;
  title: string;
  fileName: string;
  contentType: string;
  /** Who submitted it (null for a document dropped off anonymously). */
  submitterPesel: string | null;
  /** The name given at a drop-off without login (null when not asked). */
  submitterName: string | null;
}

/** The bytes of a stored document exactly as taken in, or null for an unknown id. */
export function documentContent(ctx: PueContext, documentId: string): Buffer | null {
  const row = ctx.db.prepare('SELECT content FROM documents WHERE id = ?').get(documentId) as
    { content: Buffer } | undefined;
  return row?.content ?? null;
}

/** Every document taken in, oldest first. */
export function listDocuments(ctx: PueContext): StoredDocument[] {
  const rows = ctx.db
    .prepare(
      `SELECT id, upp_id, branch_id, idempotency_key, request_hash, sha256, form_code, title,
         file_name, content_type, submitter_pesel, submitter_name, received_at FROM documents
         ORDER BY rowid`,
    )
    .all() as DocumentRow[];
  return rows.map((r) => ({
    upp: toUpp(r),
    branchId: r.branch_id,
    formCode: r.form_code,
    title: r.title,
    fileName: r.file_name,
    contentType: r.content_type,
    submitterPesel: r.submitter_pesel ?? null,
    submitterName: r.submitter_name ?? null,
  }));
}
