import { SkrError, type KioskSubmitRequest, type KioskSubmitResult } from '@skr/protocol';
import type { BranchClient } from './branch-client';
import type { FileService } from './file-service';
import { imageToPdf } from './image-pdf';
import type { PrinterService } from './printer-service';
import type { SigningService } from './signing-service';

/** Options of {@link createDocumentService}. */
interface DocumentServiceOptions {
  branch: BranchClient;
  files: FileService;
  printer: PrinterService;
  branchName: string;
  /** How long to wait for the portal's UPP before printing the branch's own receipt. */
  uppWaitMs?: number;
  /** Signs with the ID card when the client gives the signature PIN; absent = no card reader. */
  signing?: SigningService;
}

/** Drops a document off at the branch (durable outbox) and prints the receipt. */
interface DocumentService {
  submit(req: KioskSubmitRequest): Promise<KioskSubmitResult>;
}

/** Creates the document service. */
export function createDocumentService(opts: DocumentServiceOptions): DocumentService {
  const { branch, files, printer } = opts;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  return {
    async submit(req) {
      const read = await files.read(req.source, req.name);
      checkContent(read.bytes, read.file.contentType);
      const { bytes, pages, fileName, signed } = req.signPin
        ? await signWithCard(req, read, req.signPin)
        : { ...read, fileName: req.name, signed: false };
      const headers: Record<string, string> = req.pueSession
        ? { 'x-pue-session': req.pueSession }
        : {};
      const accepted = await branch.call('submitDocument', {
        body: {
          formCode: req.formCode,
          fileName,
          contentB64: bytes.toString('base64'),
          pages,
          lang: req.lang,
        },
        headers,
      });
      // The document is committed at the branch now. Give the portal a moment to answer with
      // its UPP; after hours or with the portal down the slip is the branch's own receipt
      // (no UPP exists yet, so it must not look like one).
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
          ...(uppId ? { uppId } : {}),
          // The branch's short receipt number, check code and QR (the UPP lookup at the kiosk).
          ...(accepted.receiptNo && accepted.receiptCode
            ? { branchReceipt: { receiptNo: accepted.receiptNo, code: accepted.receiptCode } }
            : {}),
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
        ...(signed ? { signed } : {}),
      };
    },
  };

  // A scan is wrapped into a PDF first: a PAdES signature lives inside a PDF.
  async function signWithCard(req: KioskSubmitRequest, read: ReadFile, signPin: string) {
    if (!opts.signing)
      throw new SkrError('NOT_FOUND', 'this kiosk has no card reader to sign with');
    const { file } = read;
    const pdf =
      file.contentType === 'application/pdf'
        ? read.bytes
        : await imageToPdf(read.bytes, file.contentType, req.formName);
    // The bridge hands the PIN over as a string; the buffer made from it is wiped by signPdf.
    const bytes = await opts.signing.signPdf(pdf, Buffer.from(signPin, 'ascii'), {
      reason: `Złożenie dokumentu ${req.formCode} w ZUS`,
      location: opts.branchName,
    });
    const fileName = file.contentType === 'application/pdf' ? req.name : `${stem(req.name)}.pdf`;
    return { bytes, pages: read.pages, fileName, signed: true };
  }
}

type ReadFile = Awaited<ReturnType<FileService['read']>>;
const stem = (name: string) => name.replace(/\.[^.]*$/, '');

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Refuses a file whose bytes are not what its name says (a renamed file, a broken scan), with
 * `details.reason` NOT_PDF or NOT_IMAGE so the client is told which, before anything is sent.
 */
export function checkContent(bytes: Buffer, contentType: string): void {
  if (contentType === 'application/pdf') {
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
      throw new SkrError('INVALID', 'the file is not a PDF', { details: { reason: 'NOT_PDF' } });
    return;
  }
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  const png = bytes.subarray(0, 8).equals(PNG_MAGIC);
  if ((contentType === 'image/jpeg' && !jpeg) || (contentType === 'image/png' && !png))
    throw new SkrError('INVALID', 'the file is not a JPEG or PNG image', {
      details: { reason: 'NOT_IMAGE' },
    });
}
