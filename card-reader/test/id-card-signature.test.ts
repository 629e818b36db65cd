import { createHash, randomBytes, verify, X509Certificate } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CardHolder } from '@skr/protocol/card';
import { isSkrError } from '@skr/protocol/errors';
import {
  createTestCa,
  startVirtualIdCard,
  type TestCa,
  type VirtualIdCard,
} from '@skr/hardware-mocks/id-card/index';
import {
  acquireVirtualPcscd,
  createPcscReaderService,
  openIdCardSession,
  VIRTUAL_READERS,
  type PcscReaderService,
  type VirtualPcscd,
} from '../src/index';

// The signature key ("podpis osobisty") over real PC/SC: pcscd + vpcd + the Node card.
// Virtual card only: these tests spend and block the signature PIN.

const HOLDER = { pesel: '44051401359', givenName: 'Łucja', surname: 'Żółkiewska-Nowak' };
const PIN = '4821';
const SIGN_PIN = '975310';
const READER = VIRTUAL_READERS[0].name;
const ascii = (s: string) => Buffer.from(s, 'ascii');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest();

async function codeOf(p: Promise<unknown>): Promise<[string, Record<string, unknown> | undefined]> {
  const err = await p.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  return isSkrError(err) ? [err.code, err.details] : [String(err), undefined];
}

describe('ID card signature key via pcscd + vpcd', () => {
  let pcscd: VirtualPcscd;
  let ca: TestCa;
  let service: PcscReaderService;
  let card: VirtualIdCard;
  const logs: object[] = [];

  beforeAll(async () => {
    pcscd = await acquireVirtualPcscd();
    ca = await createTestCa();
    service = createPcscReaderService({
      logger: { debug: (o) => logs.push(o), warn: (o) => logs.push(o) },
    });
    await service.waitForReader(READER, 10_000);
  }, 30_000);
  afterAll(async () => {
    service?.close();
    await pcscd?.release();
  });
  beforeEach(async () => {
    logs.length = 0;
    card = await startVirtualIdCard({
      port: VIRTUAL_READERS[0].port,
      pin: PIN,
      signPin: SIGN_PIN,
      holder: HOLDER,
      ca,
    });
    await card.insert();
    await service.waitForCard(READER, true, 5_000);
  });
  afterEach(async () => {
    await card.close();
    await service.waitForCard(READER, false, 5_000);
  });

  it('reads a signature certificate apart from the login one, chained to the test CA', async () => {
    const session = await openIdCardSession(service, READER);
    const sig = await session.readSignatureCertificate();
    const login = await session.readCertificate();
    expect(CardHolder.parse(sig.holder)).toEqual(login.holder);
    const cert = new X509Certificate(sig.pem);
    expect(cert.raw.equals(card.issuedSignature.certDer)).toBe(true);
    expect(cert.raw.equals(new X509Certificate(login.pem).raw)).toBe(false);
    expect(cert.verify(new X509Certificate(ca.caCertPem).publicKey)).toBe(true);
    await session.close();
  });

  it('signs a SHA-256 digest after the 6-digit PIN, wipes the PIN, and keeps the login key usable', async () => {
    const session = await openIdCardSession(service, READER);
    const document = randomBytes(1000);
    const pin6 = ascii(SIGN_PIN);
    const sig = await session.signDigest(pin6, sha256(document));
    expect([...pin6]).toEqual([0, 0, 0, 0, 0, 0]);
    const key = new X509Certificate((await session.readSignatureCertificate()).pem).publicKey;
    expect(verify('sha256', document, { key, dsaEncoding: 'ieee-p1363' }, sig)).toBe(true);
    expect(verify('sha256', randomBytes(10), { key, dsaEncoding: 'ieee-p1363' }, sig)).toBe(false);
    // The login key answers the portal challenge as before.
    await session.verifyPin(ascii(PIN));
    const challenge = randomBytes(32);
    const login = await session.respondToChallenge(challenge);
    const loginKey = new X509Certificate(login.certificatePem).publicKey;
    const loginSig = Buffer.from(login.signatureB64, 'base64');
    expect(
      verify('sha256', challenge, { key: loginKey, dsaEncoding: 'ieee-p1363' }, loginSig),
    ).toBe(true);
    const logged = JSON.stringify(logs).toLowerCase();
    expect(logged).not.toContain(ascii(SIGN_PIN).toString('hex'));
    await session.close();
  });

  it('counts wrong signature PINs on their own counter and blocks at the third', async () => {
    const session = await openIdCardSession(service, READER);
    const digest = sha256(ascii('x'));
    expect(await session.signaturePinTriesLeft()).toBe(3);
    expect(await codeOf(session.signDigest(ascii('000000'), digest))).toEqual([
      'PIN_INVALID',
      { triesLeft: 2 },
    ]);
    expect(await codeOf(session.signDigest(ascii('111111'), digest))).toEqual([
      'PIN_INVALID',
      { triesLeft: 1 },
    ]);
    expect(card.triesLeft).toBe(3); // the login PIN is untouched
    expect((await codeOf(session.signDigest(ascii('222222'), digest)))[0]).toBe('PIN_BLOCKED');
    expect((await codeOf(session.signDigest(ascii(SIGN_PIN), digest)))[0]).toBe('PIN_BLOCKED');
    expect(await session.signaturePinTriesLeft()).toBe(0);
    expect(card.signTriesLeft).toBe(0);
    await session.verifyPin(ascii(PIN)); // login still works
    await session.close();
  });

  it('refuses a 4-digit PIN or a wrong-size digest without sending the PIN, and wipes it', async () => {
    const session = await openIdCardSession(service, READER);
    const sent: Buffer[] = [];
    const off = card.onApdu((a) => sent.push(a));
    const short = ascii('4821');
    expect((await codeOf(session.signDigest(short, sha256(ascii('x')))))[0]).toBe('INVALID');
    const good = ascii(SIGN_PIN);
    expect((await codeOf(session.signDigest(good, Buffer.alloc(20))))[0]).toBe('INVALID');
    off();
    expect(sent).toHaveLength(0);
    expect([...short, ...good].every((b) => b === 0)).toBe(true);
    expect(card.signTriesLeft).toBe(3);
    await session.close();
  });
});
