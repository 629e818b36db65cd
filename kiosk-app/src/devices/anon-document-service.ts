import {
  SkrError,
  type DocumentSubmitter,
  type KioskAnonSubmitRequest,
  type KioskAnonSubmitResult,
  type KioskReceiptLookupRequest,
  type KioskReceiptLookupResult,
  type Lang,
} from '@skr/protocol';
import type { BranchClient } from './branch-client';
import type { CardService } from './card-service';
import { checkContent } from './document-service';
import type { FileService } from './file-service';
import type { PrinterService } from './printer-service';

/** Options of {@link createAnonDocumentService}. */
interface AnonDocumentServiceOptions {
  branch: BranchClient;
  files: FileService;
  printer: PrinterService;
  branchName: string;
  /** Absent without a card reader: then the submitter can only be typed. */
  card?: CardService;
  /** How long to wait for the portal's UPP before printing the branch receipt. */
  uppWaitMs?: number;
}

/**
 * Drop-off without login ("Złóż dokument (bez logowania)") and the lookup of its UPP by the
 * branch receipt's number and check code ("Sprawdź potwierdzenie (UPP)").
 */
interface AnonDocumentService {
  submit(req: KioskAnonSubmitRequest): Promise<KioskAnonSubmitResult>;
  lookup(req: KioskReceiptLookupRequest): Promise<KioskReceiptLookupResult>;
}

/** Creates the service. */
export function createAnonDocumentService(opts: AnonDocumentServiceOptions): AnonDocumentService {
  const { branch, files, printer } = opts;

  /** The branch's zone for the printed date (the receipt is the branch's, not the kiosk's). */
  const branchZone = () =>
    branch
      .call('branchOpening')
      .then((o) => o.timeZone)
      .catch(() => undefined);

  async function submitter(req: KioskAnonSubmitRequest): Promise<DocumentSubmitter> {
    if (req.submitter.by === 'typed') {
      const { name, pesel } = req.submitter;
      return { name, ...(pesel ? { pesel } : {}) };
    }
    if (!opts.card) throw new SkrError('NOT_FOUND', 'this kiosk has no card reader');
    // Read at the moment of submitting, so it is the card in the reader now.
    const { holder, pesel } = await opts.card.readSubmitter();
    return { name: `${holder.givenName} ${holder.surname}`, pesel };
  }

  async function formName(code: string, lang: Lang): Promise<string> {
    const r = await branch.call('documentForms').catch(() => null);
    return r?.forms.find((f) => f.code === code)?.names[lang].slice(0, 60) ?? code;
  }

  return {
    async submit(req) {
      const { bytes, pages, file } = await files.read(req.source, req.name);
      checkContent(bytes, file.contentType);
      const accepted = await branch.call('submitDocument', {
        body: {
          formCode: req.formCode,
          fileName: req.name,
          contentB64: bytes.toString('base64'),
          pages,
          lang: req.lang,
          submitter: await submitter(req),
        },
      });
      const { receiptNo, receiptCode } = accepted;
      if (!receiptNo || !receiptCode)
        throw new SkrError('UNAVAILABLE', 'the branch gave no receipt number');
      // Committed at the branch. A moment for the portal's UPP; without it the slip is the
      // branch receipt, which says it is not a UPP and how to look the UPP up later.
      const upp = await waitForUpp(branch, accepted.documentId, opts.uppWaitMs ?? 2000);
      const timeZone = await branchZone();
      const out = await printer.print({
        kind: 'receipt',
        doc: {
          branchName: opts.branchName,
          documentId: receiptNo,
          formCode: req.formCode,
          formName: req.formName,
          pages,
          sha256: accepted.sha256,
          submittedAt: accepted.receivedAt,
          ...(timeZone ? { timeZone } : {}),
          ...(upp ? { uppId: upp } : {}),
          branchReceipt: { receiptNo, code: receiptCode },
          lang: req.lang,
        },
      });
      return {
        receiptNo,
        receiptCode,
        sha256: accepted.sha256,
        receivedAt: accepted.receivedAt,
        pages,
        status: upp ? 'delivered' : 'queued',
        uppId: upp,
        printed: out.printed,
        ...(out.error ? { printError: out.error } : {}),
      };
    },

    async lookup(req) {
      const found = await branch.call('documentByReceipt', {
        body: { receiptNo: req.receiptNo, code: req.code },
      });
      // No UPP yet: nothing to print, the screen says so honestly.
      if (!found.upp)
        return { receiptNo: found.receiptNo, status: found.status, uppId: null, printed: false };
      const timeZone = await branchZone();
      const out = await printer.print({
        kind: 'receipt',
        doc: {
          branchName: opts.branchName,
          documentId: found.receiptNo,
          formCode: found.formCode,
          formName: await formName(found.formCode, req.lang),
          pages: found.pages,
          sha256: found.sha256,
          submittedAt: found.receivedAt,
          ...(timeZone ? { timeZone } : {}),
          uppId: found.upp.uppId,
          branchReceipt: { receiptNo: found.receiptNo, code: req.code },
          lang: req.lang,
        },
      });
      return {
        receiptNo: found.receiptNo,
        status: 'delivered',
        uppId: found.upp.uppId,
        printed: out.printed,
        ...(out.error ? { printError: out.error } : {}),
      };
    },
  };
}

/** The UPP number once the portal has issued it within `ms`, else null (never throws). */
async function waitForUpp(
  branch: BranchClient,
  documentId: string,
  ms: number,
): Promise<string | null> {
  const end = Date.now() + ms;
  for (;;) {
    const s = await branch.call('documentStatus', { params: { id: documentId } }).catch(() => null);
    if (s?.upp) return s.upp.uppId;
    if (Date.now() >= end) return null;
    await new Promise((r) => setTimeout(r, 150));
  }
}
