import { createHash, X509Certificate } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { isSkrError } from '@skr/protocol';
import { createTestCa, type IssuedHolder, type TestCa } from '@skr/hardware-mocks/id-card/index';
import { pdfsig } from './pdfsig';
import { tinyPdf } from './kiosk-rig';
import { imageToPdf } from '../src/devices/image-pdf';
import { createSigningService } from '../src/devices/signing-service';
import { inProcessCard } from './signing-fixture';

// PAdES from the kiosk host, checked by poppler's pdfsig against the test CA. The card here is
// the virtual card's signing primitive in process (the pcscd path has its own tests).
const HOLDER = { pesel: '44051401359', givenName: 'Anna', surname: 'Kowalska' };
const SIGN_PIN = '135790';

describe('signing service: PAdES with the card signature key', () => {
  let ca: TestCa;
  let issued: IssuedHolder;
  let signed: Buffer;
  const log: string[] = [];

  beforeAll(async () => {
    ca = await createTestCa();
    issued = await ca.issueSignature(HOLDER);
    const pin = Buffer.from(SIGN_PIN);
    signed = await createSigningService({
      openCard: inProcessCard(issued, { pin: SIGN_PIN, log }),
    }).signPdf(tinyPdf(2), pin, {
      reason: 'Złożenie dokumentu w ZUS',
      location: 'ZUS Oddział Warszawa-Wola',
    });
    expect([...pin].every((b) => b === 0)).toBe(true);
  }, 30_000);

  it('makes a signature pdfsig calls valid, from a certificate chained to the test CA', async () => {
    expect(log).toEqual(['sign pin-ok', 'close']);
    const report = await pdfsig(signed, ca.caCertPem);
    expect(report.output).toContain('ETSI.CAdES.detached');
    expect(report.output).toContain('Total document signed');
    expect(report.output).toContain('Anna Kowalska');
    expect(report.valid, report.output).toBe(true);
    expect(report.trusted, report.output).toBe(true);
    expect(report.output).toMatch(/Signed Ranges: \[0 - \d+\], \[\d+ - \d+\]/);
    expect((await PDFDocument.load(signed)).getPageCount()).toBe(2);
  });

  it('is reported invalid by pdfsig once one signed byte is flipped', async () => {
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('/MediaBox');
    tampered[at + 1] = 'X'.charCodeAt(0); // /XediaBox: same length, other bytes
    const report = await pdfsig(tampered, ca.caCertPem);
    expect(report.valid, report.output).toBe(false);
    expect(report.output).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
  });

  it('is not trusted against another CA', async () => {
    const other = await createTestCa('Someone else');
    const report = await pdfsig(signed, other.caCertPem);
    expect(report.trusted).toBe(false);
  });

  it('wraps a scan into a PDF that can be signed', async () => {
    // 1×1 PNG
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
        '1f15c4890000000d49444154789c6360f8cfc0000003010100c9fe92ef0000000049454e44ae426082',
      'hex',
    );
    const pdf = await imageToPdf(png, 'image/png', 'skan');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const out = await createSigningService({ openCard: inProcessCard(issued) }).signPdf(
      pdf,
      Buffer.from(SIGN_PIN),
      { reason: 'test' },
    );
    expect((await pdfsig(out, ca.caCertPem)).valid).toBe(true);
  });

  it('wipes the PIN and closes the card when the card refuses', async () => {
    const calls: string[] = [];
    const pin = Buffer.from('000000');
    const err = await createSigningService({
      openCard: inProcessCard(issued, { pin: SIGN_PIN, log: calls }),
    })
      .signPdf(tinyPdf(1), pin, { reason: 'x' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect([...pin].every((b) => b === 0)).toBe(true);
    expect(calls).toEqual(['sign pin-bad', 'close']);
  });

  it('refuses bytes that are not a PDF as NOT_PDF', async () => {
    const err = await createSigningService({ openCard: inProcessCard(issued) })
      .signPdf(Buffer.from('%PDF-1.4 garbage'), Buffer.from(SIGN_PIN), { reason: 'x' })
      .catch((e: unknown) => e);
    expect(isSkrError(err) && err.details?.reason).toBe('NOT_PDF');
  });

  it('puts the signing certificate hash into the signed attributes (signingCertificateV2)', () => {
    const hash = createHash('sha256').update(new X509Certificate(issued.certPem).raw).digest('hex');
    const [, open, close] = /\/ByteRange \[0 (\d+) (\d+) \d+\]/
      .exec(signed.toString('latin1'))!
      .map(Number) as number[];
    const cms = signed.subarray(open! + 1, close! - 1).toString('latin1');
    expect(cms).toContain(hash);
  });
});
