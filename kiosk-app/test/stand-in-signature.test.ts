import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSkrError } from '@skr/protocol';
import { createTestCa, type TestCa } from '@skr/hardware-mocks/id-card/index';
import { BRANCH, BRANCH_KEY, startHarness, type Harness } from '../../pue-emulator/test/harness';
import { verifyPdfSignature } from '../../pue-emulator/src/signature-check';
import { tinyPdf } from './kiosk-rig';
import { signWith } from './signing-fixture';

// The portal stand-in checks a card-signed PDF before it issues a UPP: here with PDFs the kiosk
// host's signing service made, then spoilt in the ways a verifier must catch.
const HOLDER = { pesel: '44051401359', givenName: 'Anna', surname: 'Kowalska' };

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isSkrError(e) && e.details?.reason === 'BAD_SIGNATURE') return e.message;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('stand-in: signature check before the UPP', () => {
  let ca: TestCa;
  let signed: Buffer;
  let h: Harness;

  beforeAll(async () => {
    ca = await createTestCa();
    signed = await signWith(await ca.issueSignature(HOLDER), tinyPdf(2));
    h = await startHarness({ caCertsPem: [ca.caCertPem], now: () => new Date() });
  }, 30_000);
  afterAll(async () => {
    await h?.stop();
  });

  const submit = (pdf: Buffer, submitterPesel: string | null = HOLDER.pesel) =>
    h.call('POST', `/v1/branches/${BRANCH}/documents`, {
      headers: { 'x-branch-key': BRANCH_KEY, 'idempotency-key': randomUUID() },
      body: {
        formCode: 'ZUS-Z-3',
        title: 'Zaświadczenie płatnika składek',
        submitterPesel,
        fileName: 'z3.pdf',
        contentType: 'application/pdf',
        contentB64: pdf.toString('base64'),
        submittedAt: new Date().toISOString(),
      },
    });

  it('accepts the kiosk signature and names the signer', () => {
    const signer = verifyPdfSignature(signed, [ca.caCertPem], new Date());
    expect(signer).toMatchObject({ pesel: HOLDER.pesel, name: 'Anna Kowalska' });
  });

  it('refuses a flipped byte, appended bytes, another CA, an expired view and a login certificate', async () => {
    const flipped = Buffer.from(signed);
    flipped[flipped.indexOf('/MediaBox') + 1] = 0x58;
    expect(refusal(() => verifyPdfSignature(flipped, [ca.caCertPem], new Date()))).toMatch(
      /changed after signing/,
    );
    const appended = Buffer.concat([signed, Buffer.from('\n% more\n')]);
    expect(refusal(() => verifyPdfSignature(appended, [ca.caCertPem], new Date()))).toMatch(
      /whole file/,
    );
    const other = await createTestCa('Other CA');
    expect(refusal(() => verifyPdfSignature(signed, [other.caCertPem], new Date()))).toMatch(
      /trusted CA/,
    );
    const later = new Date(Date.now() + 6 * 365 * 86_400_000);
    expect(refusal(() => verifyPdfSignature(signed, [ca.caCertPem], later))).toMatch(
      /not valid at this time/,
    );
    const byLoginKey = await signWith(await ca.issueHolder(HOLDER), tinyPdf(2));
    expect(refusal(() => verifyPdfSignature(byLoginKey, [ca.caCertPem], new Date()))).toMatch(
      /not a signature certificate/,
    );
    // The CMS itself changed (one byte of the signature value): the signature does not match.
    const hole = /\/ByteRange \[0 (\d+) (\d+)/.exec(signed.toString('latin1'))!;
    const cmsHex = signed.subarray(Number(hole[1]) + 1, Number(hole[2]) - 1).toString('latin1');
    const end = cmsHex.replace(/0+$/, '').length; // the signature value ends the DER
    const badSig = Buffer.from(signed);
    const at = Number(hole[1]) + 1 + end - 4;
    badSig[at] = badSig[at] === 0x30 ? 0x31 : 0x30;
    expect(refusal(() => verifyPdfSignature(badSig, [ca.caCertPem], new Date()))).toMatch(
      /does not match|cannot be read/,
    );
  });

  it('over HTTP: a signed PDF gets its UPP with its own hash, a tampered one is refused with no UPP', async () => {
    const ok = await submit(signed);
    expect(ok.status).toBe(201);
    expect(ok.body.sha256).toBe(createHash('sha256').update(signed).digest('hex'));
    const before = h.emu.documents().count;
    const tampered = Buffer.from(signed);
    tampered[tampered.indexOf('/MediaBox') + 1] = 0x58;
    const bad = await submit(tampered);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID');
    expect(bad.body.message).toMatch(/signature is not valid/);
    expect(h.emu.documents().count).toBe(before);
    // Unsigned, as after a password login: taken as before.
    expect((await submit(tinyPdf(1))).status).toBe(201);
  });

  it('refuses a document signed by someone other than its submitter; an anonymous one is kept under the signer', async () => {
    const before = h.emu.documents().count;
    const other = await submit(signed, '02070803628');
    expect(other.status).toBe(400);
    expect(other.body.details?.reason).toBe('BAD_SIGNATURE');
    expect(other.body.message).toMatch(/signer is not the submitter/);
    expect(h.emu.documents().count).toBe(before);
    const anonymous = await submit(signed, null);
    expect(anonymous.status).toBe(201);
    const kept = h.emu.documents().items.find((d) => d.upp.uppId === anonymous.body.uppId);
    expect(kept?.submitterPesel).toBe(HOLDER.pesel);
  });
});
