import { createHash, verify, X509Certificate, randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CardEvent, CardHolder, CardSignResult, IdCardApp } from '@skr/protocol/card';
import { isSkrError } from '@skr/protocol/errors';
import {
  createTestCa,
  DEFAULT_SIGN_PIN,
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

// Contract suite for the ID-card interface. The virtual part always runs (pcscd + vpcd + a
// Node card). Set SKR_CARD_READER="<reader name>" to also run the non-destructive part
// against a real reader holding a test card with this applet; SKR_CARD_PIN adds PIN + sign.
// Fault tests (pulled card, mute card, blocking the PIN) never run on real cards.

const HOLDER = { pesel: '44051401359', givenName: 'Łucja', surname: 'Żółkiewska-Nowak' };
const PIN = '4821';
const READER = VIRTUAL_READERS[0].name;
const pin = (s: string) => Buffer.from(s, 'ascii');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest();

async function rejectsWith(
  p: Promise<unknown>,
  code: string,
): Promise<Record<string, unknown> | undefined> {
  const err = await p.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  expect(isSkrError(err) ? err.code : String(err)).toBe(code);
  return isSkrError(err) ? err.details : undefined;
}

function verifiesAgainst(certPem: string, challenge: Buffer, sig: Buffer): boolean {
  const key = new X509Certificate(certPem).publicKey;
  return verify('sha256', challenge, { key, dsaEncoding: 'ieee-p1363' }, sig);
}

describe('ID card contract: virtual card via pcscd + vpcd', () => {
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
  });
  afterAll(async () => {
    service?.close();
    await pcscd?.release();
  });
  beforeEach(async () => {
    logs.length = 0;
    card = await startVirtualIdCard({
      port: VIRTUAL_READERS[0].port,
      pin: PIN,
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

  it('lists both vpcd readers', () => {
    expect(service.readers()).toEqual(expect.arrayContaining(VIRTUAL_READERS.map((r) => r.name)));
  });

  it('reports removal and insertion with the reader name', async () => {
    const seen: CardEvent[] = [];
    const offs = [
      service.on('removed', (e) => seen.push(e)),
      service.on('inserted', (e) => seen.push(e)),
    ];
    await card.remove();
    await service.waitForCard(READER, false, 5_000);
    await card.insert();
    await service.waitForCard(READER, true, 5_000);
    offs.forEach((off) => off());
    expect(seen.map((e) => CardEvent.parse(e))).toEqual([
      { type: 'removed', reader: READER },
      { type: 'inserted', reader: READER },
    ]);
  });

  it('reports a quick card swap as removed + inserted and ends the old session', async () => {
    const session = await openIdCardSession(service, READER);
    const seen: string[] = [];
    const offs = [
      service.on('removed', (e) => seen.push(e.type)),
      service.on('inserted', (e) => seen.push(e.type)),
    ];
    // Out and back in faster than pcscd polls: only the event counter in the state shows it.
    await card.remove();
    await card.insert();
    const deadline = Date.now() + 5_000;
    while (seen.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    offs.forEach((off) => off());
    expect(seen).toEqual(['removed', 'inserted']);
    await rejectsWith(session.pinTriesLeft(), 'CARD_REMOVED');
  });

  it('reads a holder certificate that chains to the test CA', async () => {
    const session = await openIdCardSession(service, READER);
    const { pem, holder } = await session.readCertificate();
    expect(CardHolder.parse(holder)).toEqual({
      givenName: 'Łucja',
      surname: 'Żółkiewska-Nowak',
      peselMasked: '*******1359',
    });
    const caCert = new X509Certificate(ca.caCertPem);
    const cert = new X509Certificate(pem);
    expect(cert.checkIssued(caCert)).toBe(true);
    expect(cert.verify(caCert.publicKey)).toBe(true);
    expect(cert.raw.equals(card.issued.certDer)).toBe(true);
    await session.close();
  });

  it('verifies the PIN, wipes it, and signs a portal challenge (P1363 r||s)', async () => {
    const session = await openIdCardSession(service, READER);
    const p = pin(PIN);
    await expect(session.verifyPin(p)).resolves.toEqual({ ok: true });
    expect([...p]).toEqual([0, 0, 0, 0]);
    const challenge = randomBytes(32);
    const result = CardSignResult.parse(await session.respondToChallenge(challenge));
    const sig = Buffer.from(result.signatureB64, 'base64');
    expect(sig).toHaveLength(64);
    expect(verifiesAgainst(result.certificatePem, challenge, sig)).toBe(true);
    expect(verifiesAgainst(result.certificatePem, randomBytes(32), sig)).toBe(false);
    await session.close();
  });

  it('refuses to sign before the PIN is verified (69 82)', async () => {
    const session = await openIdCardSession(service, READER);
    await rejectsWith(session.sign(randomBytes(32)), 'UNAUTHORIZED');
    await session.close();
  });

  it('counts tries left after a wrong PIN and resets them on the right one', async () => {
    const session = await openIdCardSession(service, READER);
    expect(await session.pinTriesLeft()).toBe(IdCardApp.maxPinTries);
    const wrong = pin('0000');
    expect(await rejectsWith(session.verifyPin(wrong), 'PIN_INVALID')).toEqual({ triesLeft: 2 });
    expect([...wrong]).toEqual([0, 0, 0, 0]);
    expect(await session.pinTriesLeft()).toBe(2);
    expect(card.triesLeft).toBe(2);
    await session.verifyPin(pin(PIN));
    expect(card.triesLeft).toBe(3);
    await session.close();
  });

  it('blocks the card after three wrong PINs, even for the right PIN and after reinsertion', async () => {
    let session = await openIdCardSession(service, READER);
    expect(await rejectsWith(session.verifyPin(pin('1111')), 'PIN_INVALID')).toEqual({
      triesLeft: 2,
    });
    expect(await rejectsWith(session.verifyPin(pin('2222')), 'PIN_INVALID')).toEqual({
      triesLeft: 1,
    });
    await rejectsWith(session.verifyPin(pin('3333')), 'PIN_BLOCKED');
    await rejectsWith(session.verifyPin(pin(PIN)), 'PIN_BLOCKED');
    expect(await session.pinTriesLeft()).toBe(0);
    await card.remove();
    await service.waitForCard(READER, false, 5_000);
    await card.insert();
    await service.waitForCard(READER, true, 5_000);
    session = await openIdCardSession(service, READER);
    await rejectsWith(session.verifyPin(pin(PIN)), 'PIN_BLOCKED');
    await session.close();
  });

  it('rejects a malformed PIN without sending it, and still wipes it', async () => {
    const session = await openIdCardSession(service, READER);
    const sent: Buffer[] = [];
    const off = card.onApdu((a) => sent.push(a));
    const bad = pin('12a4');
    await rejectsWith(session.verifyPin(bad), 'INVALID');
    off();
    expect(sent).toHaveLength(0);
    expect([...bad]).toEqual([0, 0, 0, 0]);
    expect(card.triesLeft).toBe(3);
    await session.close();
  });

  it('never logs the PIN although it reaches the card', async () => {
    const atCard: string[] = [];
    const off = card.onApdu((a) => atCard.push(a.toString('hex')));
    const session = await openIdCardSession(service, READER);
    await session.verifyPin(pin(PIN));
    off();
    const pinHex = Buffer.from(PIN).toString('hex');
    expect(atCard.some((h) => h.includes(pinHex))).toBe(true);
    const logged = JSON.stringify(logs);
    expect(logs.length).toBeGreaterThan(0);
    expect(logged.toLowerCase()).not.toContain(pinHex);
    expect(logged).not.toContain(PIN);
    await session.close();
  });

  it('fails CARD_REMOVED when the card is pulled mid-command, and the session stays dead', async () => {
    const session = await openIdCardSession(service, READER);
    card.setFault({ pullOnNextApdu: true });
    await rejectsWith(session.readCertificate(), 'CARD_REMOVED');
    await service.waitForCard(READER, false, 5_000);
    await rejectsWith(
      service.transmit(READER, Buffer.from('00A4040C07D6160000300101', 'hex'), 2_000),
      'CARD_REMOVED',
    );
    await card.insert();
    await service.waitForCard(READER, true, 5_000);
    // Same reader, new insertion: the old session must not talk to whoever's card this is.
    await rejectsWith(session.pinTriesLeft(), 'CARD_REMOVED');
    const fresh = await openIdCardSession(service, READER);
    expect((await fresh.readCertificate()).holder.surname).toBe(HOLDER.surname);
    await fresh.close();
  });

  it('times out on a mute card within the given time, then recovers after reinsertion', async () => {
    const session = await openIdCardSession(service, READER, { timeoutMs: 400 });
    card.setFault({ silent: true });
    const t0 = Date.now();
    await rejectsWith(session.pinTriesLeft(), 'TIMEOUT');
    expect(Date.now() - t0).toBeLessThan(2_000);
    await card.remove();
    await service.waitForCard(READER, false, 5_000);
    card.setFault({});
    await card.insert();
    await service.waitForCard(READER, true, 5_000);
    const fresh = await openIdCardSession(service, READER);
    expect(await fresh.pinTriesLeft()).toBe(3);
    await fresh.close();
  });

  it('forgets the verified PIN when the session closes (card reset)', async () => {
    const first = await openIdCardSession(service, READER);
    await first.verifyPin(pin(PIN));
    await first.close();
    const second = await openIdCardSession(service, READER);
    await rejectsWith(second.sign(randomBytes(32)), 'UNAUTHORIZED');
    await second.close();
  });

  it('detects no pinpad on the virtual reader (no part 10 features)', async () => {
    const session = await openIdCardSession(service, READER);
    expect(await session.hasPinpad()).toBe(false);
    await rejectsWith(session.verifyPinOnPinpad(), 'UNAVAILABLE');
    await session.close();
  });

  // The signature key ("podpis osobisty"): its own certificate, 6-digit PIN and counter.
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
    const pin6 = pin(DEFAULT_SIGN_PIN);
    const sig = await session.signDigest(pin6, sha256(document));
    expect([...pin6]).toEqual([0, 0, 0, 0, 0, 0]);
    const { pem } = await session.readSignatureCertificate();
    expect(verifiesAgainst(pem, document, sig)).toBe(true);
    expect(verifiesAgainst(pem, randomBytes(10), sig)).toBe(false);
    await session.verifyPin(pin(PIN));
    const challenge = randomBytes(32);
    const login = await session.respondToChallenge(challenge);
    const loginSig = Buffer.from(login.signatureB64, 'base64');
    expect(verifiesAgainst(login.certificatePem, challenge, loginSig)).toBe(true);
    expect(JSON.stringify(logs).toLowerCase()).not.toContain(
      Buffer.from(DEFAULT_SIGN_PIN).toString('hex'),
    );
    await session.close();
  });

  it('counts wrong signature PINs on their own counter and blocks at the third', async () => {
    const session = await openIdCardSession(service, READER);
    const digest = sha256(pin('x'));
    expect(await session.signaturePinTriesLeft()).toBe(3);
    expect(await rejectsWith(session.signDigest(pin('000000'), digest), 'PIN_INVALID')).toEqual({
      triesLeft: 2,
    });
    expect(await rejectsWith(session.signDigest(pin('111111'), digest), 'PIN_INVALID')).toEqual({
      triesLeft: 1,
    });
    expect(card.triesLeft).toBe(3); // the login PIN is untouched
    await rejectsWith(session.signDigest(pin('222222'), digest), 'PIN_BLOCKED');
    await rejectsWith(session.signDigest(pin(DEFAULT_SIGN_PIN), digest), 'PIN_BLOCKED');
    expect(await session.signaturePinTriesLeft()).toBe(0);
    expect(card.signTriesLeft).toBe(0);
    await session.verifyPin(pin(PIN)); // login still works
    await session.close();
  });

  it('refuses a 4-digit signature PIN or a wrong-size digest without sending it, and wipes it', async () => {
    const session = await openIdCardSession(service, READER);
    const sent: Buffer[] = [];
    const off = card.onApdu((a) => sent.push(a));
    const short = pin(PIN);
    await rejectsWith(session.signDigest(short, sha256(pin('x'))), 'INVALID');
    const good = pin(DEFAULT_SIGN_PIN);
    await rejectsWith(session.signDigest(good, Buffer.alloc(20)), 'INVALID');
    off();
    expect(sent).toHaveLength(0);
    expect([...short, ...good].every((b) => b === 0)).toBe(true);
    expect(card.signTriesLeft).toBe(3);
    await session.close();
  });

  it('answers NOT_FOUND for an unknown reader and CARD_REMOVED for an empty one', async () => {
    await rejectsWith(
      service.transmit('No Such Reader', Buffer.from('00A40400', 'hex'), 1_000),
      'NOT_FOUND',
    );
    await rejectsWith(
      service.transmit(VIRTUAL_READERS[1].name, Buffer.from('00A40400', 'hex'), 1_000),
      'CARD_REMOVED',
    );
  });
});

const realReader = process.env.SKR_CARD_READER;
const realPin = process.env.SKR_CARD_PIN;

describe.skipIf(!realReader)('ID card contract: real reader (SKR_CARD_READER)', () => {
  const reader = realReader ?? '';
  let service: PcscReaderService;

  beforeAll(async () => {
    service = createPcscReaderService();
    await service.waitForReader(reader, 10_000);
    await service.waitForCard(reader, true, 20_000);
  });
  afterAll(() => service?.close());

  it('lists the reader and reads the holder', async () => {
    expect(service.readers()).toContain(reader);
    const session = await openIdCardSession(service, reader);
    const { holder } = await session.readCertificate();
    expect(CardHolder.safeParse(holder).success).toBe(true);
    const tries = await session.pinTriesLeft();
    expect(tries).toBeGreaterThanOrEqual(0);
    expect(tries).toBeLessThanOrEqual(IdCardApp.maxPinTries);
    expect(typeof (await session.hasPinpad())).toBe('boolean');
    await session.close();
  });

  it.skipIf(!realPin)('verifies SKR_CARD_PIN and signs a challenge', async () => {
    const session = await openIdCardSession(service, reader);
    await session.verifyPin(Buffer.from(realPin ?? '', 'ascii'));
    const challenge = randomBytes(32);
    const result = await session.respondToChallenge(challenge);
    expect(
      verifiesAgainst(result.certificatePem, challenge, Buffer.from(result.signatureB64, 'base64')),
    ).toBe(true);
    await session.close();
  });
});
