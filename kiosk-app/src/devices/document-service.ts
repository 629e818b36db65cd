import type { KioskSubmitRequest, KioskSubmitResult } from '@skr/protocol';
import type { BranchClient } from './branch-client';
import type { FileService } from './file-service';
import type { PrinterService } from './printer-service';

/** Options of {@link createDocumentService}. */
export interface DocumentServiceOptions {
  branch: BranchClient;
  files: FileService;
  printer: PrinterService;
  branchName: string;
  /** How long to wait for the portal's UPP before printing the branch's own receipt. */
  uppWaitMs?: number;
  /** Printed in place of the UPP id while the document waits in the branch outbox. */
  pendingLabel: (lang: KioskSubmitRequest['lang']) => string;
}

/** Drops a document off at the branch (durable outbox) and prints the receipt. */
export interface DocumentService {
  submit(req: KioskSubmitRequest): Promise<KioskSubmitResult>;
}

/** Creates the document service. */
export function createDocumentService(opts: DocumentServiceOptions): DocumentService {
  const { branch, files, printer } = opts;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  return {
    async submit(req) {
      const { bytes, pages } = await files.read(req.source, req.name);
      const headers: Record<string, string> = req.pueSession
        ? { 'x-pue-session': req.pueSession }
        : {};
      const accepted = await branch.call('submitDocument', {
        body: {
          formCode: req.formCode,
          fileName: req.name,
          contentB64: bytes.toString('base64'),
          pages,
          lang: req.lang,
        },
        headers,
      });
      // The document is committed at the branch now. Give the portal a moment to answer with
      // its UPP; after hours or with the portal down the receipt says "waiting" instead.
      let uppId: string | null = null;
      let status = accepted.status;
      const end = Date.now() + (opts.uppWaitMs ?? 2000);
      while (Date.now() < end) {
        const s = await branch
          .call('documentStatus', { params: { id: accepted.documentId } })
          .catch(() => null);
        if (s?.upp) {
          uppId = s.upp.uppId;
          status = 'delivered';
          break;
        }
        await sleep(150);
      }
      const out = await printer.print({
        kind: 'receipt',
        doc: {
          branchName: opts.branchName,
          documentId: accepted.documentId.slice(0, 64),
          formCode: req.formCode,
          formName: req.formName,
          pages,
          sha256: accepted.sha256,
          submittedAt: accepted.receivedAt,
          uppId: uppId ?? opts.pendingLabel(req.lang),
          lang: req.lang,
        },
      });
      return {
        documentId: accepted.documentId,
        sha256: accepted.sha256,
        receivedAt: accepted.receivedAt,
        pages,
        status,
        uppId,
        printed: out.printed,
        ...(out.error ? { printError: out.error } : {}),
      };
    },
  };
}
