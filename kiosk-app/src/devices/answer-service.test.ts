import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { isSkrError, type PueAnswer } from '@skr/protocol';
import { createAnswerService, updPdf } from './answer-service';
import type { BranchClient } from './branch-client';
import type { KioskPrintJob, PrinterService } from './printer-service';

const answer: PueAnswer = {
  id: 'ans_1',
  title: 'Decyzja w sprawie zasiłku chorobowego',
  date: '2026-11-20',
  sender: 'ZUS I Oddział w Łodzi',
  reference: 'ZAS/2026/014532',
  state: 'read',
  requiresUpd: true,
  upd: {
    updId: 'UPD/2026/00000001',
    answerId: 'ans_1',
    signedAt: '2026-11-30T08:05:00.000Z',
    method: 'confirm',
  },
};

/** A branch that answers pueAnswer and records every call, and a printer that records jobs. */
function rig(printOk = true) {
  const calls: { name: string; input: unknown }[] = [];
  const jobs: KioskPrintJob[] = [];
  const branch = {
    call: async (name: string, input: unknown) => {
      calls.push({ name, input });
      if (name === 'pueAnswer') return { answer, pdfB64: 'JVBERi0xLjQK' };
      return { ...answer.upd, method: 'card' };
    },
  } as unknown as BranchClient;
  const printer = {
    print: async (job: KioskPrintJob) => {
      jobs.push(job);
      return printOk ? { printed: true } : { printed: false, error: 'PAPER_OUT' as const };
    },
  } as unknown as PrinterService;
  return { calls, jobs, branch, printer };
}

describe('answer service', () => {
  it('opens with the client session, prints the summary and gives the page no PDF body', async () => {
    const r = rig();
    const s = createAnswerService({ branch: r.branch, printer: r.printer, branchName: 'ZUS Wola' });
    const out = await s.open({ answerId: 'ans_1', pueSession: 'tok-123', lang: 'pl' });
    expect(r.calls[0]).toEqual({
      name: 'pueAnswer',
      input: { params: { answerId: 'ans_1' }, headers: { 'x-pue-session': 'tok-123' } },
    });
    expect(r.jobs).toEqual([
      {
        kind: 'letter',
        doc: {
          branchName: 'ZUS Wola',
          title: answer.title,
          date: answer.date,
          sender: answer.sender,
          reference: answer.reference,
          upd: { updId: 'UPD/2026/00000001', signedAt: '2026-11-30T08:05:00.000Z' },
          lang: 'pl',
        },
      },
    ]);
    expect(out).toEqual({ answer, printed: true });
    expect(JSON.stringify(out)).not.toContain('JVBERi0');
  });

  it('says when the summary did not print', async () => {
    const r = rig(false);
    const s = createAnswerService({ branch: r.branch, printer: r.printer, branchName: 'ZUS Wola' });
    const out = await s.open({ answerId: 'ans_1', pueSession: 'tok-123', lang: 'uk' });
    expect(out).toMatchObject({ printed: false, printError: 'PAPER_OUT' });
  });

  it('signs the UPD PDF naming the answer and sends it as a card UPD; no reader, no signature', async () => {
    const r = rig();
    const pins: string[] = [];
    let signedPdf: Buffer | undefined;
    const s = createAnswerService({
      branch: r.branch,
      printer: r.printer,
      branchName: 'ZUS Wola',
      signing: {
        signPdf: async (pdf, pin6) => {
          pins.push(pin6.toString());
          signedPdf = Buffer.concat([pdf, Buffer.from('%signed')]);
          return signedPdf;
        },
      },
    });
    await s.signUpdByCard({ answerId: 'ans_1', pueSession: 'tok-123', pin: '123456' });
    expect(pins).toEqual(['123456']);
    const loaded = await PDFDocument.load(signedPdf!.subarray(0, signedPdf!.length - 7));
    expect(loaded.getKeywords()).toBe('upd:ans_1');
    expect(r.calls.at(-1)).toEqual({
      name: 'pueSignUpd',
      input: {
        params: { answerId: 'ans_1' },
        body: { method: 'card', signedPdfB64: signedPdf!.toString('base64') },
        headers: { 'x-pue-session': 'tok-123' },
      },
    });
    const bare = createAnswerService({ branch: r.branch, printer: r.printer, branchName: 'x' });
    const e = await bare
      .signUpdByCard({ answerId: 'ans_1', pueSession: 't', pin: '123456' })
      .catch((x: unknown) => x);
    expect(isSkrError(e, 'NOT_FOUND')).toBe(true);
  });

  it('makes a one-page UPD that names the answer in text and keywords', async () => {
    const pdf = await PDFDocument.load(await updPdf('ans_42', new Date('2026-11-30T08:00:00Z')));
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getKeywords()).toBe('upd:ans_42');
  });
});
