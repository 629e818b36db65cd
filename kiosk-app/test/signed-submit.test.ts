import { describe, expect, it } from 'vitest';
import { createTestCa } from '@skr/hardware-mocks/id-card/index';
import type { BranchClient } from '../src/devices/branch-client';
import { createDocumentService } from '../src/devices/document-service';
import type { FileService } from '../src/devices/file-service';
import type { PrinterService } from '../src/devices/printer-service';
import { createSigningService } from '../src/devices/signing-service';
import { pdfsig } from './pdfsig';
import { inProcessCard } from './signing-fixture';

// What the document service sends when the client gives the signature PIN: a scan is wrapped
// into a PDF, signed, renamed .pdf; without the PIN the file goes as it is. Branch, files and
// printer are recording stand-ins (the Chromium test drives the real ones).
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360f8cfc0000003010100c9fe92ef0000000049454e44ae426082',
  'hex',
);

function rig() {
  const sent: { fileName: string; content: Buffer }[] = [];
  const branch = {
    async call(name: string, req: { body?: { fileName: string; contentB64: string } }) {
      if (name === 'submitDocument') {
        sent.push({
          fileName: req.body!.fileName,
          content: Buffer.from(req.body!.contentB64, 'base64'),
        });
        return {
          documentId: 'd1',
          status: 'queued',
          sha256: 'a'.repeat(64),
          receivedAt: new Date().toISOString(),
        };
      }
      return { documentId: 'd1', status: 'queued' };
    },
  } as unknown as BranchClient;
  const files = {
    read: async () => ({
      bytes: PNG,
      pages: 1,
      file: { source: 'scanner', name: 'skan-1.png', bytes: PNG.length, contentType: 'image/png' },
    }),
  } as unknown as FileService;
  const printer = { print: async () => ({ printed: true }) } as unknown as PrinterService;
  return { sent, branch, files, printer };
}

const REQ = {
  source: 'scanner' as const,
  name: 'skan-1.png',
  formCode: 'ZUS-Z-3',
  formName: 'Zaświadczenie',
  lang: 'pl' as const,
};

describe('document service with the signature PIN', () => {
  it('wraps a scan into a PDF, signs it and sends it as .pdf; without the PIN sends the scan', async () => {
    const ca = await createTestCa();
    const issued = await ca.issueSignature({
      pesel: '44051401359',
      givenName: 'Anna',
      surname: 'Kowalska',
    });
    const r = rig();
    const signing = createSigningService({ openCard: inProcessCard(issued, { pin: '246813' }) });
    const docs = createDocumentService({ ...r, branchName: 'ZUS Wola', uppWaitMs: 0, signing });
    const signed = await docs.submit({ ...REQ, signPin: '246813' });
    expect(signed.signed).toBe(true);
    expect(r.sent[0]!.fileName).toBe('skan-1.pdf');
    expect(r.sent[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
    const report = await pdfsig(r.sent[0]!.content, ca.caCertPem);
    expect(report.valid && report.trusted, report.output).toBe(true);

    const plain = await docs.submit(REQ);
    expect(plain.signed).toBeUndefined();
    expect(r.sent[1]).toEqual({ fileName: 'skan-1.png', content: PNG });
  }, 30_000);

  it('refuses the PIN on a kiosk without a card reader', async () => {
    const r = rig();
    const docs = createDocumentService({ ...r, branchName: 'ZUS Wola', uppWaitMs: 0 });
    await expect(docs.submit({ ...REQ, signPin: '246813' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(r.sent).toHaveLength(0);
  });
});
