// Issue 16: a drop-off without login prints a branch receipt with a short number the client
// can read out and scan ("D-2026-000123") and a check code, so the number alone (sequential,
// guessable) does not reveal a document's state. The number comes from its own AUTOINCREMENT
// table: SQLite never hands out an AUTOINCREMENT id twice, even after rows are deleted. The
// submitter's name as given at the kiosk is kept with the queued document (like the PESEL, it
// is erased once the portal has confirmed).

/** Step 12: receipt numbers and check codes of documents, and the submitter's name. */
export const documentReceipts = `
  CREATE TABLE document_receipt_seq (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id TEXT NOT NULL UNIQUE
  );
  ALTER TABLE documents ADD COLUMN receipt_no TEXT;
  ALTER TABLE documents ADD COLUMN receipt_code TEXT;
  ALTER TABLE documents ADD COLUMN submitter_name TEXT;
  CREATE UNIQUE INDEX documents_receipt_no ON documents(receipt_no) WHERE receipt_no IS NOT NULL;
  `;
