import { PDFDocument, StandardFonts } from 'pdf-lib';
import {
  SkrError,
  type KioskCardUpdRequest,
  type KioskOpenAnswerRequest,
  type KioskOpenAnswerResult,
  type PueUpd,
} from '@skr/protocol';
import type { BranchClient } from './branch-client';
import type { PrinterService } from './printer-service';

/** What the UPD needs of the ID-card signing service (signing-service.ts): a PAdES signature. */
interface UpdSigner {
  signPdf(pdf: Buffer, pin6: Buffer, opts: { reason: string; location?: string }): Promise<Buffer>;
}

/** Options of {@link createAnswerService}. */
interface AnswerServiceOptions {
  branch: BranchClient;
  printer: PrinterService;
  branchName: string;
  /** Absent when the kiosk cannot sign with the ID card (no reader). */
  signing?: UpdSigner;
  now?: () => Date;
}

/** Answers from ZUS at the kiosk: the UPD signed with the ID card, and opening with a print. */
interface AnswerService {
  /** Fetches the answer (its UPD signed or not needed) and prints its summary. */
  open(req: KioskOpenAnswerRequest): Promise<KioskOpenAnswerResult>;
  /** Makes the UPD PDF, signs it with the card (PAdES) after the PIN and sends it. */
  signUpdByCard(req: KioskCardUpdRequest): Promise<PueUpd>;
}

/**
 * The UPD the card signs: who is the signature's certificate; which answer is named in the
 * text and in the keywords the portal checks (`upd:<answerId>`); when is the signing time;
 * where is the signature's location (the branch).
 */
export async function updPdf(answerId: string, at: Date): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle('Urzedowe poswiadczenie doreczenia (UPD)');
  doc.setKeywords([`upd:${answerId}`]);
  doc.setCreationDate(at);
  doc.setModificationDate(at);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  // Standard fonts lack Polish letters; the signed statement is written without them.
  const lines = [
    'Urzedowe poswiadczenie doreczenia (UPD)',
    '',
    `Potwierdzam odbior pisma ZUS o identyfikatorze ${answerId}.`,
    `Czas: ${at.toISOString()}`,
    'Podpisano podpisem osobistym (e-dowod).',
  ];
  lines.forEach((text, i) => page.drawText(text, { x: 60, y: 780 - i * 20, size: 12, font }));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** Creates the answer service. */
export function createAnswerService(opts: AnswerServiceOptions): AnswerService {
  const { branch, printer } = opts;
  const now = opts.now ?? (() => new Date());
  const session = (token: string) => ({ headers: { 'x-pue-session': token } });
  return {
    async open(req) {
      const { answer } = await branch.call('pueAnswer', {
        params: { answerId: req.answerId },
        ...session(req.pueSession),
      });
      // The PDF body is not kept nor passed to the page: the paper summary is what leaves.
      const out = await printer.print({
        kind: 'letter',
        doc: {
          branchName: opts.branchName,
          title: answer.title.slice(0, 160),
          date: answer.date,
          sender: answer.sender.slice(0, 120),
          reference: answer.reference.slice(0, 40),
          ...(answer.upd
            ? { upd: { updId: answer.upd.updId, signedAt: answer.upd.signedAt } }
            : {}),
          lang: req.lang,
        },
      });
      return { answer, printed: out.printed, ...(out.error ? { printError: out.error } : {}) };
    },
    async signUpdByCard(req) {
      if (!opts.signing) throw new SkrError('NOT_FOUND', 'this kiosk has no card reader');
      const pdf = await updPdf(req.answerId, now());
      const signed = await opts.signing.signPdf(pdf, Buffer.from(req.pin), {
        reason: 'UPD: potwierdzenie odbioru pisma ZUS',
        location: opts.branchName,
      });
      return branch.call('pueSignUpd', {
        params: { answerId: req.answerId },
        body: { method: 'card', signedPdfB64: signed.toString('base64') },
        ...session(req.pueSession),
      });
    },
  };
}
